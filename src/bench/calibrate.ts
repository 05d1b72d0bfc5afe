/**
 * Calibration: the engine's prediction for each measured load level next to the measurement, and an
 * efficiency profile fitted to the measurements (compute fractions, bandwidth fractions and overheads each
 * scaled by one factor, chosen by least squares on the log errors).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { EfficiencyProfile } from "../core/efficiency.js";
import { type PredictInput, predict } from "../core/predict.js";
import type { Prediction, Scenario } from "../core/scenario.js";
import { z } from "zod";
import { LevelSummary } from "./schemas.js";

/** Summaries in load order: concurrency levels by concurrency, then rate levels by rate (c1, c4, ... r1, ...). */
export function sortSummaries(summaries: LevelSummary[]): LevelSummary[] {
  const load = (s: LevelSummary) => (s.load.kind === "concurrency" ? s.load.concurrency : 1e9 + s.load.requestsPerSecond);
  return summaries.sort((a, b) => load(a) - load(b));
}

/** Reads every summary-<level>.json of a `costcurve bench --out` directory, in load order. */
export function readSummaries(dir: string): LevelSummary[] {
  const files = readdirSync(dir).filter((f) => /^summary-.+\.json$/.test(f));
  const summaries = files.map((f) => {
    const parsed = LevelSummary.safeParse(JSON.parse(readFileSync(join(dir, f), "utf8")));
    if (!parsed.success) throw new Error(`${join(dir, f)}: not a bench level summary (${parsed.error.issues[0]?.message ?? "invalid"})`);
    return parsed.data;
  });
  return sortSummaries(summaries);
}

/** The level summaries of a run saved in the store (`costcurve bench --save`), in load order. */
export function storedSummaries(runId: string, levels: ReadonlyArray<{ levelIndex: number; summary: unknown }>): LevelSummary[] {
  return sortSummaries(
    levels.map((level) => {
      const parsed = LevelSummary.safeParse(level.summary);
      if (!parsed.success) throw new Error(`run ${runId} level ${level.levelIndex}: not a bench level summary (${parsed.error.issues[0]?.message ?? "invalid"})`);
      return parsed.data;
    }),
  );
}

export type Metric = "outputTokensPerSecond" | "inputTokensPerSecond" | "ttftSeconds" | "tpotSeconds";

export interface ComparisonRow {
  level: string;
  metric: Metric;
  predicted: number;
  measured: number;
  /** predicted / measured - 1. */
  errorFraction: number;
}

/** The scenario at one measured level: its load and the measured mean tokens per request. */
export function scenarioAt(base: Scenario, summary: LevelSummary, concurrency: number): Scenario {
  const n = Math.max(1, summary.requestsCompleted);
  const inputTokens = Math.max(1, Math.round(summary.totalInputTokens / n));
  const embed = summary.endpoint === "embeddings";
  const outputTokens = embed ? 0 : Math.max(1, Math.round(summary.totalOutputTokens / n));
  return { ...base, workload: { kind: embed ? "embed" : "generate", inputTokens, outputTokens, load: { mode: "concurrency", concurrency } } };
}

/** Predicts one level: concurrency levels directly; a rate level at the concurrency whose predicted request rate matches it (bisection; the offline maximum when the rate is above it). */
export function predictLevel(input: PredictInput, summary: LevelSummary): Prediction {
  const at = (c: number) => predict({ ...input, scenario: scenarioAt(input.scenario, summary, c) });
  if (summary.load.kind === "concurrency") return at(summary.load.concurrency);
  const rate = summary.load.requestsPerSecond;
  let low = 1e-3;
  let high = 1024;
  if ((at(high).requestsPerSecond ?? 0) <= rate) return at(high);
  for (let i = 0; i < 40; i++) {
    const mid = Math.sqrt(low * high);
    if ((at(mid).requestsPerSecond ?? 0) < rate) low = mid;
    else high = mid;
  }
  return at(high);
}

/**
 * Which measured figure a prediction is set against:
 * - "mean": throughput over the whole level and mean TTFT/TPOT, what a bill or a capacity plan sees;
 * - "median": the typical request, robust to bursts of outside load on a shared host (a virtual machine whose
 *   neighbours take the CPU or the memory bus for a second makes a few tokens 3-4x slower and moves means by 15-20%):
 *   median TTFT, the median inter-token gap as TPOT (the median request's TPOT when gaps are not one token each:
 *   servers that send several tokens per chunk, or reads that carry several chunks), and at a concurrency level the
 *   tokens per second of `concurrency` requests each taking median TTFT + (tokens - 1) x TPOT (embeddings: the median
 *   latency). Rate levels keep the measured throughput, which is the offered rate there.
 */
