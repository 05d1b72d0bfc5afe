import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  allReduceSeconds,
  collectiveSeconds,
  contextAttentionSeconds,
  gemmFormatFor,
  gemmSeconds,
  generationAttentionSeconds,
  mlaContextSeconds,
  mlaGenerationSeconds,
  moeSeconds,
  profileFromRates,
  smoothMax,
  causalPairCount,
  type OperatorProfile,
} from "./operators.js";

const TERA = 1e12;
// A synthetic profile with zero padding and a sharp max so the hand-derived roofline values apply exactly.
const sharp: OperatorProfile = {
  system: "synthetic",
  acceleratorIds: ["synthetic"],
  framework: "vllm",
  version: "0",
  source: { url: "https://example.invalid/synthetic", retrievedDate: "2026-12-04", note: "test fixture" },
  gemm: { bf16: { launchSeconds: 5e-6, flopsPerSecond: 1000 * TERA, memoryBytesPerSecond: 3 * TERA, paddingM: 0, paddingN: 0, paddingK: 0, serialElementCount: 0, sharpness: 50 } },
  contextAttention: { bf16: { launchSeconds: 4e-6, perSequenceSeconds: 0, flopsPerSecond: 500 * TERA, headDimOverhead: 0, paddingTokens: 0, memoryBytesPerSecond: 3 * TERA, sharpness: 50 } },
  generationAttention: { bf16: { launchSeconds: 4e-6, perSequenceSeconds: 0, memoryBytesPerSecond: 3 * TERA, flopsPerSecond: 500 * TERA, paddingTokens: 0, parallelHeadCount: 0, sharpness: 50 } },
  nccl: { all_reduce: { launchSeconds: 10e-6, hopSeconds: 1e-6, busBytesPerSecond: 100e9 } },
  allReduce: { launchSeconds: 3e-6, hopSeconds: 0, busBytesPerSecond: 50e9, maxMessageBytes: 1e6 },
};

const rates = profileFromRates({
  system: "rates",
  acceleratorIds: ["rates"],
  framework: "vllm",
  version: "0",
  source: { url: "https://example.invalid/rates", retrievedDate: "2026-12-04", note: "test fixture" },
  gemmFlopsPerSecondByFormat: { bf16: 150 * TERA, fp8: 300 * TERA },
  memoryBytesPerSecond: 1 * TERA,
  launchSeconds: 8e-6,
  allReduceBusBytesPerSecond: 40e9,
});

describe("gemmSeconds", () => {
  it("is compute bound at large m: 2mnk/peak plus launch", () => {
    // 2 * 16384^3 / 1e15 = 8.796e-3 s; memory 2 B * 3 * 16384^2 / 3e12 = 5.4e-4 s is 6% of it, vanishing under q = 50.
    const expected = (2 * 16384 ** 3) / (1000 * TERA) + 5e-6;
    expect(gemmSeconds(sharp, "bf16", 16384, 16384, 16384) / expected - 1).toBeLessThan(1e-6);
    expect(gemmSeconds(sharp, "bf16", 16384, 16384, 16384) / expected - 1).toBeGreaterThan(-1e-9);
  });
  it("is memory bound at m = 1: bytes / bandwidth plus launch", () => {
    // bytes = 2*8192*8192 (weights) + 2*8192 (activations) + 2*8192 (output) = 134,250,496; / 3e12 = 4.4750e-5 s
    const expected = 134_250_496 / (3 * TERA) + 5e-6;
    expect(Math.abs(gemmSeconds(sharp, "bf16", 1, 8192, 8192) / expected - 1)).toBeLessThan(1e-6);
  });
  it("falls back to the nearest present format", () => {
    expect(gemmFormatFor(sharp, "fp8")).toBe("bf16");
    expect(gemmFormatFor(rates, "nvfp4")).toBe("fp8");
    expect(gemmFormatFor(rates, "fp8_block")).toBe("fp8");
    expect(gemmSeconds(sharp, "nvfp4", 64, 4096, 4096)).toBe(gemmSeconds(sharp, "bf16", 64, 4096, 4096));
  });
});

