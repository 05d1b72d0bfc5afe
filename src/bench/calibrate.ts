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
import { LevelSummary } from "./schemas.js";

/** Reads every summary-<level>.json of a `costcurve bench --out` directory, in file order (c1, c4, ... r1, ...). */
export function readSummaries(dir: string): LevelSummary[] {
  const files = readdirSync(dir).filter((f) => /^summary-.+\.json$/.test(f));
  const summaries = files.map((f) => {
    const parsed = LevelSummary.safeParse(JSON.parse(readFileSync(join(dir, f), "utf8")));
    if (!parsed.success) throw new Error(`${join(dir, f)}: not a bench level summary (${parsed.error.issues[0]?.message ?? "invalid"})`);
    return parsed.data;
  });
  const load = (s: LevelSummary) => (s.load.kind === "concurrency" ? s.load.concurrency : 1e9 + s.load.requestsPerSecond);
  return summaries.sort((a, b) => load(a) - load(b));
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

/** Predicted vs measured rows for every level: throughput (output tokens/s, or input tokens/s for embeddings), mean TTFT and mean TPOT where both sides have them. */
export function compareLevels(input: PredictInput, summaries: readonly LevelSummary[]): ComparisonRow[] {
  const rows: ComparisonRow[] = [];
  for (const s of summaries) {
    if (s.requestsCompleted === 0) continue;
    const p = predictLevel(input, s);
    const add = (metric: Metric, predicted: number | null, measured: number | null) => {
      if (predicted === null || measured === null || !(predicted > 0) || !(measured > 0)) return;
      rows.push({ level: s.level, metric, predicted, measured, errorFraction: predicted / measured - 1 });
    };
    if (s.endpoint === "embeddings") add("inputTokensPerSecond", p.inputTokensPerSecond, s.inputTokensPerSecond);
    else {
      add("outputTokensPerSecond", p.outputTokensPerSecond, s.outputTokensPerSecond);
      add("ttftSeconds", p.ttftSeconds, s.ttftSeconds.mean);
      add("tpotSeconds", p.tpotSeconds, s.tpotSeconds.mean);
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

/**
 * Fits the three scales by coordinate descent on log scale (golden-section search per scale over
 * factors 1/50 to 50, eight rounds), minimizing the sum of squared log errors of every row.
 */
export function fitProfile(input: PredictInput, summaries: readonly LevelSummary[]): FitResult {
  const keys: Array<keyof ProfileScales> = ["compute", "bandwidth", "overhead"];
  const scales: ProfileScales = { compute: 1, bandwidth: 1, overhead: 1 };
  const cost = (s: ProfileScales) => logError(compareLevels({ ...input, profile: scaleProfile(input.profile, s) }, summaries));
  const before = cost(scales);
  const phi = (Math.sqrt(5) - 1) / 2;
  for (let round = 0; round < 8; round++) {
    for (const key of keys) {
      const f = (logScale: number) => cost({ ...scales, [key]: Math.exp(logScale) });
      let a = Math.log(1 / 50);
      let b = Math.log(50);
      let c = b - phi * (b - a);
      let d = a + phi * (b - a);
      let fc = f(c);
      let fd = f(d);
      for (let i = 0; i < 30; i++) {
        if (fc < fd) {
          b = d; d = c; fd = fc; c = b - phi * (b - a); fc = f(c);
        } else {
          a = c; c = d; fc = fd; d = a + phi * (b - a); fd = f(d);
        }
      }
      const best = Math.exp((a + b) / 2);
      if (f(Math.log(best)) < cost(scales)) scales[key] = best;
    }
  }
  const profile = scaleProfile(input.profile, scales);
  const rows = compareLevels({ ...input, profile }, summaries);
  return { scales, profile, rows, before, after: logError(rows) };
}