export const Statistic = z.enum(["mean", "median"]);
export type Statistic = z.infer<typeof Statistic>;

/**
 * The median inter-token gap when it measures one token: about one gap per generated token per request, and not
 * collapsed towards 0 by chunks that arrived together (at least half the median request's TPOT); otherwise null.
 */
function tokenGapSeconds(s: LevelSummary): number | null {
  const n = Math.max(1, s.requestsCompleted);
  const gapsPerRequest = s.totalOutputTokens / n - 1;
  const gap = s.itlSeconds.p50;
  if (gap === null || !(gap > 0) || !(gapsPerRequest > 0)) return null;
  if (Math.abs(s.itlSeconds.count / n / gapsPerRequest - 1) > 0.1) return null;
  if (s.tpotSeconds.p50 !== null && gap < 0.5 * s.tpotSeconds.p50) return null;
  return gap;
}

/** The measured figures of one level under a statistic (tokens/s: output tokens, input tokens for embeddings; null where the level lacks them). */
export function measuredFigures(s: LevelSummary, statistic: Statistic): { tokensPerSecond: number | null; ttftSeconds: number | null; tpotSeconds: number | null } {
  const embed = s.endpoint === "embeddings";
  const meanTokensPerSecond = embed ? s.inputTokensPerSecond : s.outputTokensPerSecond;
  if (statistic === "mean") return { tokensPerSecond: meanTokensPerSecond, ttftSeconds: s.ttftSeconds.mean, tpotSeconds: s.tpotSeconds.mean };
  const n = Math.max(1, s.requestsCompleted);
  const tpot = tokenGapSeconds(s) ?? s.tpotSeconds.p50;
  let tokensPerSecond: number | null = meanTokensPerSecond;
  if (s.load.kind === "concurrency") {
    const tokens = (embed ? s.totalInputTokens : s.totalOutputTokens) / n;
    const seconds = embed || s.ttftSeconds.p50 === null || tpot === null ? s.e2eSeconds.p50 : s.ttftSeconds.p50 + Math.max(0, tokens - 1) * tpot;
    tokensPerSecond = seconds !== null && seconds > 0 ? (s.load.concurrency * tokens) / seconds : null;
  }
  return { tokensPerSecond, ttftSeconds: s.ttftSeconds.p50, tpotSeconds: tpot };
}

/**
 * Predicted vs measured rows for every level: throughput (output tokens/s, or input tokens/s for embeddings), TTFT
 * and TPOT where both sides have them, measured as the statistic says (default the mean).
 */
export function compareLevels(input: PredictInput, summaries: readonly LevelSummary[], statistic: Statistic = "mean"): ComparisonRow[] {
  const rows: ComparisonRow[] = [];
  for (const s of summaries) {
    if (s.requestsCompleted === 0) continue;
    const p = predictLevel(input, s);
    const m = measuredFigures(s, statistic);
    const add = (metric: Metric, predicted: number | null, measured: number | null) => {
      if (predicted === null || measured === null || !(predicted > 0) || !(measured > 0)) return;
      rows.push({ level: s.level, metric, predicted, measured, errorFraction: predicted / measured - 1 });
    };
    if (s.endpoint === "embeddings") add("inputTokensPerSecond", p.inputTokensPerSecond, m.tokensPerSecond);
    else {
      add("outputTokensPerSecond", p.outputTokensPerSecond, m.tokensPerSecond);
      add("ttftSeconds", p.ttftSeconds, m.ttftSeconds);
      add("tpotSeconds", p.tpotSeconds, m.tpotSeconds);
    }
  }
  return rows;
}

export interface ProfileScales {
  compute: number;
  bandwidth: number;
  overhead: number;
}

const clampFraction = (x: number) => Math.min(1, Math.max(1e-4, x));

