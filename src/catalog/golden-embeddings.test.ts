// Golden figures E1-E12 of shared/reference/seed-figures.md (Tensor Economics, "Why are embeddings so cheap?",
// 2025-09-24), each derived through the engine under the assumptions the article states.
import { describe, expect, it } from "vitest";
import { costOf } from "../core/cost.js";
import { forwardFlops } from "../core/flops.js";
import { shapeModel } from "../core/model-shape.js";
import { predict } from "../core/predict.js";
import { TERA } from "../core/units.js";
import { findAccelerator } from "./accelerators/index.js";
import { resolveOrThrow } from "./test-support/resolve.js";

const MODEL = "Qwen/Qwen3-Embedding-8B";

const resolve = resolveOrThrow;

function embedScenario(accelerator: string, batch: number, seq: number, usdPerAcceleratorHour?: number, utilization = 1) {
  return {
    model: MODEL,
    hardware: { accelerator, count: 1 },
    engine: "tei",
    workload: { kind: "embed", inputTokens: seq, outputTokens: 0, load: { mode: "concurrency", concurrency: batch } },
    ...(usdPerAcceleratorHour ? { pricing: { usdPerAcceleratorHour, utilization } } : {}),
  };
}

const input = resolve(embedScenario("h100-sxm", 4, 1040));
const shape = shapeModel(input.architecture, { weights: "bf16", activations: "bf16", kvCache: "bf16" });

/** Relative difference. */
const rel = (a: number, b: number): number => Math.abs(a - b) / Math.abs(b);