describe("attention", () => {
  it("prefill is 4·d·h·pairs / F for a compute-bound prompt", () => {
    // pairs = 1024*1025/2 = 524,800; flops = 4*128*32*524,800 = 8.598e9; / 5e14 = 1.7196e-5 s (+4 us launch).
    // memory = 1024*128*(4*32 + 2*8*2) B = 20.97 MB / 3e12 = 7.0e-6 s, negligible under q = 50.
    const t = contextAttentionSeconds(sharp, { batchSize: 1, inputTokens: 1024, headCount: 32, kvHeadCount: 8, headDim: 128, kvFormat: "bf16" });
    expect(Math.abs(t / ((4 * 128 * 32 * 524_800) / (500 * TERA) + 4e-6) - 1)).toBeLessThan(1e-6);
  });
  it("sliding windows count s·w - w(w-1)/2 pairs", () => {
    expect(causalPairCount(10, 4)).toBe(10 * 4 - 6);
    expect(causalPairCount(4, 4)).toBe(10);
    expect(causalPairCount(4, 0)).toBe(10);
  });
  it("decode reads the KV cache at memory bandwidth", () => {
    // bytes = 8 seq * 4096 tok * 8 kv heads * 128 dim * 2 (K and V) * 2 B = 134,217,728; / 3e12 = 4.474e-5 s
    const t = generationAttentionSeconds(sharp, { batchSize: 8, contextTokens: 4096, headCount: 32, kvHeadCount: 8, headDim: 128, kvFormat: "bf16" });
    expect(Math.abs(t / (134_217_728 / (3 * TERA) + 4e-6) - 1)).toBeLessThan(1e-6);
  });
  it("uses the other KV format's parameters when one is missing", () => {
    const x = { batchSize: 8, contextTokens: 4096, headCount: 32, kvHeadCount: 8, headDim: 128 };
    expect(generationAttentionSeconds(sharp, { ...x, kvFormat: "fp8" })).toBeLessThan(generationAttentionSeconds(sharp, { ...x, kvFormat: "bf16" }));
  });
});

describe("collectives", () => {
  it("ring all-reduce moves 2(n-1)/n of the message", () => {
    // 8 GPUs, 10 MB: 10e6 * 1.75 / 100e9 = 1.75e-4 s + 10 us + 3 * 1 us
    expect(collectiveSeconds(sharp, "all_reduce", { messageBytes: 10e6, gpuCount: 8 })).toBeCloseTo(1.75e-4 + 13e-6, 12);
    expect(collectiveSeconds(sharp, "all_reduce", { messageBytes: 10e6, gpuCount: 1 })).toBe(0);
  });
  it("all-reduce takes the custom kernel when faster and within its limit, else NCCL", () => {
    // 64 KB on 2 GPUs: custom 3 us + 65536/50e9 = 4.31 us; NCCL 10 us + 1 us + 0.66 us
    expect(allReduceSeconds(sharp, { messageBytes: 65536, gpuCount: 2 })).toBeCloseTo(3e-6 + 65536 / 50e9, 12);
    // 100 MB > maxMessageBytes: NCCL only
    expect(allReduceSeconds(sharp, { messageBytes: 100e6, gpuCount: 2 })).toBeCloseTo(11e-6 + 100e6 / 100e9, 12);
  });
});

describe("smoothMax", () => {
  it("bounds max(a, b) from above by at most 2^(1/q)", () => {
    expect(smoothMax(1, 1, 2)).toBeCloseTo(Math.SQRT2, 12);
    expect(smoothMax(3, 0, 2)).toBe(3);
    expect(smoothMax(0, 0, 2)).toBe(0);
  });
});

const dim = fc.integer({ min: 1, max: 1 << 17 });
const small = fc.integer({ min: 1, max: 512 });
const profiles: [string, OperatorProfile][] = [
  ["synthetic", sharp],
  ["profileFromRates", rates],
];

