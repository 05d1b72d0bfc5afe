// frontier: per accelerator, the Pareto frontier of throughput per accelerator against speed per user, each point
// being predict's figures for its own scenario (the layout pinned, a concurrency load, the steady-state closed form).
import type { Precision } from "../core/precision.js";
import { type Result, fail, ok } from "../core/result.js";
import type { Load, Scenario } from "../core/scenario.js";
import { type Layout, type PriceUsed, type SweepBase, defaultCounts, layoutOf, predictLayout, sweepConfigs } from "./sweep-layouts.js";

/** One evaluated point of the cost-versus-interactivity trade-off. */
export interface FrontierPoint extends Layout {
  /** The scenario `costcurve predict` evaluates to reproduce this point. */
  scenario: Scenario;
  /** Requests in flight in the whole system. */
  concurrency: number;
  outputTokensPerSecondPerAccelerator: number;
  /** Interactivity: generated tokens per second one user sees (1 / mean TPOT). */
  outputTokensPerSecondPerUser: number;
  usdPerMillionOutputTokens: number;
  usdPerMillionInputTokens: number | null;
  /** Mean (steady-state) time to first token and per output token at this concurrency. */
  ttftMeanSeconds: number;
  tpotMeanSeconds: number;
  price: PriceUsed;
  bound: string;
}

export interface FrontierInput {
  base: SweepBase;
  accelerators: readonly string[];
  /** Weight formats to try when the base scenario pins none (default bf16, fp8, fp4 where supported). */
  precisions?: readonly Precision[] | undefined;
  counts?: readonly number[] | undefined;
  usdPerHour?: number | Readonly<Record<string, number>> | undefined;
  /** Concurrency levels per system (default: 20 levels from 1 to 4096, geometric; up to 256 per accelerator for racks). */
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

/** 20 geometric levels from 1 to `top` requests in flight. */
export function concurrencyLevels(top: number): number[] {
  return [...new Set(Array.from({ length: 20 }, (_, i) => Math.round(top ** (i / 19))))];
}

/**
 * For each accelerator: every count, precision, tensor/pipeline/expert/data-parallel layout and concurrency level,
 * predicted by `predict` with the layout pinned and the closed-form steady state (features.benchmark.method
 * "closed-form"), then the Pareto frontier of output tokens/s per accelerator against output tokens/s per user.
 */
export function computeFrontier(o: FrontierInput): Result<Frontier> {
  const base: SweepBase = { ...o.base, features: { batching: "continuous", ...o.base.features, benchmark: { lengths: "fixed", rangeRatio: 0, seed: 1, ...o.base.features?.benchmark, method: "closed-form" } } };
  const configs = sweepConfigs({ base, accelerators: o.accelerators, precisions: o.precisions, usdPerHour: o.usdPerHour, counts: (a) => o.counts ?? defaultCounts(a) });
  if (!configs.ok) return configs;
  const byAccelerator: Record<string, FrontierPoint[]> = {};
  let evaluatedCount = 0;
  configs.value.forEach((config, index) => {
    const levels = o.concurrencyLevels ?? (config.count * 256 > 4096 ? concurrencyLevels(config.count * 256) : DEFAULT_CONCURRENCY_LEVELS);
    for (const plan of config.plans) {
      for (const concurrency of levels) {
        const load: Load = { mode: "concurrency", concurrency };
        const { scenario, prediction: p } = predictLayout(config, plan, load);
        evaluatedCount += 1;
        if (!p.fits) break; // a plan that does not fit at one level fits at none
        const out = p.outputTokensPerSecond ?? 0;
        const tpot = p.tpotSeconds ?? 0;
        if (!(out > 0) || !(tpot > 0) || p.usdPerMillionOutputTokens === null) continue;
        (byAccelerator[config.accelerator.id] ??= []).push({
          ...layoutOf(config, plan),
          scenario,
          concurrency,
          outputTokensPerSecondPerAccelerator: out / config.count,
          outputTokensPerSecondPerUser: 1 / tpot,
          usdPerMillionOutputTokens: p.usdPerMillionOutputTokens,
          usdPerMillionInputTokens: p.usdPerMillionInputTokens,
          ttftMeanSeconds: p.ttftSeconds ?? 0,
          tpotMeanSeconds: tpot,
          price: config.price,
          bound: p.bound ?? "capacity",
        });
      }
    }
    o.onProgress?.(index + 1, configs.value.length);
  });
  const frontiers: Record<string, FrontierPoint[]> = {};
  for (const [id, points] of Object.entries(byAccelerator)) frontiers[id] = paretoMaxMax(points);
  if (Object.keys(frontiers).length === 0) {
    const counts = [...new Set(configs.value.map((c) => c.count))];
    return fail({ code: "no_feasible_configuration", model: o.base.model, accelerators: [...o.accelerators], counts, message: `${o.base.model} fits none of the tried configurations (${o.accelerators.join(", ")}; counts ${counts.join(", ")})` });
  }
  return ok({ frontiers, evaluatedCount });
}

/** Points not dominated in (per-user speed, per-accelerator throughput), sorted by per-user speed. */
export function paretoMaxMax<T extends { outputTokensPerSecondPerUser: number; outputTokensPerSecondPerAccelerator: number }>(points: readonly T[]): T[] {
  const sorted = [...points].sort((a, b) => b.outputTokensPerSecondPerUser - a.outputTokensPerSecondPerUser || b.outputTokensPerSecondPerAccelerator - a.outputTokensPerSecondPerAccelerator);
  const out: T[] = [];
  let best = -Infinity;
  for (const p of sorted) {
    if (p.outputTokensPerSecondPerAccelerator > best) {
      out.push(p);
      best = p.outputTokensPerSecondPerAccelerator;
    }
  }
  return out.reverse();
}