describe("E: Qwen3-Embedding-8B economics", () => {
  it("E1: weights in bf16 are 15.14 GB (7.57e9 params x 2 bytes)", () => {
    // 36 layers x (q 4096x4096 + k,v 2x4096x1024 + o 4096x4096 + MLP 3x4096x12288 + norms) + 151665x4096 embeddings
    // = 7,567,295,488 parameters (no LM head in the embedding backbone) -> 15.13 GB.
    expect(rel(shape.weightBytes, 15.14e9)).toBeLessThan(0.005);
  });

  it("E2: forward FLOPs for one 1024-token sequence: exact 14.9 TFLOP (published 16.4 with the 70B coefficient)", () => {
    // Published: 16.4 TFLOP reuses Llama 3.3 70B's per-layer 25.5 S h^2. For this model's shapes (8 of 32 KV heads,
    // MLP 3h) the projections are 23 S h^2 = 3.95e11 per layer, attention 4 S^2 h + 5 S^2 n = 1.74e10 per layer,
    // x36 layers = 14.85e12 with every query-key pair counted (the published convention).
    const full = forwardFlops(shape, 1024, { attention: "full", logitsCount: 0 });
    expect(rel(full.totalFlops, 14.9e12)).toBeLessThan(0.01);
    expect(full.totalFlops / 16.4e12).toBeGreaterThan(0.88); // the published figure is ~10% high, as documented
    expect(full.totalFlops / 16.4e12).toBeLessThan(0.93);
    // A causal kernel skips half of the pairs: 14.55e12.
    const causal = forwardFlops(shape, 1024, { attention: "causal", logitsCount: 0 });
    expect(causal.totalFlops).toBeLessThan(full.totalFlops);
  });

  it("E3: streaming the weights once from HBM takes 4.6 ms at 3.3 TB/s", () => {
    expect(rel(shape.weightBytes / (3.3 * TERA), 4.6e-3)).toBeLessThan(0.01);
  });

  it("E4: compute time at 750 TFLOP/s achieved: 21 ms published, 19.8 ms with the exact count", () => {
    const exact = forwardFlops(shape, 1024, { attention: "full", logitsCount: 0 }).totalFlops / (750 * TERA);
    expect(rel(exact, 19.8e-3)).toBeLessThan(0.01);
    expect(rel((16.4 * TERA) / (750 * TERA), 21e-3)).toBeLessThan(0.05);
  });

  it("E5: the forward pass is compute-bound, compute/weight-load about 4.6x (4.3x exact)", () => {
    const computeSeconds = forwardFlops(shape, 1024, { attention: "full", logitsCount: 0 }).totalFlops / (750 * TERA);
    const loadSeconds = shape.weightBytes / (3.3 * TERA);
    expect(computeSeconds / loadSeconds).toBeGreaterThan(4.0);
    expect(computeSeconds / loadSeconds).toBeLessThan(4.8);
    expect(predict(input).bound).toBe("compute");
  });

  it("E6: 1040-token inputs at batch 4 on an H100: measured 33,488 tokens/s, predicted within 25%", () => {
    const p = predict(input);
    const error = (p.inputTokensPerSecond! - 33_488) / 33_488;
    // The error is stated in docs/efficiency-fit.md and the closing note; the test holds the 25% bound.
    expect(Math.abs(error)).toBeLessThan(0.25);
  });

  it("E7/E8: $2.00/h H100 at 33,488 tokens/s costs $0.0166/M busy, about $0.166/M at 10% utilization", () => {
    const at = (utilization: number) =>
      costOf({ acceleratorCount: 1, tdpWatts: 700, outputTokensPerSecond: 0, inputTokensPerSecond: 33_488, prefillTimeFraction: 1, pricing: { usdPerAcceleratorHour: 2, utilization, pue: 1 }, defaultPowerDrawFraction: 0.7 });
    // 2 / 3600 / 33488 * 1e6 = 0.01659
    expect(rel(at(1).usdPerMillionInputTokens!, 0.0166)).toBeLessThan(0.01);
    expect(rel(at(0.1).usdPerMillionInputTokens!, 0.166)).toBeLessThan(0.01);
    // The engine's own prediction prices within 25% of the measured-throughput cost.
    const predicted = predict(resolve(embedScenario("h100-sxm", 4, 1040, 2))).usdPerMillionInputTokens!;
    expect(rel(predicted, 0.0166)).toBeLessThan(0.25);
  });

  it("E9: achieved TFLOP/s per $/h: H100 750/$2.00 = 375 vs RTX 4090 165/$0.37 = 446", () => {
    const h100 = findAccelerator("h100-sxm")!;
    const rtx = findAccelerator("rtx-4090")!;
    const price = (id: string, usd: number) => findAccelerator(id)!.rental.find((r) => r.usdPerHour === usd);
    expect(price("h100-sxm", 2.0)).toBeDefined();
    expect(price("rtx-4090", 0.37)).toBeDefined();
    // 750 achieved of 989 spec on the H100; the 4090's 165 is its dense bf16 (fp32-accumulate) peak.
    expect(rel(750 / 2.0, 375)).toBeLessThan(0.001);
    expect(rel(rtx.denseFlopsPerSecond.bf16! / TERA / 0.37, 445)).toBeLessThan(0.01);
    expect(h100.denseFlopsPerSecond.bf16! / TERA).toBeGreaterThan(750);
  });

  it("E10: RTX 4090 at batch 4 measured 9,672 tokens/s -> $0.0106/M, 36% cheaper than the H100; predicted within 25%", () => {
    const measuredCost = costOf({
      acceleratorCount: 1,
      tdpWatts: 450,
      outputTokensPerSecond: 0,
      inputTokensPerSecond: 9_672,
      prefillTimeFraction: 1,
      pricing: { usdPerAcceleratorHour: 0.37, utilization: 1, pue: 1 },
      defaultPowerDrawFraction: 0.7,
    }).usdPerMillionInputTokens!;
    expect(rel(measuredCost, 0.0106)).toBeLessThan(0.01);
    expect(rel(1 - measuredCost / 0.01659, 0.36)).toBeLessThan(0.03);
    const p = predict(resolve(embedScenario("rtx-4090", 4, 1040, 0.37)));
    expect(rel(p.inputTokensPerSecond!, 9_672)).toBeLessThan(0.25);
    // The engine agrees that the 4090 is the cheaper embedding machine.
    const h100 = predict(resolve(embedScenario("h100-sxm", 4, 1040, 2.0)));
    expect(p.usdPerMillionInputTokens!).toBeLessThan(h100.usdPerMillionInputTokens!);
  });

  it("E11: RTX 4090 at batch 32, 11,024 tokens/s: about 0.95e9 tokens a day for under $9", () => {
    expect(rel(11_024 * 86_400, 0.95e9)).toBeLessThan(0.01);
    expect(0.37 * 24).toBeLessThan(9);
    const p = predict(resolve(embedScenario("rtx-4090", 32, 1040)));
    expect(rel(p.inputTokensPerSecond!, 11_024)).toBeLessThan(0.25);
  });

  it("E12: batching helps embeddings little, and attention is a small share of the pass", () => {
    // Published: batch 1 -> 64 gains ~2.3x on an H100 for 260-520-token inputs. The engine attributes the gain to
    // per-step and per-sequence host costs being amortized; with the fitted tei profile it gives a larger gain
    // (the published run's per-request server costs are higher than the profile's), so the test pins the shape:
    // far below the 64x of a memory-bound decode, and far below the decode gain the same engine predicts.
    const at = (batch: number) => predict(resolve(embedScenario("h100-sxm", batch, 390))).inputTokensPerSecond!;
    const embedGain = at(64) / at(1);
    expect(embedGain).toBeGreaterThan(1.2);
    expect(embedGain).toBeLessThan(8);
    const decode = (batch: number) =>
      predict(resolve({ model: "Qwen/Qwen3-8B", hardware: { accelerator: "h100-sxm", count: 1 }, engine: "vllm", workload: { kind: "generate", inputTokens: 390, outputTokens: 200, load: { mode: "concurrency", concurrency: batch } } }))
        .outputTokensPerSecond!;
    expect(decode(64) / decode(1)).toBeGreaterThan(2 * embedGain);
    // Attention FLOP share: ~6% of time at 2.6k tokens and ~15% at 8k are published (kernel time); the FLOP share
    // with causal masking lands in the same range.
    const share = (tokens: number) => {
      const f = forwardFlops(shape, tokens, { attention: "causal", logitsCount: 0 });
      return (f.byOperator["attention prefill"] ?? 0) / f.totalFlops;
    };
    expect(share(2600)).toBeGreaterThan(0.03);
    expect(share(2600)).toBeLessThan(0.09);
    expect(share(8000)).toBeGreaterThan(0.1);
    expect(share(8000)).toBeLessThan(0.2);
  });
});
