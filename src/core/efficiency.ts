// The efficiency-profile schema (achieved fractions of peak per accelerator family and engine) and its selection.
import { z } from "zod";
import { Source } from "./hardware.js";
import { ComputePrecision } from "./precision.js";

export const Engine = z.enum(["vllm", "sglang", "trtllm", "llamacpp", "tei", "other"]);
export type Engine = z.infer<typeof Engine>;

const fraction = z.number().gt(0).max(1);

/**
 * A p10-p90 band for one predicted field: measured / predicted at the 10th and 90th percentile of cross-validated
 * (held-out) rows of the regime, so a prediction p carries the band [p x lowFactor, p x highFactor].
 */
export const PredictionBand = z.strictObject({
  field: z.enum(["tpotSeconds", "ttftSeconds", "outputTokensPerSecond", "inputTokensPerSecond", "e2eSeconds", "requestsPerSecond"]),
  lowFactor: z.number().positive(),
  highFactor: z.number().positive(),
  rowCount: z.number().int().positive(),
});
export type PredictionBand = z.infer<typeof PredictionBand>;

/**
 * Achieved fractions of peak for one accelerator family and engine: sourced, versioned data that the
 * formulas read, never constants inside them. "*" matches any family or engine.
 */
export const EfficiencyProfile = z.strictObject({
  id: z.string(),
  family: z.string(),
  engine: z.union([Engine, z.literal("*")]),
  version: z.string(),
  /** Large-GEMM throughput as a fraction of the dense peak of the format the tensor cores run. */
  computeFraction: fraction,
  /** Per-format overrides: narrow formats (fp4) reach less of their peak once scaling and quantizing are paid. */
  computeFractionByFormat: z.partialRecord(ComputePrecision, fraction).default({}),
  /**
   * Routed-expert (grouped GEMM) throughput relative to a dense GEMM of the same size: token permutation and uneven
   * expert loads cost MoE layers part of their peak (MegaBlocks, Gale et al. 2022; DeepSeek's EPLB notes).
   */
  expertGemmFraction: fraction,
  /** Attention-kernel (FlashAttention/FlashInfer) throughput as a fraction of the same peak. */
  attentionComputeFraction: fraction,
  /** Achieved memory read bandwidth as a fraction of the datasheet figure. */
  bandwidthFraction: fraction,
  /** Bandwidth decode attention achieves reading a paged KV cache, as a fraction of the datasheet figure. */
  attentionBandwidthFraction: fraction,
  /** Achieved collective bus bandwidth as a fraction of the link's datasheet figure (NCCL busbw). */
  linkBandwidthFraction: fraction,
  /** Tokens in a GEMM at which its efficiency reaches half of computeFraction (small-M tile waste). */
  gemmHalfEfficiencyTokens: z.number().nonnegative(),
  /** Matrix width (smaller of its two dimensions after sharding) at which GEMM efficiency halves. */
  gemmHalfEfficiencyWidth: z.number().nonnegative(),
  /** Fixed cost of one engine step: scheduling, sampling, launch gaps. */
  stepOverheadSeconds: z.number().nonnegative(),
  /** Cost per transformer layer per step that kernels do not hide (launch latency without graphs). */
  layerOverheadSeconds: z.number().nonnegative(),
  /** Host-side cost per running sequence per step (scheduling, sampling, detokenizing). */
  sequenceOverheadSeconds: z.number().nonnegative(),
  /**
   * Latency every request pays outside engine steps before its first token reaches the client: HTTP and the
   * frontend, tokenization, the scheduler's admission and the first token's detokenization and streaming.
   */
  requestOverheadSeconds: z.number().nonnegative().optional(),
  /**
   * Whether the host's per-step work (the three overheads above) runs while the device executes: an engine that
   * queues its kernels asynchronously on a discrete GPU takes max(device, host) per step, the slower side setting
   * the pace; serial (default) adds them, as on a CPU where host and device are the same cores.
   */
  hostOverlapsDevice: z.boolean().optional(),
  /** Multiplier on operator-model (kernel) times; calibrate sets it from its compute and bandwidth scales. */
  kernelTimeScale: z.number().positive().optional(),
  /** Most sequences the engine runs in one batch by default (vLLM max_num_seqs, TRT-LLM max_batch_size). */
  maxBatchSequences: z.number().int().positive(),
  /** Share of accelerator memory the engine may use (vLLM gpu_memory_utilization). */
  memoryUtilizationFraction: fraction,
  /** Whether that share is of the whole device ("total", vLLM/SGLang) or of what weights leave free ("free", TensorRT-LLM). */
  memoryFractionOf: z.enum(["total", "free"]).optional(),
  /**
   * KV cache each admitted sequence holds: "grown" (vLLM/SGLang allocate pages as tokens arrive, so a running sequence
   * holds its prompt plus half its output on average) or "reserved" (TensorRT-LLM's default GUARANTEED_NO_EVICT
   * scheduler admits a request only once prompt plus maximum output fit, and never pauses it). Default "grown".
   */
  kvAllocation: z.enum(["grown", "reserved"]).optional(),
  /** Memory held by the runtime outside weights and KV cache (context, graphs, workspace). */
  runtimeReserveBytes: z.number().nonnegative(),
  /** Tokens one engine step may process (vLLM max_num_batched_tokens, TRT-LLM max_num_tokens, SGLang chunked_prefill_size). */
  maxBatchedTokens: z.number().int().positive(),
  /** Whether new prefills share steps with running decodes (chunked prefill / in-flight batching). */
  mixedBatching: z.boolean(),
  /** Ratio of the 99th-percentile time per output token to its mean under Poisson arrivals. */
  tpotTail99Ratio: z.number().min(1),
  /** Bands from the cross-validated residuals of this engine's regime (absent: no band is given). */
  predictionBands: z.array(PredictionBand).optional(),
  /** Fraction of accelerator TDP drawn while serving, for energy. */
  powerDrawFraction: fraction,
  source: Source,
  /** How the numbers were obtained and the fit's residuals. */
  fit: z.string(),
});
export type EfficiencyProfile = z.infer<typeof EfficiencyProfile>;

/** Picks the most specific profile: family+engine, then family, then engine, then the default. */
export function selectProfile(profiles: readonly EfficiencyProfile[], family: string, engine: Engine): EfficiencyProfile {
  const tiers: Array<[string, string]> = [
    [family, engine],
    [family, "*"],
    ["*", engine],
    ["*", "*"],
  ];
  for (const [f, e] of tiers) {
    const hit = profiles.find((p) => p.family === f && p.engine === e);
    if (hit) return hit;
  }
  throw new Error("efficiency profiles: no default (*,*) profile");
}
