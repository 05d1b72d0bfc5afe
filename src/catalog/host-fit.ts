// Fits the few host-side parameters of each serving framework to end-to-end measurements, with leave-one-group-out
// cross-validation: refit without one group (a model, or a source family), score that group, repeat.
import { predict, type PredictInput } from "../core/predict.js";
import type { Prediction } from "../core/scenario.js";

/** The host-side parameters fitted per framework; device time comes from the operator model and is not refitted. */
export interface HostParams {
  stepOverheadSeconds: number;
  sequenceOverheadSeconds: number;
  requestOverheadSeconds: number;
}

export type MeasuredField = "tpotSeconds" | "ttftSeconds" | "outputTokensPerSecond" | "inputTokensPerSecond" | "e2eSeconds" | "requestsPerSecond";

export interface FitCase {
  id: string;
  /** Cross-validation group: the model (silicon) or the source family (calibration set). */
  group: string;
  /** Framework whose parameters this case informs (vllm, sglang, trtllm, ...). */
  engine: string;
  input: PredictInput;
  measured: Array<{ field: MeasuredField; value: number }>;
}

export interface ScoredField {
  id: string;
  group: string;
  engine: string;
  field: MeasuredField;
  measured: number;
  predicted: number | null;
  /** predicted / measured - 1 (null when the engine gives no figure). */
  error: number | null;
}

/** Frameworks whose host parameters are fitted; others keep their profile's values. */
export const FITTED_ENGINES = ["trtllm", "vllm", "sglang"] as const;

/** The case's input with a framework's host parameters in its profile. */
export function withHost(input: PredictInput, p: HostParams): PredictInput {
  return { ...input, profile: { ...input.profile, stepOverheadSeconds: p.stepOverheadSeconds, sequenceOverheadSeconds: p.sequenceOverheadSeconds, requestOverheadSeconds: p.requestOverheadSeconds } };
}

export function hostOf(input: PredictInput): HostParams {
  const pr = input.profile;
  return { stepOverheadSeconds: pr.stepOverheadSeconds, sequenceOverheadSeconds: pr.sequenceOverheadSeconds, requestOverheadSeconds: pr.requestOverheadSeconds ?? 0 };
}

export function scoreCase(c: FitCase, p?: HostParams): ScoredField[] {
  const prediction: Prediction = predict(p ? withHost(c.input, p) : c.input);
  return c.measured.map((m) => {
    const v = prediction.fits ? (prediction[m.field] as number | null) : null;
    return { id: c.id, group: c.group, engine: c.engine, field: m.field, measured: m.value, predicted: v, error: v === null ? null : v / m.value - 1 };
  });
}

/** Mean squared log error, each term capped (|log ratio| <= 1.5) so that a few unmodeled rows cannot steer the fit. */
function loss(cases: readonly FitCase[], p: HostParams, weights: Partial<Record<MeasuredField, number>>): number {
  let sum = 0;
  let n = 0;
  for (const c of cases) {
    for (const s of scoreCase(c, p)) {
      const w = weights[s.field] ?? 1;
      if (s.predicted === null || !(s.predicted > 0)) {
        sum += w * 1.5 * 1.5;
      } else {
        const l = Math.min(1.5, Math.abs(Math.log(s.predicted / s.measured)));
        sum += w * l * l;
      }
      n += w;
    }
  }
  return n > 0 ? sum / n : 0;
}

const KEYS: Array<keyof HostParams> = ["stepOverheadSeconds", "sequenceOverheadSeconds", "requestOverheadSeconds"];
/** Bounds that keep each parameter physical: up to 50 ms a step, 1 ms per sequence, 2 s per request. */
const BOUNDS: Record<keyof HostParams, [number, number]> = {
  stepOverheadSeconds: [0, 0.05],
  sequenceOverheadSeconds: [0, 0.001],
  requestOverheadSeconds: [0, 2],
};
const FLOOR: Record<keyof HostParams, number> = { stepOverheadSeconds: 1e-4, sequenceOverheadSeconds: 1e-6, requestOverheadSeconds: 1e-3 };

/**
 * Fits one framework's host parameters to its cases by a bounded coordinate search in log space (each parameter
 * multiplied or divided by a shrinking factor while the loss falls). Deterministic; about 10-25 loss evaluations.
 */
