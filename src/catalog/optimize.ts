// The SLO search: cheapest configurations per million output tokens that meet TTFT and TPOT limits, and why.
import type { Engine } from "../core/efficiency.js";
import type { Precision } from "../core/precision.js";
import { type Result, fail, ok } from "../core/result.js";
import { SECONDS_PER_HOUR } from "../core/units.js";
import { ACCELERATORS } from "./accelerators/index.js";
import { type Layout, evaluateConfig, layoutOf, sweepConfigs } from "./sweep.js";

export interface OptimizeOptions {
  model: string;
  inputTokens: number;
  outputTokens: number;
  ttftSeconds: number;
  tpotSeconds: number;
  percentile?: number | undefined;
  /** Accelerator ids to consider (default: every catalog accelerator with a scale-out network, i.e. datacenter parts). */
  accelerators?: readonly string[] | undefined;
  maxCount?: number | undefined;
  precisions?: readonly Precision[] | undefined;
  engine?: Engine | undefined;
  usdPerHour?: Readonly<Record<string, number>> | undefined;
  /** How many configurations to return. */
  top?: number | undefined;
  onProgress?: ((done: number, total: number) => void) | undefined;
}

export interface OptimizeRow extends Layout {
  /** Requests in flight in the whole system at the chosen operating point. */
  concurrency: number;
  outputTokensPerSecond: number;
  outputTokensPerSecondPerUser: number;
  ttftSeconds: number;
  tpotSeconds: number;
  usdPerHour: number;
  usdPerMillionOutputTokens: number;
  /** What stops the batch from growing: the TTFT or TPOT limit, KV capacity, or the engine's batch limit. */
  binding: "ttft" | "tpot" | "capacity" | "max-batch";
  why: string;
}

export interface OptimizeResult {
  rows: OptimizeRow[];
  evaluatedCount: number;
  /** Configurations that fit in memory but cannot meet the limits even one request at a time. */
  unreachableCount: number;
  /** Configurations that do not fit in memory. */
  tooSmallCount: number;
}

/**
 * Cheapest configurations per million output tokens that meet p-th percentile TTFT and TPOT limits: every
 * accelerator type and count, valid parallelism and precision; for each, the SLO search finds the highest
 * throughput within the limits, and the configurations are ranked by USD per million output tokens.
 */
export function optimize(o: OptimizeOptions): Result<OptimizeResult> {
  const maxCount = o.maxCount ?? 72;
  const accelerators = o.accelerators ?? ACCELERATORS.filter((a) => a.scaleOut !== null).map((a) => a.id);
  const counts = [1, 2, 4, 8, 16, 32, 64, 72].filter((c) => c <= maxCount);
  const configs = sweepConfigs({ model: o.model, accelerators, inputTokens: o.inputTokens, outputTokens: o.outputTokens, precisions: o.precisions ?? ["bf16", "fp8", "fp4"], counts, engine: o.engine ?? "vllm", usdPerHour: o.usdPerHour });
  if (!configs.ok) return configs;
  const rows: OptimizeRow[] = [];
  let evaluatedCount = 0;
  let unreachableCount = 0;
  let tooSmallCount = 0;
  const percentile = o.percentile ?? 99;
  configs.value.forEach((config, index) => {
    // Above one board, systems come in whole scale-up domains: 72 is one NVL72 rack, 16 is two 8-GPU nodes.
    const domain = config.accelerator.scaleUp.domainSize;
    if (config.count > Math.min(8, domain) && config.count % domain !== 0) return;
    for (const plan of config.plans) {
      const e = evaluateConfig(config, plan, { mode: "slo", ttftSeconds: o.ttftSeconds, tpotSeconds: o.tpotSeconds, percentile });
      evaluatedCount += 1;
      if (!e.fits) {
        if (e.issues.some((i) => i.code === "slo_unreachable")) unreachableCount += 1;
        else tooSmallCount += 1;
        continue;
      }
      const out = e.point.outputTokensPerSecond * plan.replicas;
      if (!(out > 0)) continue;
      const binding = e.sloBinding ?? "capacity";
      rows.push({
        ...layoutOf(config, plan),
        concurrency: e.systemConcurrency,
        outputTokensPerSecond: out,
        outputTokensPerSecondPerUser: 1 / e.tpotSeconds,
        ttftSeconds: e.ttftSeconds,
        tpotSeconds: e.tpotSeconds,
        usdPerHour: config.usdPerHour,
        usdPerMillionOutputTokens: ((config.count * config.usdPerHour) / SECONDS_PER_HOUR / out) * 1e6,
        binding,
        why: explainBinding(binding, o, percentile),
      });
    }
    o.onProgress?.(index + 1, configs.value.length);
  });
  if (rows.length === 0) {
    return fail({
      code: "no_configuration_meets_limits",
      message: `no configuration of ${o.model} meets p${percentile} TTFT <= ${o.ttftSeconds} s and TPOT <= ${o.tpotSeconds} s (${tooSmallCount} do not fit in memory, ${unreachableCount} miss the limits even at one request); relax --ttft/--tpot, allow more accelerators (--max-count), or other --accelerators`,
    });
  }
  rows.sort((a, b) => a.usdPerMillionOutputTokens - b.usdPerMillionOutputTokens);
  return ok({ rows: dedupe(rows).slice(0, o.top ?? 10), evaluatedCount, unreachableCount, tooSmallCount });
}

function explainBinding(binding: OptimizeRow["binding"], o: OptimizeOptions, percentile: number): string {
  switch (binding) {
    case "tpot":
      return `a larger batch would push p${percentile} time per output token past ${o.tpotSeconds} s`;
    case "ttft":
      return `a larger batch would push p${percentile} time to first token past ${o.ttftSeconds} s (prefills queue behind the token budget)`;
    case "capacity":
      return "the KV cache fills the memory left after weights: more sequences do not fit";
    default:
      return "the engine's batch limit (max running sequences) is reached before any latency limit";
  }
}

/**
 * Keeps one row per replica shape (accelerator, precision, tp/pp/ep/dp): more replicas of the same shape cost the
 * same per token, so the smallest system that reaches that cost is shown.
 */
function dedupe(rows: OptimizeRow[]): OptimizeRow[] {
  const seen = new Set<string>();
  const cost = (r: OptimizeRow) => Number(r.usdPerMillionOutputTokens.toPrecision(6));
  const byCount = [...rows].sort((a, b) => cost(a) - cost(b) || a.count - b.count);
  return byCount.filter((r) => {
    const key = `${r.accelerator}/${r.precision}/${r.tp}/${r.pp}/${r.ep}/${r.dp}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
