import { describe, expect, it } from "vitest";
import { estimateTraining, trainingFlopsPerToken } from "./training.js";

const base = {
  paramCount: 1e9,
  tokenCount: 1e12,
  acceleratorCount: 8,
  peakFlopsPerSecond: 1e15,
  mfuFraction: 0.5,
  usdPerHour: 2,
  tdpWatts: 700,
  drawFraction: 0.8,
  pue: 1.2,
};

describe("trainingFlopsPerToken", () => {
  it("is 6N without an attention shape", () => {
    expect(trainingFlopsPerToken(7e9).flopsPerToken).toBe(42e9);
  });
  it("adds PaLM's 12 L (HQ) T attention term (Llama 3 405B at 8K context)", () => {
    // 12 x 126 layers x 16384 width x 8192 tokens = 1512 x 16384 x 8192 = 2.0294e11 per token;
    // 6N = 6 x 405e9 = 2.43e12; sum 2.6329e12 (the attention term is ~7.7% of the total).
    const r = trainingFlopsPerToken(405e9, { layerCount: 126, attentionWidth: 16384, sequenceLength: 8192 });
    expect(r.attentionFlopsPerToken).toBeCloseTo(2.0294e11, -8);
    expect(r.flopsPerToken / 2.6329e12).toBeCloseTo(1, 3);
  });
});

describe("estimateTraining", () => {
  it("matches a hand calculation", () => {
    // FLOPs = 6 x 1e9 x 1e12 = 6e21. Rate = 8 x 1e15 x 0.5 = 4e15 FLOP/s -> 1.5e6 s = 416.67 h.
    // GPU-hours = 8 x 416.67 = 3333.3 -> $6666.7 at $2/h.
    // Power = 8 x 700 W x 0.8 x 1.2 = 5376 W; energy = 5376 x 1.5e6 = 8.064e9 J = 2240 kWh.
    const r = estimateTraining(base);
    if (!r.ok) throw new Error("expected ok");
    expect(r.value.totalFlops).toBe(6e21);
    expect(r.value.wallClockSeconds).toBeCloseTo(1.5e6, 3);
    expect(r.value.acceleratorHours).toBeCloseTo(3333.33, 1);
    expect(r.value.costUsd).toBeCloseTo(6666.67, 1);
    expect(r.value.powerWatts).toBeCloseTo(5376, 6);
    expect(r.value.energyKwh).toBeCloseTo(2240, 6);
  });

  it("reproduces Llama 3 405B's ~3.8e25 FLOPs (6ND) and its GPU-hours order of magnitude", () => {
    // 6 x 405e9 x 15.6e12 = 3.7908e25 (Llama 3 paper: 3.8e25). At 16384 H100s, 989e12 bf16 peak, MFU 0.40:
    // rate = 16384 x 989e12 x 0.4 = 6.4815e18 FLOP/s -> 5.849e6 s = 67.7 days; GPU-hours = 16384 x 5.849e6 / 3600 = 2.662e7
    // (Meta reports 30.84M H100-hours for 405B including failures and the long-context stages).
    const r = estimateTraining({ ...base, paramCount: 405e9, tokenCount: 15.6e12, acceleratorCount: 16384, peakFlopsPerSecond: 989e12, mfuFraction: 0.4 });
    if (!r.ok) throw new Error("expected ok");
    expect(r.value.totalFlops / 3.7908e25).toBeCloseTo(1, 6);
    expect(r.value.wallClockSeconds / 86400).toBeCloseTo(67.7, 0);
    expect(r.value.acceleratorHours / 2.662e7).toBeCloseTo(1, 2);
  });

  it("rejects negative tokens, MFU outside (0, 1] and PUE below 1", () => {
    const r = estimateTraining({ ...base, tokenCount: -5, mfuFraction: 1.5, pue: 0.9 });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => i.field).sort()).toEqual(["mfuFraction", "pue", "tokenCount"]);
  });

  it("warns above the best published MFU", () => {
    const r = estimateTraining({ ...base, mfuFraction: 0.9 });
    expect(r.ok && r.warnings.length).toBe(1);
  });
});
