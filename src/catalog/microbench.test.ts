import { describe, expect, it } from "vitest";
import { findAccelerator } from "./accelerators/index.js";
import { MICROBENCH, microbenchFor } from "./microbench.js";

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

describe("microbenchmark catalog", () => {
  it("covers the accelerators without NVIDIA kernel tables", () => {
    const ids = [
      "mi210",
      "mi300x",
      "mi325x",
      "mi355x",
      "apple-m1-max",
      "apple-m2-ultra",
      "apple-m3-max",
      "apple-m4-max",
      "xeon-6980p",
      "xeon-cascade-lake-16vcpu",
      "rtx-3090",
      "rtx-3090-ti",
      "rtx-4090",
      "rtx-5090",
      "l4",
      "a100-pcie-80gb",
      "h100-pcie",
      "h100-nvl",
      "h200-nvl",
      "gh200",
    ];
    for (const id of ids) expect(microbenchFor(id), id).toBeDefined();
    expect(microbenchFor("h100-sxm")).toBeUndefined();
  });

  for (const row of MICROBENCH) {
    describe(row.acceleratorId, () => {
      const accelerator = findAccelerator(row.acceleratorId);
      it("is a catalog accelerator", () => expect(accelerator).toBeDefined());
      it("every figure has a URL and an ISO retrieval date; derived ones say so", () => {
        for (const f of [...row.gemm, row.memoryBandwidth]) {
          expect(f.source.url).toMatch(/^https:\/\//);
          expect(f.source.retrievedDate).toMatch(ISO_DATE);
          expect(f.source.note?.length ?? 0).toBeGreaterThan(0);
          if (f.kind === "derived") expect(f.source.note).toMatch(/^derived: /);
        }
      });
      it("achieved GEMM <= the datasheet dense peak of the same format, and the format is supported", () => {
        for (const g of row.gemm) {
          const peak = accelerator!.denseFlopsPerSecond[g.format];
          expect(peak, `${g.format} peak`).toBeDefined();
          expect(g.achievedFlopsPerSecond).toBeLessThanOrEqual(peak!);
          // Nothing implausibly low either: every figure is above a quarter of its peak.
          expect(g.achievedFlopsPerSecond / peak!).toBeGreaterThan(0.25);
        }
      });
      it("achieved bandwidth <= the datasheet bandwidth", () => {
        expect(row.memoryBandwidth.achievedBytesPerSecond).toBeLessThanOrEqual(accelerator!.memoryBandwidthBytesPerSecond);
        expect(row.memoryBandwidth.achievedBytesPerSecond / accelerator!.memoryBandwidthBytesPerSecond).toBeGreaterThan(0.4);
      });
      it("one figure per format", () => {
        const formats = row.gemm.map((g) => g.format);
        expect(new Set(formats).size).toBe(formats.length);
      });
    });
  }

  it("derived figures are peak x fraction (hand check: H100 PCIe BF16 = 756.5 x 794.5/989 = 607.7 TFLOP/s)", () => {
    const bf16 = microbenchFor("h100-pcie")!.gemm.find((g) => g.format === "bf16")!;
    expect(bf16.kind).toBe("derived");
    expect(bf16.achievedFlopsPerSecond / 1e12).toBeCloseTo(607.7, 1);
    expect(bf16.derivation).toEqual({ fraction: 794.5 / 989, siblingId: "h100-sxm" });
  });
  it("measured figures are the published numbers (MI300X 668.4 TFLOP/s BF16, 3910.62 GB/s)", () => {
    const m = microbenchFor("mi300x")!;
    expect(m.gemm[0]).toMatchObject({ format: "bf16", kind: "measured", achievedFlopsPerSecond: 668.4e12 });
    expect(m.memoryBandwidth).toMatchObject({ kind: "measured", achievedBytesPerSecond: 3910.62e9 });
  });
});
