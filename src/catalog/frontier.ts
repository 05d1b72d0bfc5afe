// The cost-versus-interactivity frontier: every configuration and concurrency, Pareto-optimal points per accelerator.
import type { Engine } from "../core/efficiency.js";
import type { Precision } from "../core/precision.js";
import { type Result, fail, ok } from "../core/result.js";
import { SECONDS_PER_HOUR } from "../core/units.js";
import { type Layout, evaluateConfig, layoutOf, sweepConfigs } from "./sweep.js";

/** One evaluated point of the cost-versus-interactivity trade-off. */
export interface FrontierPoint extends Layout {
  concurrency: number;
  outputTokensPerSecondPerAccelerator: number;
  /** Interactivity: generated tokens per second one user sees (1 / TPOT). */
  outputTokensPerSecondPerUser: number;
  usdPerMillionOutputTokens: number;
  ttftSeconds: number;
  tpotSeconds: number;
  bound: string;
}

export interface FrontierOptions {
  model: string;
  accelerators: readonly string[];
  inputTokens: number;
  outputTokens: number;
  precisions?: readonly Precision[] | undefined;
  counts?: readonly number[] | undefined;
  engine?: Engine | undefined;
  usdPerHour?: Readonly<Record<string, number>> | undefined;
  /** Concurrency levels per system (default: 20 levels from 1 to 4096, geometric). */
  concurrencyLevels?: readonly number[] | undefined;
  /** Called after each configuration with (done, total); for progress displays. */
  onProgress?: ((done: number, total: number) => void) | undefined;
}

export interface Frontier {
  /** Pareto-optimal points per accelerator, by increasing interactivity. */
  frontiers: Record<string, FrontierPoint[]>;
  evaluatedCount: number;
}

/** 20 concurrency levels, 1 to 4096, each about 1.55x the last. */
export const DEFAULT_CONCURRENCY_LEVELS: readonly number[] = concurrencyLevels(4096);

/** 20 geometric levels from 1 to `top` requests in flight (a rack of 72 gets up to 256 per accelerator). */
export function concurrencyLevels(top: number): number[] {
  return [...new Set(Array.from({ length: 20 }, (_, i) => Math.round(top ** (i / 19))))];
}

/**
 * For each accelerator: every count, valid parallelism, precision and concurrency level, then the Pareto frontier
 * of output tokens/s per accelerator against output tokens/s per user (points no other point beats on both).
 */
export function computeFrontier(o: FrontierOptions): Result<Frontier> {
  const configs = sweepConfigs({
    model: o.model,
    accelerators: o.accelerators,
    inputTokens: o.inputTokens,
    outputTokens: o.outputTokens,
    precisions: o.precisions ?? ["bf16", "fp8", "fp4"],
    counts: o.counts,
    engine: o.engine ?? "vllm",
    usdPerHour: o.usdPerHour,
  });
  if (!configs.ok) return configs;
  const byAccelerator: Record<string, FrontierPoint[]> = {};
  let evaluatedCount = 0;
  configs.value.forEach((config, index) => {
    const levels = o.concurrencyLevels ?? (config.count * 256 > 4096 ? concurrencyLevels(config.count * 256) : DEFAULT_CONCURRENCY_LEVELS);
    for (const plan of config.plans) {
      for (const concurrency of levels) {
        const e = evaluateConfig(config, plan, { mode: "concurrency", concurrency });
        evaluatedCount += 1;
        if (!e.fits) break; // a plan that does not fit at one level fits at none
        const out = e.point.outputTokensPerSecond * plan.replicas;
        if (!(out > 0) || !(e.tpotSeconds > 0)) continue;
        (byAccelerator[config.accelerator.id] ??= []).push({
          ...layoutOf(config, plan),
          concurrency,
          outputTokensPerSecondPerAccelerator: out / config.count,
          outputTokensPerSecondPerUser: 1 / e.tpotSeconds,
          usdPerMillionOutputTokens: ((config.count * config.usdPerHour) / SECONDS_PER_HOUR / out) * 1e6,
          ttftSeconds: e.ttftSeconds,
          tpotSeconds: e.tpotSeconds,
          bound: e.bound,
        });
      }
    }
    o.onProgress?.(index + 1, configs.value.length);
  });
  const frontiers: Record<string, FrontierPoint[]> = {};
  for (const [id, points] of Object.entries(byAccelerator)) frontiers[id] = paretoMaxMax(points);
  if (Object.keys(frontiers).length === 0) {
    return fail({ code: "no_feasible_configuration", message: `${o.model} fits none of the tried configurations (${o.accelerators.join(", ")}; counts ${configs.value.map((c) => c.count).filter((v, i, a) => a.indexOf(v) === i).join(", ")}); try more accelerators or --counts` });
  }
  return ok({ frontiers, evaluatedCount });
}

/** Points not dominated in (per-user speed, per-accelerator throughput), sorted by per-user speed. */
export function paretoMaxMax(points: readonly FrontierPoint[]): FrontierPoint[] {
  const sorted = [...points].sort((a, b) => b.outputTokensPerSecondPerUser - a.outputTokensPerSecondPerUser || b.outputTokensPerSecondPerAccelerator - a.outputTokensPerSecondPerAccelerator);
  const out: FrontierPoint[] = [];
  let best = -Infinity;
  for (const p of sorted) {
    if (p.outputTokensPerSecondPerAccelerator > best) {
      out.push(p);
      best = p.outputTokensPerSecondPerAccelerator;
    }
  }
  return out.reverse();
}