/** The profile with compute fractions, bandwidth fractions and overheads multiplied by the scales (fractions kept within (0, 1]). */
export function scaleProfile(profile: EfficiencyProfile, s: ProfileScales): EfficiencyProfile {
  const byFormat: EfficiencyProfile["computeFractionByFormat"] = {};
  for (const [k, v] of Object.entries(profile.computeFractionByFormat)) byFormat[k as keyof typeof byFormat] = clampFraction(v * s.compute);
  return {
    ...profile,
    computeFraction: clampFraction(profile.computeFraction * s.compute),
    computeFractionByFormat: byFormat,
    attentionComputeFraction: clampFraction(profile.attentionComputeFraction * s.compute),
    bandwidthFraction: clampFraction(profile.bandwidthFraction * s.bandwidth),
    attentionBandwidthFraction: clampFraction(profile.attentionBandwidthFraction * s.bandwidth),
    stepOverheadSeconds: profile.stepOverheadSeconds * s.overhead,
    layerOverheadSeconds: profile.layerOverheadSeconds * s.overhead,
    sequenceOverheadSeconds: profile.sequenceOverheadSeconds * s.overhead,
    // operator-model times run at the achieved rates' geometric scale (scales > 1 mean faster)
    kernelTimeScale: (profile.kernelTimeScale ?? 1) / Math.sqrt(s.compute * s.bandwidth),
  };
}

/** Sum of squared natural-log errors over the rows. */
export function logError(rows: readonly ComparisonRow[]): number {
  return rows.reduce((sum, r) => sum + Math.log(r.predicted / r.measured) ** 2, 0);
}

export interface FitResult {
  scales: ProfileScales;
  profile: EfficiencyProfile;
  rows: ComparisonRow[];
  before: number;
  after: number;
}

/** Nelder-Mead simplex minimization of f from x0 (standard coefficients 1, 2, 0.5, 0.5). */
export function nelderMead(f: (x: number[]) => number, x0: readonly number[], step = 0.5, iterations = 600): number[] {
  const n = x0.length;
  let simplex = [x0.slice(), ...x0.map((_, i) => x0.map((v, j) => (i === j ? v + step : v)))].map((x) => ({ x, y: f(x) }));
  const combine = (a: number[], b: number[], t: number) => a.map((v, i) => v + t * (b[i]! - v));
  for (let it = 0; it < iterations; it++) {
    simplex.sort((p, q) => p.y - q.y);
    const best = simplex[0]!;
    const worst = simplex[n]!;
    if (Math.abs(worst.y - best.y) <= 1e-14 * Math.max(1, Math.abs(best.y))) break;
    const centroid = x0.map((_, i) => simplex.slice(0, n).reduce((s, p) => s + p.x[i]!, 0) / n);
    const reflected = combine(centroid, worst.x, -1);
    const fr = f(reflected);
    if (fr < best.y) {
      const expanded = combine(centroid, worst.x, -2);
      const fe = f(expanded);
      simplex[n] = fe < fr ? { x: expanded, y: fe } : { x: reflected, y: fr };
    } else if (fr < simplex[n - 1]!.y) {
      simplex[n] = { x: reflected, y: fr };
    } else {
      const contracted = combine(centroid, worst.x, 0.5);
      const fc = f(contracted);
      if (fc < worst.y) simplex[n] = { x: contracted, y: fc };
      else simplex = simplex.map((p, i) => (i === 0 ? p : { x: combine(best.x, p.x, 0.5), y: f(combine(best.x, p.x, 0.5)) }));
    }
  }
  simplex.sort((p, q) => p.y - q.y);
  return simplex[0]!.x;
}

/**
 * Fits the three scales by Nelder-Mead on their logarithms (each kept within 1/50 to 50), minimizing the
 * sum of squared log errors of every row.
 */
export function fitProfile(input: PredictInput, summaries: readonly LevelSummary[], statistic: Statistic = "mean"): FitResult {
  const limit = Math.log(50);
  const toScales = (x: readonly number[]): ProfileScales => {
    const e = (v: number) => Math.exp(Math.max(-limit, Math.min(limit, v)));
    return { compute: e(x[0]!), bandwidth: e(x[1]!), overhead: e(x[2]!) };
  };
  const cost = (s: ProfileScales) => logError(compareLevels({ ...input, profile: scaleProfile(input.profile, s) }, summaries, statistic));
  const before = cost({ compute: 1, bandwidth: 1, overhead: 1 });
  const scales = toScales(nelderMead((x) => cost(toScales(x)), [0, 0, 0]));
  const profile = scaleProfile(input.profile, scales);
  const rows = compareLevels({ ...input, profile }, summaries, statistic);
  return { scales, profile, rows, before, after: logError(rows) };
}
