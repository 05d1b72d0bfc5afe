/** Synthetic machines and level summaries for calibration tests: the "measurements" are the engine's own predictions under a known profile. */
import { parseArchitecture } from "../../core/architecture.js";
import type { PredictInput } from "../../core/predict.js";
import { predictLevel } from "../calibrate.js";
import { type MachineMeasurement, machineAccelerator, machineProfile } from "../machine.js";
import type { LevelSummary, LoadLevel } from "../schemas.js";

/** A machine of 10 GB/s and 50 GFLOP/s (fp16), 0.5 ms per layer per token, measured nowhere: the numbers are given. */
export function syntheticMachine(): MachineMeasurement {
  const bw = { threadCount: 2, bytesPerThread: 1, bytesPerSecond: 10e9 };
  return {
    date: "2026-11-22",
    threads: 1,
    logicalCpuCount: 2,
    totalMemoryBytes: 24e9,
    bandwidth: { single: bw, all: bw },
    timings: [],
    matmul: { fp16FlopsPerSecond: 50e9, fp32FlopsPerSecond: 30e9, halfEfficiencyWidth: 200 },
    decode: { layerOverheadSeconds: 0.5e-3, effectiveBytesPerSecond: 8e9 },
    wallSeconds: 1,
  };
}

/** The config.json of the synthetic model: a 12-layer, 768-wide llama. */
export const SYNTHETIC_LLAMA_CONFIG = {
  architectures: ["LlamaForCausalLM"],
  model_type: "llama",
  hidden_size: 768,
  num_hidden_layers: 12,
  num_attention_heads: 12,
  num_key_value_heads: 12,
  intermediate_size: 3072,
  vocab_size: 1000,
  max_position_embeddings: 4096,
  tie_word_embeddings: false,
};

/** A 12-layer, 768-wide llama (about 113M matmul parameters) on the synthetic machine with its llamacpp profile. */
export function syntheticInput(): PredictInput {
  const m = syntheticMachine();
  const arch = parseArchitecture(SYNTHETIC_LLAMA_CONFIG);
  if (!arch.ok) throw new Error("architecture");
  return {
    scenario: {
      model: "synthetic",
      hardware: { accelerator: "machine-test", count: 1 },
      engine: "llamacpp",
      workload: { kind: "generate", inputTokens: 1, outputTokens: 1, load: { mode: "concurrency", concurrency: 1 } },
    },
    architecture: arch.value,
    accelerator: machineAccelerator(m, "test"),
    profile: machineProfile(m, "test"),
    precisions: { weights: "fp16", activations: "fp16", kvCache: "fp16" },
  };
}

/** A level summary whose measured numbers are what `input` predicts (so a different profile can be fitted back). */
export function summaryFrom(input: PredictInput, load: LoadLevel, endpoint: LevelSummary["endpoint"], inputTokens: number, outputTokens: number): LevelSummary {
  const n = 10;
  const stats = (v: number | null) => ({ mean: v, p50: v, p90: v, p99: v, count: v === null ? 0 : n });
  const draft: LevelSummary = {
    level: load.kind === "concurrency" ? `c${load.concurrency}` : `r${load.requestsPerSecond}`,
    load,
    endpoint,
    interrupted: false,
    requestsCompleted: n,
    requestsFailed: 0,
    durationSeconds: 1,
    requestsPerSecond: 0,
    outputTokensPerSecond: 0,
    inputTokensPerSecond: 0,
    goodputRequestsPerSecond: 0,
    totalInputTokens: n * inputTokens,
    totalOutputTokens: endpoint === "embeddings" ? 0 : n * outputTokens,
    ttftSeconds: stats(null),
    tpotSeconds: stats(null),
    itlSeconds: stats(null),
    e2eSeconds: stats(null),
    sendDelaySeconds: stats(0),
    errors: {},
    localTokenCountRequests: 0,
    slo: {},
  };
  const p = predictLevel(input, draft);
  return {
    ...draft,
    requestsPerSecond: p.requestsPerSecond ?? 0,
    outputTokensPerSecond: p.outputTokensPerSecond ?? 0,
    inputTokensPerSecond: p.inputTokensPerSecond ?? 0,
    ttftSeconds: stats(endpoint === "embeddings" ? null : p.ttftSeconds),
    tpotSeconds: stats(endpoint === "embeddings" ? null : p.tpotSeconds),
  };
}

/**
 * The same level as if outside load had stretched a share of its token gaps: every request streamed one chunk per
 * token and the median gap is the true TPOT, but `slowShare` of the gaps took `slowdown` times as long, so mean TPOT
 * rises and whole-level throughput falls (concurrency levels of generation only).
 */
export function withBursts(s: LevelSummary, slowShare: number, slowdown: number): LevelSummary {
  const tpot = s.tpotSeconds.p50!;
  const ttft = s.ttftSeconds.p50!;
  const n = s.requestsCompleted;
  const tokens = s.totalOutputTokens / n;
  const meanTpot = tpot * (1 + slowShare * (slowdown - 1));
  const concurrency = s.load.kind === "concurrency" ? s.load.concurrency : 1;
  return {
    ...s,
    tpotSeconds: { ...s.tpotSeconds, mean: meanTpot },
    itlSeconds: { mean: meanTpot, p50: tpot, p90: tpot, p99: slowdown * tpot, count: n * (tokens - 1) },
    outputTokensPerSecond: (concurrency * tokens) / (ttft + (tokens - 1) * meanTpot),
  };
}
