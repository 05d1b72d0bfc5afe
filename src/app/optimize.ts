// optimize: the cheapest layouts that meet TTFT/TPOT limits, every row's figures being predict's for its own scenario.
import { ACCELERATORS } from "../catalog/accelerators/index.js";
import { systemUsdPerSecond, tokenCost } from "../core/cost.js";
import type { Precision } from "../core/precision.js";
import { type Result, fail, ok } from "../core/result.js";
import type { Prediction, Scenario } from "../core/scenario.js";
import type { Plan } from "../core/step.js";
import * as v from "./values.js";
import { type Layout, type PriceUsed, type SweepBase, type SweepConfig, layoutOf, predictLayout, sweepConfigs } from "./sweep-layouts.js";

export interface OptimizeInput {
  base: SweepBase;
  limits: { ttftSeconds: number; tpotSeconds: number; percentile: number };
  /** Accelerator ids to consider (default: every catalog accelerator with a scale-out network, i.e. datacenter parts). */
  accelerators?: readonly string[] | undefined;
  maxCount?: number | undefined;
  /** Weight formats to try when the base scenario pins none (default bf16, fp8, fp4 where supported). */
  precisions?: readonly Precision[] | undefined;
  /** USD per accelerator-hour: one price, or by accelerator id (default: each accelerator's dated catalog row). */
  usdPerHour?: number | Readonly<Record<string, number>> | undefined;
  /** How many rows to return (default 10). */
  top?: number | undefined;
  onProgress?: ((done: number, total: number) => void) | undefined;
}

export interface OptimizeRow extends Layout {
  /** The scenario `costcurve predict` evaluates to reproduce this row: the layout pinned, the SLO load. */
  scenario: Scenario;
  /** Requests running in the whole system at the chosen operating point. */
  concurrency: number;
  outputTokensPerSecond: number;
  inputTokensPerSecond: number;
  /** Mean time to first token under Poisson arrivals at the row's request rate (the limit applies to its percentile). */
  ttftMeanSeconds: number;
  /** Mean time per output token at the operating point (the limit applies to its percentile). */
  tpotMeanSeconds: number;
  usdPerMillionOutputTokens: number;
  usdPerMillionInputTokens: number | null;
  /** The whole system over all tokens (the ranking: the request shape is fixed, so this orders by cost per request). */
  usdPerMillionTokens: number;
  price: PriceUsed;
  bound: Prediction["bound"];
  /** What stops the batch from growing: the TTFT or TPOT limit, KV capacity, or the engine's batch limit. */
  binding: "ttft" | "tpot" | "capacity" | "max-batch";
}

export interface OptimizeResult {
  rows: OptimizeRow[];
  evaluatedCount: number;
  /** Layouts that fit in memory but cannot meet the limits even one request at a time. */
  unreachableCount: number;
  /** Layouts that do not fit in memory. */
  tooSmallCount: number;
  limits: OptimizeInput["limits"];
}

/**
 * Cheapest layouts per token that meet p-th percentile TTFT and TPOT limits: every accelerator, count, precision and
 * tensor/pipeline/expert/data-parallel layout, each predicted by `predict` under the SLO load with its layout pinned
 * (so predict on a row's scenario gives the row), ranked by USD per million tokens (docs/cost-per-token.md).
 */
export function optimize(o: OptimizeInput): Result<OptimizeResult> {
  const maxCount = o.maxCount ?? 72;
  const accelerators = o.accelerators ?? ACCELERATORS.filter((a) => a.scaleOut !== null).map((a) => a.id);
  const counts = [1, 2, 4, 8, 16, 32, 64, 72].filter((c) => c <= maxCount);
  const configs = sweepConfigs({
    base: o.base,
    accelerators,
    precisions: o.precisions,
    usdPerHour: o.usdPerHour,
    // Above one board, systems come in whole scale-up domains: 72 is one NVL72 rack, 16 is two 8-GPU nodes.
    counts: (a) => counts.filter((c) => c <= Math.min(8, a.scaleUp.domainSize) || c % a.scaleUp.domainSize === 0),
  });
  if (!configs.ok) return configs;
  const load = { mode: "slo" as const, ...o.limits };
  const candidates: Array<{ config: SweepConfig; plan: Plan; row: OptimizeRow }> = [];
  let evaluatedCount = 0;
  let unreachableCount = 0;
  let tooSmallCount = 0;
  configs.value.forEach((config, index) => {
    for (const plan of config.plans) {
      const { scenario, prediction: p } = predictLayout(config, plan, load);
      evaluatedCount += 1;
      if (!p.fits) {
        if (p.issues.some((i) => i.code === "slo_unreachable")) unreachableCount += 1;
        else tooSmallCount += 1;
        continue;
      }
      const row = rowOf(config, plan, scenario, p);
      if (row) candidates.push({ config, plan, row });
    }
    o.onProgress?.(index + 1, configs.value.length);
  });
  if (candidates.length === 0) {
    return fail({
      code: "no_configuration_meets_limits",
      ...o.limits,
      tooSmallCount,
      unreachableCount,
      message: `no configuration of ${o.base.model} meets p${o.limits.percentile} TTFT <= ${o.limits.ttftSeconds} s and TPOT <= ${o.limits.tpotSeconds} s (${tooSmallCount} do not fit in memory, ${unreachableCount} miss the limits even at one request)`,
    });
  }
  const top = dedupe(candidates).slice(0, o.top ?? 10);
  const rows = top.map((c) => ({ ...c.row, binding: bindingOf(o, c.config, c.plan, c.row) }));
  return ok({ rows, evaluatedCount, unreachableCount, tooSmallCount, limits: o.limits });
}

