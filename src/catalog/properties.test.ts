// Engine invariants checked on random scenarios (fast-check, seeded): finite results, no throughput above the
// roofline, more bandwidth never slower, cost falls as utilization rises.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { countParameters } from "../core/parameters.js";
import { computePrecisionOf, peakFor } from "../core/precision.js";
import { type PredictInput, predict } from "../core/predict.js";
import type { Prediction } from "../core/scenario.js";
import { resolveOrThrow } from "./test-support/resolve.js";

const MODELS = ["meta-llama/Llama-3.1-8B-Instruct", "meta-llama/Llama-3.3-70B-Instruct", "Qwen/Qwen3-0.6B", "mistralai/Mixtral-8x7B-Instruct-v0.1", "deepseek-ai/DeepSeek-V3", "google/gemma-2-9b-it", "Qwen/Qwen3-30B-A3B"];
const ACCELERATORS = ["h100-sxm", "h200-sxm", "b200", "a100-sxm-80gb", "l40s", "rtx-4090", "mi300x", "gb200", "apple-m2-ultra", "xeon-6980p"];
const ENGINES = ["vllm", "sglang", "trtllm", "llamacpp", "other"] as const;
const SEED = 20261122;

const scenarioArb = fc.record({
  model: fc.constantFrom(...MODELS),
  accelerator: fc.constantFrom(...ACCELERATORS),
  count: fc.constantFrom(1, 2, 4, 8),
  engine: fc.constantFrom(...ENGINES),
  weights: fc.constantFrom("bf16", "fp8", "int4"),
  inputTokens: fc.integer({ min: 1, max: 8000 }),
  outputTokens: fc.integer({ min: 2, max: 2000 }),
  load: fc.oneof(fc.record({ mode: fc.constant("concurrency" as const), concurrency: fc.integer({ min: 1, max: 512 }) }), fc.record({ mode: fc.constant("offline" as const) })),
});

type Drawn = typeof scenarioArb extends fc.Arbitrary<infer T> ? T : never;

function inputFor(d: Drawn, usdPerAcceleratorHour?: number, utilization = 1): PredictInput {
  const raw = {
    model: d.model,
    hardware: { accelerator: d.accelerator, count: d.count },
    engine: d.engine,
    precision: { weights: d.weights },
    workload: { kind: "generate", inputTokens: d.inputTokens, outputTokens: d.outputTokens, load: d.load },
    ...(usdPerAcceleratorHour ? { pricing: { usdPerAcceleratorHour, utilization } } : {}),
  };
  return resolveOrThrow(raw);
}

function numbersOf(p: Prediction): unknown[] {
  return Object.values(p).flatMap((v) => (v !== null && typeof v === "object" && !Array.isArray(v) ? Object.values(v) : [v]));
}

describe("engine invariants", () => {
  it("every numeric field is finite (or null), never NaN/Infinity", () => {
    fc.assert(
      fc.property(scenarioArb, (d) => {
        const p = predict(inputFor(d, 2.5, 0.5));
        for (const v of numbersOf(p)) {
          if (typeof v === "number") expect(Number.isFinite(v)).toBe(true);
        }
        expect(JSON.stringify(p)).not.toMatch(/NaN|Infinity|undefined/);
      }),
      { seed: SEED, numRuns: 150 },
    );
  });

  it("predicted throughput never exceeds the compute roofline of the whole system", () => {
    fc.assert(
      fc.property(scenarioArb, (d) => {
        const input = inputFor(d);
        const p = predict(input);
        if (!p.fits || p.outputTokensPerSecond === null) return;
        const params = countParameters(input.architecture);
        // Every processed token costs at least 2 x (active params - embedding table) FLOPs.
        const flopsPerToken = 2 * (params.activeCount - params.embeddingCount);
        const peak = peakFor(input.accelerator.denseFlopsPerSecond, computePrecisionOf(input.precisions.weights, input.precisions.activations))!.flopsPerSecond;
        const demanded = (p.outputTokensPerSecond + p.inputTokensPerSecond!) * flopsPerToken;
        expect(demanded).toBeLessThanOrEqual(peak * d.count * 1.0001);
        // Decode of one sequence cannot beat reading its share of the weights once per token.
        if (d.load.mode === "concurrency" && d.load.concurrency === 1 && p.tpotSeconds !== null) {
          expect(p.tpotSeconds).toBeGreaterThan(0);
        }
      }),
      { seed: SEED, numRuns: 150 },
    );
  });

  it("more memory bandwidth never makes a scenario slower", () => {
    fc.assert(
      fc.property(scenarioArb, fc.double({ min: 1.01, max: 4, noNaN: true }), (d, factor) => {
        const input = inputFor(d);
        const faster: PredictInput = { ...input, accelerator: { ...input.accelerator, memoryBandwidthBytesPerSecond: input.accelerator.memoryBandwidthBytesPerSecond * factor } };
        const a = predict(input);
        const b = predict(faster);
        if (!a.fits) return;
        expect(b.fits).toBe(true);
        expect(b.outputTokensPerSecond!).toBeGreaterThanOrEqual(a.outputTokensPerSecond! * (1 - 1e-9));
      }),
      { seed: SEED, numRuns: 120 },
    );
  });

  it("cost per million tokens falls as utilization rises", () => {
    fc.assert(
      fc.property(scenarioArb, fc.double({ min: 0.05, max: 0.95, noNaN: true }), (d, utilization) => {
        const low = predict(inputFor(d, 2, utilization));
        const high = predict(inputFor(d, 2, Math.min(1, utilization + 0.05)));
        if (!low.fits || low.usdPerMillionOutputTokens === null) return;
        expect(high.usdPerMillionOutputTokens!).toBeLessThan(low.usdPerMillionOutputTokens);
      }),
      { seed: SEED, numRuns: 100 },
    );
  });
});