export function fitHost(cases: readonly FitCase[], start: HostParams, weights: Partial<Record<MeasuredField, number>> = {}): { params: HostParams; loss: number } {
  let best = { ...start };
  let bestLoss = loss(cases, best, weights);
  for (const factor of [4, 2, 1.4]) {
    for (const key of KEYS) {
      for (const dir of [1, -1]) {
        for (let tries = 0; tries < 3; tries++) {
          const value = Math.max(FLOOR[key], best[key]) * (dir > 0 ? factor : 1 / factor);
          const [lo, hi] = BOUNDS[key];
          const candidate = { ...best, [key]: Math.min(hi, Math.max(lo, value)) };
          if (candidate[key] === best[key]) break;
          const l = loss(cases, candidate, weights);
          if (l < bestLoss - 1e-9) {
            best = candidate;
            bestLoss = l;
          } else break;
        }
      }
    }
  }
  return { params: best, loss: bestLoss };
}

export interface CrossValidation {
  /** Held-out scores: each group predicted with parameters fitted without it. */
  heldOut: ScoredField[];
  /** Scores with parameters fitted on every case (what ships). */
  inSample: ScoredField[];
  /** Scores with the profiles as shipped before fitting. */
  unfitted: ScoredField[];
  /** Parameters fitted on all cases, per framework. */
  fitted: Record<string, HostParams>;
  /** Parameters of each fold, per held-out group and framework. */
  folds: Array<{ heldOutGroup: string; params: Record<string, HostParams> }>;
}

/**
 * Leave-one-group-out: for each group, refit every framework's parameters on the other groups' cases (every
 * `stride`-th case, for speed), then score the held-out group's cases. Groups with a single framework still count.
 */
export function crossValidate(cases: readonly FitCase[], options: { stride?: number; weights?: Partial<Record<MeasuredField, number>> } = {}): CrossValidation {
  const stride = Math.max(1, options.stride ?? 1);
  const groups = [...new Set(cases.map((c) => c.group))].sort();
  const engines = FITTED_ENGINES.filter((e) => cases.some((c) => c.engine === e));
  const startFor = (engine: string): HostParams => hostOf(cases.find((c) => c.engine === engine)!.input);
  const fitOn = (training: readonly FitCase[]): Record<string, HostParams> => {
    const out: Record<string, HostParams> = {};
    for (const engine of engines) {
      const mine = training.filter((c) => c.engine === engine).filter((_, i) => i % stride === 0);
      out[engine] = mine.length > 0 ? fitHost(mine, startFor(engine), options.weights).params : startFor(engine);
    }
    return out;
  };
  const apply = (c: FitCase, params: Record<string, HostParams>): ScoredField[] => scoreCase(c, params[c.engine]);
  const folds: CrossValidation["folds"] = [];
  const heldOut: ScoredField[] = [];
  for (const g of groups) {
    const params = fitOn(cases.filter((c) => c.group !== g));
    folds.push({ heldOutGroup: g, params });
    for (const c of cases) if (c.group === g) heldOut.push(...apply(c, params));
  }
  const fitted = fitOn(cases);
  return {
    heldOut,
    inSample: cases.flatMap((c) => apply(c, fitted)),
    unfitted: cases.flatMap((c) => scoreCase(c)),
    fitted,
    folds,
  };
}

export interface ErrorSummary {
  field: MeasuredField;
  group: string;
  n: number;
  /** Rows the engine gave no figure for (does not fit, unsupported). */
  missing: number;
  medianAbsError: number | null;
  p90AbsError: number | null;
  medianSignedError: number | null;
}

/** Median and p90 |error| and the median signed error per field, overall ("all") and per group. */
export function summarizeErrors(scores: readonly ScoredField[], by: (s: ScoredField) => string = (s) => s.group): ErrorSummary[] {
  const buckets = new Map<string, ScoredField[]>();
  for (const s of scores) {
    for (const key of [`${s.field}\u0000all`, `${s.field}\u0000${by(s)}`]) {
      const list = buckets.get(key) ?? [];
      list.push(s);
      buckets.set(key, list);
    }
  }
  const out: ErrorSummary[] = [];
  for (const [key, list] of buckets) {
    const [field, group] = key.split("\u0000") as [MeasuredField, string];
    const errors = list.map((s) => s.error).filter((e): e is number => e !== null && Number.isFinite(e));
    out.push({
      field,
      group,
      n: errors.length,
      missing: list.length - errors.length,
      medianAbsError: quantile(errors.map(Math.abs), 0.5),
      p90AbsError: quantile(errors.map(Math.abs), 0.9),
      medianSignedError: quantile(errors, 0.5),
    });
  }
  return out.sort((a, b) => a.field.localeCompare(b.field) || (a.group === "all" ? -1 : b.group === "all" ? 1 : a.group.localeCompare(b.group)));
}

function quantile(values: number[], q: number): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return s[lo]! + (s[hi]! - s[lo]!) * (pos - lo);
}
