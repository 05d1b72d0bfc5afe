import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { Accelerator } from "../../core/hardware.js";
import { GB, GIB, TB, TERA } from "../../core/units.js";
import { ACCELERATORS, acceleratorIds, findAccelerator, nearestAcceleratorIds } from "./index.js";
import { editDistance } from "./nearest.js";

/** Relative closeness: |actual - expected| <= fraction x expected. */
function near(actual: number | undefined, expected: number, fraction = 0.01): boolean {
  return actual !== undefined && Math.abs(actual - expected) <= fraction * expected;
}
function get(id: string): Accelerator {
  const a = findAccelerator(id);
  if (!a) throw new Error(`missing accelerator: ${id}`);
  return a;
}

const REQUIRED_IDS = [
  "a100-sxm-80gb",
  "a100-pcie-80gb",
  "a100-sxm-40gb",
  "h100-sxm",
  "h100-pcie",
  "h100-nvl",
  "h200-sxm",
  "h200-nvl",
  "gh200",
  "b200",
  "gb200",
  "b300",
  "gb300",
  "l40s",
  "l4",
  "rtx-3090",
  "rtx-3090-ti",
  "rtx-4090",
  "rtx-5090",
  "rtx-pro-6000",
  "mi210",
  "mi300x",
  "mi325x",
  "mi355x",
  "arc-pro-b60",
  "xeon-6980p",
  "xeon-cascade-lake-16vcpu",
  "apple-m1-max",
  "apple-m2-ultra",
  "apple-m3-max",
  "apple-m4-max",
];
// Copied from /work/shared/calibration/README.md ("accelerators:" line); the file is re-read below when present.
const CALIBRATION_IDS = [
  "a100-pcie-80gb",
  "a100-sxm-80gb",
  "apple-m1-max",
  "apple-m2-ultra",
  "apple-m3-max",
  "arc-pro-b60",
  "b200",
  "gb200",
  "gb300",
  "gh200",
  "h100-pcie",
  "h100-sxm",
  "h200-nvl",
  "h200-sxm",
  "l4",
  "l40s",
  "mi210",
  "mi300x",
  "mi325x",
  "mi355x",
  "rtx-3090",
  "rtx-3090-ti",
  "rtx-4090",
  "rtx-pro-6000",
  "xeon-6980p",
  "xeon-cascade-lake-16vcpu",
];

