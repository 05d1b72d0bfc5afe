import { describe, expect, it } from "vitest";
import { TRAINING_MFU, TrainingMfuRow, defaultTrainingMfu } from "./training-mfu.js";

describe("training MFU table", () => {
  it("every row parses and ids are unique", () => {
    for (const row of TRAINING_MFU) TrainingMfuRow.parse(row);
    expect(new Set(TRAINING_MFU.map((r) => r.id)).size).toBe(TRAINING_MFU.length);
  });
  it("holds the headline published figures", () => {
    const by = (id: string) => TRAINING_MFU.find((r) => r.id === id)!.mfuFraction;
    expect(by("palm-540b")).toBe(0.462);
    expect(by("megascale-175b")).toBe(0.552);
    expect(by("llama3-405b")).toBeGreaterThanOrEqual(0.38);
    expect(by("llama3-405b")).toBeLessThanOrEqual(0.43);
  });
  it("DeepSeek-V3's derived FP8 MFU follows from its reported hours", () => {
    // 6 x 37e9 x 14.8e12 = 3.2856e24 FLOPs; 2.664e6 h x 3600 = 9.5904e9 GPU-s -> 3.426e14 FLOP/s; / 1979e12 = 0.1731
    expect((6 * 37e9 * 14.8e12) / (2.664e6 * 3600) / 1979e12).toBeCloseTo(TRAINING_MFU.find((r) => r.id === "deepseek-v3")!.mfuFraction, 3);
  });
  it("defaults: Hopper BF16 is Llama 3's, Ampere BF16 is the median of MT-NLG and MegaScale, unknown families fall back", () => {
    expect(defaultTrainingMfu("hopper", "bf16")).toMatchObject({ mfuFraction: 0.41, basis: "family-and-precision" });
    // median(0.302, 0.552) = 0.427
    expect(defaultTrainingMfu("ampere", "bf16").mfuFraction).toBeCloseTo(0.427, 6);
    // Hopper FP8: median(0.197, 0.173) = 0.185
    expect(defaultTrainingMfu("hopper", "fp8").mfuFraction).toBeCloseTo(0.185, 6);
    expect(defaultTrainingMfu("cdna3", "bf16")).toMatchObject({ mfuFraction: 0.41, basis: "fallback" });
    expect(defaultTrainingMfu("ampere", "fp8").basis).toBe("family");
  });
});