function rowOf(config: SweepConfig, plan: Plan, scenario: Scenario, p: Prediction): OptimizeRow | null {
  const out = p.outputTokensPerSecond ?? 0;
  if (!(out > 0) || p.usdPerMillionOutputTokens === null || p.concurrency === null) return null;
  const inp = p.inputTokensPerSecond ?? 0;
  // The blended figure does not depend on the input/output split, only on the system's price and all tokens.
  const pricing = scenario.pricing!;
  const usdPerSecond = systemUsdPerSecond(config.count, pricing.usdPerAcceleratorHour, pricing.utilization);
  const usdPerMillionTokens = tokenCost({ usdPerSecond, outputTokensPerSecond: out, inputTokensPerSecond: inp, prefillTimeFraction: 0 }).usdPerMillionTokens!;
  return {
    ...layoutOf(config, plan),
    scenario,
    concurrency: p.concurrency,
    outputTokensPerSecond: out,
    inputTokensPerSecond: inp,
    ttftMeanSeconds: p.ttftSeconds ?? 0,
    tpotMeanSeconds: p.tpotSeconds ?? 0,
    usdPerMillionOutputTokens: p.usdPerMillionOutputTokens,
    usdPerMillionInputTokens: p.usdPerMillionInputTokens,
    usdPerMillionTokens,
    price: config.price,
    bound: p.bound,
    binding: "capacity",
  };
}

/**
 * What binds at the chosen batch: the batch cap (KV capacity or the engine's limit) when the batch reached it,
 * else the latency limit that stops it growing, found by predicting once more with the TTFT limit lifted.
 */
function bindingOf(o: OptimizeInput, config: SweepConfig, plan: Plan, row: OptimizeRow): OptimizeRow["binding"] {
  const lifted = predictLayout(config, plan, { mode: "slo", ...o.limits, ttftSeconds: 86_400 }).prediction;
  const perReplica = row.concurrency / plan.replicas;
  const maxBatch = config.input.profile.maxBatchSequences * plan.dpAttention;
  const kvCap = lifted.kvCapacitySequences ?? Infinity;
  if (perReplica >= Math.min(maxBatch, kvCap)) return kvCap <= maxBatch ? "capacity" : "max-batch";
  return (lifted.concurrency ?? 0) > row.concurrency ? "ttft" : "tpot";
}

/**
 * One row per replica shape (accelerator, precision, tp/pp/ep/dp), cheapest first: more replicas of the same shape
 * cost the same per token, so the smallest system that reaches that cost is shown.
 */
function dedupe<T extends { row: OptimizeRow }>(candidates: T[]): T[] {
  const seen = new Set<string>();
  const cost = (c: T) => Number(c.row.usdPerMillionTokens.toPrecision(6));
  const sorted = [...candidates].sort((a, b) => cost(a) - cost(b) || a.row.count - b.row.count);
  return sorted.filter(({ row: r }) => {
    const key = `${r.accelerator}/${r.precision}/${r.tp}/${r.pp}/${r.ep}/${r.dp}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** optimize's inputs beside its scenario, as text (the CLI's flags; the scenario gives the rest). */
export interface OptimizeText {
  ttft?: string | undefined;
  tpot?: string | undefined;
  percentile?: string | undefined;
  accelerators?: string | undefined;
  precision?: string | undefined;
  usdPerHour?: string | undefined;
  maxCount: string;
  top: string;
}

/**
 * The search a scenario asks for: its model, engine, workload, precision, pricing and features, its SLO load's limits
 * unless given; a given price wins over the scenario's, which is for its own accelerator (throws InputError).
 */
export function optimizeInputFromScenario(s: Scenario, f: OptimizeText): OptimizeInput {
  if (s.workload.kind !== "generate") throw new v.InputError([{ code: "described", path: ["scenario", "workload", "kind"], kind: "not_generate", text: 'optimize needs "generate" (embeddings are compared by `embed`)' }]);
  const slo = s.workload.load.mode === "slo" ? s.workload.load : undefined;
  const precisions = f.precision === undefined ? undefined : v.parsePrecisionList("precision", f.precision);
  const given = f.usdPerHour === undefined ? undefined : v.checkPriceIds("usd-per-hour", v.parsePrice("usd-per-hour", f.usdPerHour), null);
  const scenarioPrice = s.pricing ? { [s.hardware.accelerator]: s.pricing.usdPerAcceleratorHour } : {};
  const usdPerHour = typeof given === "number" ? given : { ...scenarioPrice, ...given };
  const { usdPerAcceleratorHour: _price, ...pricing } = s.pricing ?? { usdPerAcceleratorHour: 0 };
  const seconds = (name: string, text: string) => v.parseAtMost(name, v.parsePositive(name, text, "seconds > 0"), v.INPUT_NUMBER_LIMITS.number);
  return {
    base: { model: s.model, inputTokens: s.workload.inputTokens, outputTokens: s.workload.outputTokens, engine: s.engine, precision: precisions === undefined ? s.precision : undefined, pricing, features: s.features },
    limits: {
      ttftSeconds: f.ttft !== undefined ? seconds("ttft", f.ttft) : (slo?.ttftSeconds ?? 2),
      tpotSeconds: f.tpot !== undefined ? seconds("tpot", f.tpot) : (slo?.tpotSeconds ?? 0.1),
      percentile: v.parsePercentile("percentile", f.percentile ?? String(slo?.percentile ?? 99)),
    },
    accelerators: f.accelerators === undefined ? undefined : v.parseList("accelerators", f.accelerators),
    precisions,
    usdPerHour,
    maxCount: v.parseWhole("max-count", f.maxCount, v.INPUT_NUMBER_LIMITS.whole),
    top: v.parseWhole("top", f.top, v.INPUT_NUMBER_LIMITS.whole),
  };
}
