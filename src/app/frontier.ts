// frontier: per accelerator, the Pareto frontier of throughput per accelerator against speed per user, each point
// being predict's figures for its own scenario (the layout pinned, a concurrency load, the steady-state closed form).
import { type TypedIssue, typedIssue } from "../core/issues.js";
import { engineNameOf } from "../core/engine-version.js";
import type { Precision } from "../core/precision.js";
import { type Issue, type Result, fail, ok } from "../core/result.js";
import { formatSi, formatUsd, renderXYChart } from "../report/index.js";
import * as v from "./values.js";
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
    return fail({
      code: "no_feasible_configuration",
      model: o.base.model,
      accelerators: [...o.accelerators],
      counts,
      message: `${o.base.model} fits none of the tried configurations (${o.accelerators.join(", ")}; counts ${counts.join(", ")})`,
    });
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

/** The sweep's inputs as text (flags or query parameters of the same names), accelerators already split. */
export interface FrontierText {
  model: string;
  accelerators: string[];
  input: string;
  output: string;
  precision?: string | undefined;
  counts?: string | undefined;
  engine: string;
  usdPerHour?: string | undefined;
}

/** Parses the sweep's inputs (throws InputError naming `input`, `precision`, `counts`, `usd-per-hour`, ...). */
export function parseFrontierInput(f: FrontierText): FrontierInput {
  const price = f.usdPerHour === undefined ? undefined : v.checkPriceIds("usd-per-hour", v.parsePrice("usd-per-hour", f.usdPerHour), f.accelerators);
  return {
    base: { model: f.model, inputTokens: v.parseWhole("input", f.input, v.INPUT_NUMBER_LIMITS.whole), outputTokens: v.parseWhole("output", f.output, v.INPUT_NUMBER_LIMITS.whole), engine: v.parseEngine("engine", f.engine) },
    accelerators: f.accelerators,
    precisions: f.precision === undefined ? undefined : v.parsePrecisionList("precision", f.precision),
    counts: f.counts === undefined ? undefined : v.parseWholeList("counts", f.counts),
    usdPerHour: typeof price === "number" ? Object.fromEntries(f.accelerators.map((id) => [id, price])) : price,
  };
}

/** Sweep issues as data: an unknown accelerator points at `accelerators`. */
export function sweepIssues(issues: Issue[]): TypedIssue[] {
  return issues.map((i) => typedIssue(i));
}

/** The frontier chart: x = tokens/s per user (log), y = tokens/s per accelerator (log), one stepped line per accelerator. */
export function frontierChart(f: Frontier, model: string, input: string | number, output: string | number): string {
  return renderXYChart({
    title: `Throughput vs interactivity: ${model}`,
    subtitle: `${input} input / ${output} output tokens per request; each line is one accelerator's Pareto frontier over count, parallelism, precision and concurrency`,
    footnote: "costcurve frontier: engine predictions with the fitted efficiency profiles (docs/efficiency-fit.md)",
    x: { title: "Output tokens/s per user", unit: "tokens/s", scale: "log" },
    y: { title: "Output tokens/s per accelerator", unit: "tokens/s", scale: "log" },
    series: Object.entries(f.frontiers).map(([name, points]) => ({
      name: frontierSeriesName(name, points),
      kind: "line" as const,
      curve: "linear" as const,
      markers: true,
      points: points.map((p: FrontierPoint) => ({ x: p.outputTokensPerSecondPerUser, y: p.outputTokensPerSecondPerAccelerator, tip: frontierPointTip(p) })),
    })),
  });
}

/** A frontier line's legend name: the accelerator, the weight formats on its frontier and the engine ("h100-sxm · fp8/bf16 · vllm"). */
export function frontierSeriesName(accelerator: string, points: readonly FrontierPoint[]): string {
  const formats = [...new Set(points.map((p) => p.precision))];
  const engines = [...new Set(points.flatMap((p) => (p.scenario.engine === undefined ? [] : [engineNameOf(p.scenario.engine)])))];
  return [accelerator, formats.join("/"), engines.join("/")].filter(Boolean).join(" · ");
}

/** A frontier point's hover text: its system, weights, engine, layout, load, both rates and its cost, with units. */
export function frontierPointTip(p: FrontierPoint): string {
  const layout = `tp ${p.tp} pp ${p.pp} ep ${p.ep}${p.dp > 1 ? ` dp ${p.dp}` : ""} x${p.replicas}`;
  return [
    `${p.count}x ${p.accelerator}, weights ${p.precision}${p.scenario.engine === undefined ? "" : `, ${engineNameOf(p.scenario.engine)}`}`,
    `${layout}, ${formatSi(p.concurrency, 3)} requests in flight`,
    `Output tokens/s per user: ${formatSi(p.outputTokensPerSecondPerUser, 3)} tokens/s`,
    `Output tokens/s per accelerator: ${formatSi(p.outputTokensPerSecondPerAccelerator, 3)} tokens/s`,
    `cost: ${formatUsd(p.usdPerMillionOutputTokens)} USD/1M output tokens`,
  ].join("\n");
}