describe("accelerator catalog rows", () => {
  it("every row parses with the zod schema", () => {
    for (const a of ACCELERATORS) expect(Accelerator.safeParse(a).success, a.id).toBe(true);
  });

  it("has unique ids, at least 25 rows, and every required id", () => {
    const ids = acceleratorIds();
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBeGreaterThanOrEqual(25);
    for (const id of REQUIRED_IDS) expect(findAccelerator(id), id).toBeDefined();
  });

  it("resolves every accelerator id of the calibration set", () => {
    for (const id of CALIBRATION_IDS) expect(findAccelerator(id), id).toBeDefined();
    const readme = "/work/shared/calibration/README.md";
    if (existsSync(readme)) {
      const line = readFileSync(readme, "utf8")
        .split("\n")
        .find((l) => l.trim().startsWith("- accelerators:"));
      const listed = (line ?? "")
        .replace(/^.*accelerators:/, "")
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean);
      expect(listed.length).toBeGreaterThan(0);
      for (const id of listed) expect(findAccelerator(id), id).toBeDefined();
    }
  });

  it("uses dense, not 2:4 sparse, peaks", () => {
    // H100 SXM: datasheet 1,979 bf16 / 3,958 fp8 TFLOPS with sparsity -> 989 / 1,979 dense.
    expect(near(get("h100-sxm").denseFlopsPerSecond.bf16, 989 * TERA)).toBe(true);
    expect(near(get("h100-sxm").denseFlopsPerSecond.fp8, 1979 * TERA)).toBe(true);
    // H200 SXM shares the H100 SXM compute; H100 PCIe: 1,513 sparse bf16 / 2 = 756.5.
    expect(near(get("h200-sxm").denseFlopsPerSecond.bf16, 989 * TERA)).toBe(true);
    expect(near(get("h100-pcie").denseFlopsPerSecond.bf16, 756.5 * TERA)).toBe(true);
    // A100: 624 sparse / 2 = 312. B200 HGX: 4.5 PF sparse bf16 / 2 = 2.25 PF. L40S: 733 sparse / 2 = 366.5 (362 listed).
    expect(near(get("a100-sxm-80gb").denseFlopsPerSecond.bf16, 312 * TERA)).toBe(true);
    expect(near(get("b200").denseFlopsPerSecond.bf16, 2250 * TERA)).toBe(true);
    expect(near(get("l40s").denseFlopsPerSecond.bf16, 366.5 * TERA, 0.02)).toBe(true);
    // AMD quotes dense: MI300X bf16 1,307.4; MI355X fp8 = 256 CU x 2.4 GHz x 8192 = 5,033 TFLOPS.
    expect(near(get("mi300x").denseFlopsPerSecond.bf16, 1307.4 * TERA)).toBe(true);
    expect(near(get("mi355x").denseFlopsPerSecond.fp8, 256 * 2.4e9 * 8192)).toBe(true);
  });

  it("lists GeForce tensor rates with FP32 accumulate", () => {
    // Ada whitepaper: RTX 4090 FP16 with FP32 accumulate 165.2 dense (330.4 with FP16 accumulate or sparsity).
    expect(near(get("rtx-4090").denseFlopsPerSecond.bf16, 165.2 * TERA)).toBe(true);
    // GA102 whitepaper: RTX 3090 71 TFLOPS with FP32 accumulate.
    expect(near(get("rtx-3090").denseFlopsPerSecond.fp16, 71 * TERA)).toBe(true);
  });

  it("orders bf16 <= fp8 <= fp4 wherever the formats are present", () => {
    for (const a of ACCELERATORS) {
      const { bf16, fp8, fp4 } = a.denseFlopsPerSecond;
      if (bf16 !== undefined && fp8 !== undefined) expect(bf16, a.id).toBeLessThanOrEqual(fp8);
      if (fp8 !== undefined && fp4 !== undefined) expect(fp8, a.id).toBeLessThanOrEqual(fp4);
      if (bf16 !== undefined && fp4 !== undefined) expect(bf16, a.id).toBeLessThanOrEqual(fp4);
    }
  });

  it("omits formats Apple GPUs lack instead of writing zero", () => {
    for (const id of ["apple-m1-max", "apple-m2-ultra", "apple-m3-max", "apple-m4-max"]) {
      const a = get(id);
      expect(a.kind).toBe("soc");
      expect(a.denseFlopsPerSecond.fp8).toBeUndefined();
      expect(a.denseFlopsPerSecond.int8).toBeUndefined();
      expect(a.scaleUp.domainSize).toBe(1);
      expect(a.scaleOut).toBeNull();
    }
    // M2 Ultra: 76 cores x 128 lanes x 2 FLOP x 1.398 GHz = 27.2 TFLOPS.
    expect(near(get("apple-m2-ultra").denseFlopsPerSecond.fp16, 27.2 * TERA)).toBe(true);
  });

  it("derives CPU peaks from cores x clock x ops per cycle", () => {
    // Xeon 6980P AMX: 128 cores x 3.2 GHz x 1024 bf16 FLOP/cycle = 419.4 TFLOPS; int8 2048/cycle = 838.9 TOPS.
    expect(near(get("xeon-6980p").denseFlopsPerSecond.bf16, 419.4 * TERA)).toBe(true);
    expect(near(get("xeon-6980p").denseFlopsPerSecond.int8, 838.9 * TERA)).toBe(true);
    // Cascade Lake slice: 8 cores x 3.0 GHz x 64 fp32 FLOP/cycle (2 AVX-512 FMA) = 1.536 TFLOPS; no bf16 unit.
    const clx = get("xeon-cascade-lake-16vcpu");
    expect(near(clx.denseFlopsPerSecond.fp32, 1.536 * TERA)).toBe(true);
    expect(clx.denseFlopsPerSecond.bf16).toBeUndefined();
    expect(clx.memoryBytes).toBe(32 * GIB);
  });

  it("has sane memory size and bandwidth", () => {
    const cases: [string, number, number][] = [
      ["h100-sxm", 80 * GB, 3.35 * TB],
      ["h200-sxm", 141 * GB, 4.8 * TB],
      ["b200", 180 * GB, 8 * TB],
      ["mi300x", 192 * GB, 5.3 * TB],
      ["mi355x", 288 * GB, 8 * TB],
      ["rtx-4090", 24 * GB, 1.008 * TB],
    ];
    for (const [id, bytes, bytesPerSecond] of cases) {
      expect(near(get(id).memoryBytes, bytes, 0.02), id).toBe(true);
      expect(near(get(id).memoryBandwidthBytesPerSecond, bytesPerSecond, 0.02), id).toBe(true);
    }
  });

  it("uses per-direction scale-up bandwidth and realistic domains", () => {
    // NVLink 4: 900 GB/s bidirectional -> 450 GB/s per direction, 8 per HGX board.
    expect(get("h100-sxm").scaleUp).toMatchObject({ bandwidthBytesPerSecond: 450 * GB, domainSize: 8 });
    // NVLink 5 NVL72: 1.8 TB/s bidirectional -> 900 GB/s per direction, 72 GPUs.
    expect(get("gb200").scaleUp).toMatchObject({ bandwidthBytesPerSecond: 900 * GB, domainSize: 72 });
    expect(get("gb300").scaleUp.domainSize).toBe(72);
    // MI300X: 7 xGMI links x 64 GB/s per direction = 448 GB/s.
    expect(near(get("mi300x").scaleUp.bandwidthBytesPerSecond, 448 * GB)).toBe(true);
    // 400 Gb/s ConnectX-7 = 50e9 bytes/s; GB300 gets ConnectX-8 at 800 Gb/s = 100e9.
    expect(get("h100-sxm").scaleOut?.bandwidthBytesPerSecond).toBe(50e9);
    expect(get("gb300").scaleOut?.bandwidthBytesPerSecond).toBe(100e9);
    expect(get("rtx-4090").scaleOut).toBeNull();
    for (const a of ACCELERATORS) {
      expect(a.scaleUp.latencySeconds, a.id).toBeGreaterThan(0);
      expect(a.scaleUp.latencySeconds, a.id).toBeLessThan(1e-4);
    }
  });

  it("dates every rental row and keeps the seed reference prices", () => {
    for (const a of ACCELERATORS) {
      expect(a.rental.length, a.id).toBeGreaterThan(0);
      for (const r of a.rental) {
        expect(r.date, a.id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(r.date <= "2026-11-22", a.id).toBe(true);
        expect(Number.isFinite(r.usdPerHour) && r.usdPerHour > 0, a.id).toBe(true);
      }
      for (const s of a.sources) expect(s.retrievedDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    const h100 = get("h100-sxm").rental.find((r) => r.usdPerHour === 2.0);
    expect(h100?.source.url).toBe("https://www.tensoreconomics.com/p/why-are-embeddings-so-cheap");
    expect(get("rtx-4090").rental.some((r) => r.usdPerHour === 0.37 && r.date === "2025-09-24")).toBe(true);
  });
});

describe("accelerator lookup", () => {
  it("forgives case and spaces", () => {
    expect(findAccelerator("H100 SXM")?.id).toBe("h100-sxm");
    expect(findAccelerator("no-such-gpu")).toBeUndefined();
  });

  it("computes the edit distance", () => {
    // kitten -> sitten -> sittin -> sitting: 3 edits.
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(editDistance("", "abc")).toBe(3);
    expect(editDistance("h100-sxm", "h100-sxm")).toBe(0);
  });

  it("suggests the nearest ids for unknown names", () => {
    expect(nearestAcceleratorIds("h100")).toHaveLength(3);
    expect(new Set(nearestAcceleratorIds("h100"))).toEqual(new Set(["h100-sxm", "h100-pcie", "h100-nvl"]));
    expect(nearestAcceleratorIds("mi300")[0]).toBe("mi300x");
    expect(nearestAcceleratorIds("rtx4090")[0]).toBe("rtx-4090");
    expect(nearestAcceleratorIds("h100-sxm5", 1)).toEqual(["h100-sxm"]);
    expect(nearestAcceleratorIds("M2 Ultra", 1)).toEqual(["apple-m2-ultra"]);
    expect(nearestAcceleratorIds("h100", 0)).toEqual([]);
  });
});
