// The scenario schema (version 1 plus optional extensions) and the prediction contract.
import { z } from "zod";
import { EngineSpec } from "./engine-version.js";
import { Precision } from "./precision.js";

const positiveInt = z.number().int().positive();

/**
 * Upper bounds on every number a scenario gives: far above any real deployment, low enough that every product the
 * engine forms stays finite (1e308 tokens or dollars would overflow to Infinity and come back as null).
 */
export const SCENARIO_LIMITS = {
  /** 1M accelerators: five times the largest announced cluster. */
  acceleratorCount: 1_000_000,
  /** Tokens per request: 100M, ten times the longest context window shipped (10M, Llama 4 Scout). */
  tokens: 100_000_000,
  /** Concurrent requests. */
  concurrency: 10_000_000,
  /** Latency targets in seconds: one day. */
  latencySeconds: 86_400,
  /** Draft tokens per speculative step (EAGLE/Medusa trees use up to about 64). */
  draftTokens: 64,
  /** USD per accelerator-hour: $10,000, thousands of times any rental price. */
  usdPerAcceleratorHour: 10_000,
  /** Input-to-output price ratio. */
  inputPriceRatio: 1_000,
  /** Grid carbon intensity in gCO2e/kWh (coal is about 1,000). */
  gridGramsCo2PerKwh: 5_000,
} as const;

const countInt = positiveInt.max(SCENARIO_LIMITS.acceleratorCount);
const tokenCount = z.number().nonnegative().max(SCENARIO_LIMITS.tokens);
const latencySeconds = z.number().positive().max(SCENARIO_LIMITS.latencySeconds);

export const Load = z.discriminatedUnion("mode", [
  z.strictObject({ mode: z.literal("offline") }),
  z.strictObject({ mode: z.literal("concurrency"), concurrency: z.number().positive().max(SCENARIO_LIMITS.concurrency) }),
  z.strictObject({
    mode: z.literal("slo"),
    ttftSeconds: latencySeconds,
    tpotSeconds: latencySeconds,
    percentile: z.number().gt(0).lt(100).default(99),
  }),
]);
export type Load = z.infer<typeof Load>;