describe.each(profiles)("properties (%s)", (_name, p) => {
  it("GEMM is finite, positive and non-decreasing in m, n, k", () => {
    fc.assert(
      fc.property(dim, dim, dim, dim, (m, n, k, dm) => {
        const t = gemmSeconds(p, "bf16", m, n, k);
        return Number.isFinite(t) && t > 0 && gemmSeconds(p, "bf16", m + dm, n, k) >= t && gemmSeconds(p, "fp8", m, n + dm, k + dm) >= gemmSeconds(p, "fp8", m, n, k);
      }),
      { seed: 7 },
    );
  });
  it("attention is finite, positive and non-decreasing in tokens and context", () => {
    fc.assert(
      fc.property(small, dim, small, fc.integer({ min: 1, max: 8 }), fc.constantFrom(64, 128, 256), dim, fc.constantFrom(0, 128, 4096), (b, s, h, g, d, ds, w) => {
        const x = { batchSize: b, inputTokens: s, headCount: h * g, kvHeadCount: h, headDim: d, kvFormat: "bf16" as const, windowTokens: w };
        const c = contextAttentionSeconds(p, x);
        const y = { batchSize: b, contextTokens: s, headCount: h * g, kvHeadCount: h, headDim: d, kvFormat: "fp8" as const, windowTokens: w };
        const gsec = generationAttentionSeconds(p, y);
        return (
          Number.isFinite(c) &&
          c > 0 &&
          contextAttentionSeconds(p, { ...x, inputTokens: s + ds }) >= c &&
          Number.isFinite(gsec) &&
          gsec > 0 &&
          generationAttentionSeconds(p, { ...y, contextTokens: s + ds }) >= gsec &&
          generationAttentionSeconds(p, { ...y, batchSize: b + 1 }) >= gsec
        );
      }),
      { seed: 11 },
    );
  });
  it("MoE is non-decreasing in tokens", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 65536 }), fc.integer({ min: 1, max: 4096 }), fc.constantFrom(1, 2, 8), (t, dt, ep) => {
        const x = { tokenCount: t, hiddenSize: 7168, intermediateSize: 2048, topK: 8, expertCount: 256, tpSize: 1, epSize: ep };
        const a = moeSeconds(p.moe ? p : rates, "fp8", x);
        return Number.isFinite(a) && a > 0 && moeSeconds(p.moe ? p : rates, "fp8", { ...x, tokenCount: t + dt }) >= a;
      }),
      { seed: 13 },
    );
  });
});

describe("MLA", () => {
  const mla: OperatorProfile = {
    ...sharp,
    mla: {
      scope: "kernel",
      context: { "bf16-kv-bf16": { launchSeconds: 1e-5, tokenSeconds: 1e-9, tokenHeadSeconds: 1e-10, pairHeadSeconds: 1e-12, weightSeconds: 1e-5, weightHeadSeconds: 1e-7, tokenMemorySeconds: 1e-9, sharpness: 3 } },
      generation: {
        "bf16-kv-bf16": { launchSeconds: 1e-5, tokenSeconds: 1e-9, tokenHeadSeconds: 1e-10, contextHeadSeconds: 1e-12, weightSeconds: 1e-5, weightHeadSeconds: 1e-7, contextMemorySeconds: 1e-10, paddingTokens: 16, sharpness: 3 },
      },
    },
  };
  it("falls back across variants and grows with context", () => {
    const a = mlaGenerationSeconds(mla, { batchSize: 4, contextTokens: 1024, headCount: 16, kvFormat: "fp8", gemmFormat: "fp8_block" });
    const b = mlaGenerationSeconds(mla, { batchSize: 4, contextTokens: 8192, headCount: 16, kvFormat: "fp8" });
    expect(a).toBeGreaterThan(1e-5);
    expect(b).toBeGreaterThan(a);
    expect(mlaContextSeconds(mla, { batchSize: 1, inputTokens: 4096, headCount: 16, kvFormat: "bf16" })).toBeGreaterThan(mlaContextSeconds(mla, { batchSize: 1, inputTokens: 1024, headCount: 16, kvFormat: "bf16" }));
  });
});
