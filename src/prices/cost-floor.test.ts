import { describe, expect, it } from "vitest";
import { ACCELERATORS, findAccelerator } from "../catalog/accelerators/index.js";
import { defaultUsdPerHour } from "../core/hardware.js";
import { costFloor, datacenterGpus, defaultRental, evaluateConfig, FLOOR_DEFAULTS, floorPrecision, releaseDay } from "./cost-floor.js";

const SMALL = "meta-llama/Llama-3.1-8B";
const POOL = ["h100-sxm", "l4", "a100-sxm-80gb"];

describe("cost floor", () => {
  it("prices each accelerator at the rental row defaultUsdPerHour reads", () => {
    for (const a of ACCELERATORS) expect(defaultRental(a).usdPerHour).toBe(defaultUsdPerHour(a));
  });

  it("searches datacenter GPUs by default (scale-out network), not consumer cards or Macs", () => {
    const ids = datacenterGpus().map((a) => a.id);
    expect(ids).toContain("h100-sxm");
    expect(ids).toContain("mi300x");
    expect(ids).not.toContain("rtx-4090");
    expect(ids).not.toContain("apple-m2-ultra");
  });

  it("uses fp8 where the accelerator computes in fp8, else bf16", () => {
    expect(floorPrecision(findAccelerator("h100-sxm")!)).toBe("fp8");
    expect(floorPrecision(findAccelerator("a100-sxm-80gb")!)).toBe("bf16");
    expect(releaseDay(findAccelerator("h100-sxm")!)).toBe("2022-09-01");
  });

  it("returns the cheapest fitting configuration with its price source, and blended cost from its own arithmetic", () => {
    const floor = costFloor({ model: SMALL, accelerators: POOL });
    expect(floor.ok).toBe(true);
    if (!floor.ok) return;
    const { best, candidates } = floor.value;
    expect(best).toBe(candidates[0]);
    for (const c of candidates) expect(c.blendedUsdPerMillionTokens).toBeGreaterThanOrEqual(best.blendedUsdPerMillionTokens);
    // blended = count x usdPerHour / 3600 / utilization / (input + output tokens/s) x 1e6
    const tokensPerSecond = best.inputTokensPerSecond + best.outputTokensPerSecond;
    const expected = ((best.count * best.usdPerAcceleratorHour) / 3600 / FLOOR_DEFAULTS.utilizationFraction / tokensPerSecond) * 1e6;
    expect(best.blendedUsdPerMillionTokens).toBeCloseTo(expected, 12);
    // the engine's split (prefill time to input, decode time to output) adds back up to the system's cost per second:
    // in$/M x in/s + out$/M x out/s = usdPerSecond x 1e6
    const usdPerSecond = (best.count * best.usdPerAcceleratorHour) / 3600 / FLOOR_DEFAULTS.utilizationFraction;
    const recombined = (best.usdPerMillionInputTokens ?? 0) * best.inputTokensPerSecond + (best.usdPerMillionOutputTokens ?? 0) * best.outputTokensPerSecond;
    expect(recombined / 1e6).toBeCloseTo(usdPerSecond, 9);
    expect(best.priceSource.source.url).toMatch(/^https?:\/\//);
    expect(best.priceSource.usdPerHour).toBe(best.usdPerAcceleratorHour);
    expect(floor.value.why).toContain(best.acceleratorId);
    expect(floor.value.why).toContain("60% utilization");
    for (const c of candidates) expect(Number.isFinite(c.blendedUsdPerMillionTokens) && c.blendedUsdPerMillionTokens > 0).toBe(true);
  });

  it("halving utilization doubles the floor (same configuration wins: every cost scales by 1/utilization)", () => {
    const at60 = costFloor({ model: SMALL, accelerators: POOL, utilizationFraction: 0.6 });
    const at30 = costFloor({ model: SMALL, accelerators: POOL, utilizationFraction: 0.3 });
    if (!at60.ok || !at30.ok) throw new Error("floor failed");
    expect(at30.value.best.acceleratorId).toBe(at60.value.best.acceleratorId);
    expect(at30.value.best.blendedUsdPerMillionTokens / at60.value.best.blendedUsdPerMillionTokens).toBeCloseTo(2, 9);
  });

  it("skips configurations that do not fit (405B on 1-8 L4s)", () => {
    const floor = costFloor({ model: "meta-llama/Llama-3.1-405B", accelerators: ["l4"] });
    expect(floor.ok).toBe(false);
    if (floor.ok) return;
    expect(floor.issues[0]!.code).toBe("no_fitting_configuration");
  });

  it("only uses accelerators released by a date", () => {
    const floor = costFloor({ model: SMALL, accelerators: ["h100-sxm", "b200"], releasedBy: "2023-06-01" });
    if (!floor.ok) throw new Error("floor failed");
    expect(new Set(floor.value.candidates.map((c) => c.acceleratorId))).toEqual(new Set(["h100-sxm"]));
  });

  it("memoizes configurations within the process", () => {
    const a = findAccelerator("h100-sxm")!;
    const w = { inputTokens: 1000, outputTokens: 250, interactivityTokensPerSecond: 20, ttftSeconds: 2, percentile: 99 };
    expect(evaluateConfig(SMALL, a, 1, w, 0.6)).toBe(evaluateConfig(SMALL, a, 1, w, 0.6));
  });

  it("rejects unknown models and accelerators with suggestions, and utilization outside (0, 1]", () => {
    const model = costFloor({ model: "llama-3.1-8bb" });
    expect(model.ok).toBe(false);
    if (!model.ok) {
      expect(model.issues[0]!.code).toBe("unknown_model");
      expect((model.issues[0]!.suggestions as string[]).length).toBeGreaterThan(0);
    }
    const acc = costFloor({ model: SMALL, accelerators: ["h100-sxmm"] });
    expect(acc.ok).toBe(false);
    if (!acc.ok) expect(acc.issues[0]!.suggestions).toContain("h100-sxm");
    for (const u of [0, 1.5, Number.NaN]) expect(costFloor({ model: SMALL, accelerators: POOL, utilizationFraction: u }).ok).toBe(false);
  });
});