/** A scenario (version 1): what is served, on what, under which load. See spec/scenario.md. */
export const Scenario = z.strictObject({
  id: z.string().max(500).optional(),
  model: z.string().min(1).max(4096),
  hardware: z.strictObject({
    accelerator: z.string().min(1).max(500),
    count: countInt,
  }),
  /** Serving framework: a name ("vllm") or a name and version ({name: "vllm", version: "0.6.0"}). */
  engine: EngineSpec.optional(),
  parallelism: z
    .strictObject({
      tp: countInt.default(1),
      pp: countInt.default(1),
      ep: countInt.default(1),
      /** Data-parallel attention ranks inside a replica (SGLang --enable-dp-attention); 1 = off. */
      dp: countInt.default(1),
    })
    .optional(),
  precision: z
    .strictObject({
      weights: Precision.optional(),
      activations: Precision.optional(),
      kvCache: Precision.optional(),
    })
    .optional(),
  workload: z.strictObject({
    kind: z.enum(["generate", "embed"]),
    inputTokens: tokenCount,
    outputTokens: tokenCount,
    load: Load,
  }),
  /** Optional serving features beyond the v1 core. */
  features: z
    .strictObject({
      /** Speculative decoding / multi-token prediction: draft tokens per step and per-token acceptance rate. */
      speculative: z
        .strictObject({
          draftTokens: positiveInt.max(SCENARIO_LIMITS.draftTokens),
          acceptanceRate: z.number().min(0).max(1),
          /** Cost of drafting relative to one target decode step (MTP module ~ 1/61 of DeepSeek-V3). */
          draftCostFraction: z.number().min(0).max(1).default(0.05),
        })
        .optional(),
      /**
       * How requests enter: "continuous" (a request replaces each finished one, prefills ride in decode steps) or
       * "static" (a batch of `concurrency` prompts is prefilled together, then decoded to the end, as in batch jobs
       * and offline benchmarks that submit one batch).
       */
      batching: z.enum(["continuous", "static"]).default("continuous"),
      /** Prefill and decode on separate pools (prefill accelerators of the count; KV moves over the link). */
      disaggregation: z.strictObject({ prefillAcceleratorCount: countInt }).optional(),
      /**
       * How the benchmark drives a concurrency load (simulated request by request): every slot starts at once and
       * sends its next request when one ends (vllm bench serve --max-concurrency); lengths fixed or uniform within
       * +-rangeRatio (--random-range-ratio) or ShareGPT-like; requestCount as --num-prompts (default 8 x concurrency
       * per scheduler, 64 to 2,048); "closed-form" skips the simulation for the steady-state formulas.
       */
      benchmark: z
        .strictObject({
          lengths: z.enum(["fixed", "uniform", "sharegpt"]).default("fixed"),
          rangeRatio: z.number().min(0).max(1).default(0),
          requestCount: z.number().int().min(1).max(100_000).optional(),
          seed: z
            .number()
            .int()
            .min(0)
            .max(2 ** 31)
            .default(1),
          method: z.enum(["simulation", "closed-form"]).default("simulation"),
        })
        .optional(),
      /** Expert routing: Zipf exponent of expert popularity (0 uniform) and load imbalance max/mean. */
      routing: z.strictObject({ skew: z.number().min(0).max(3).default(0), imbalanceFactor: z.number().min(1).max(8).default(1) }).optional(),
    })
    .optional(),
  pricing: z
    .strictObject({
      usdPerAcceleratorHour: z.number().positive().max(SCENARIO_LIMITS.usdPerAcceleratorHour),
      utilization: z.number().gt(0).max(1).default(1),
      /** Price input tokens at this ratio of output (L9 convention) instead of splitting by time. */
      inputPriceRatio: z.number().positive().max(SCENARIO_LIMITS.inputPriceRatio).optional(),
      powerDrawFraction: z.number().gt(0).max(1).optional(),
      pue: z.number().min(1).max(3).default(1),
      gridGramsCo2PerKwh: z.number().nonnegative().max(SCENARIO_LIMITS.gridGramsCo2PerKwh).optional(),
    })
    .optional(),
});
export type Scenario = z.infer<typeof Scenario>;
export type ScenarioInput = z.input<typeof Scenario>;

export const Bound = z.enum(["compute", "memory", "interconnect", "capacity"]);
export type Bound = z.infer<typeof Bound>;

/** The prediction contract of `costcurve predict --json`. Plain SI units; null where a field does not apply. */
export interface Prediction {
  id: string | null;
  fits: boolean;
  outputTokensPerSecond: number | null;
  inputTokensPerSecond: number | null;
  ttftSeconds: number | null;
  tpotSeconds: number | null;
  concurrency: number | null;
  parallelism: { tp: number; pp: number; ep: number; replicas: number; dp: number } | null;
  bound: Bound | null;
  usdPerMillionOutputTokens: number | null;
  usdPerMillionInputTokens: number | null;
  issues: Array<{ code: string; message: string; [detail: string]: unknown }>;
  /** Extras beyond the v1 contract's required fields. */
  requestsPerSecond: number | null;
  e2eSeconds: number | null;
  kwhPerMillionTokens: number | null;
  /** Sequences whose KV cache fits in one replica at the workload's mean context (the largest batch that fits). */
  kvCapacitySequences: number | null;
  gramsCo2PerMillionTokens: number | null;
  /**
   * p10-p90 bands of the figures above from cross-validated residuals of their regime (conformal-style): the measured
   * value fell inside for about 80% of held-out rows. Absent where no band was fitted.
   */
  intervals?: Partial<Record<"tpotSeconds" | "ttftSeconds" | "outputTokensPerSecond" | "inputTokensPerSecond" | "e2eSeconds" | "requestsPerSecond", { low: number; high: number }>>;
  /** Latency distributions (seconds) with the bench client's definitions, when the load was simulated request by request. */
  latency?: { ttft: LatencyDistribution; tpot: LatencyDistribution; itl: LatencyDistribution; e2e: LatencyDistribution; queue: LatencyDistribution; requestCount: number; preemptions: number };
}

export interface LatencyDistribution {
  meanSeconds: number;
  p50Seconds: number;
  p90Seconds: number;
  p99Seconds: number;
}
