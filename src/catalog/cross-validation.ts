// Honest accuracy: the calibration set (grouped by source family) and the silicon rows (grouped by model) scored with
// leave-one-group-out refits of the host parameters, signed errors, and the p10-p90 bands those residuals give.
import { z } from "zod";
import { parseScenario } from "../core/validate.js";
import { crossValidate, type CrossValidation, type ErrorSummary, type FitCase, type MeasuredField, type ScoredField, summarizeErrors } from "./host-fit.js";
import { resolveScenario } from "./resolve.js";
import { parseSiliconCsv, siliconCases } from "./silicon.js";

const Measurement = z.object({
  id: z.string(),
  scenario: z.unknown(),
  expected: z.object({ field: z.string(), value: z.number() }),
  extraExpected: z.array(z.object({ field: z.string(), value: z.number() })).optional(),
  source: z.object({ url: z.string(), family: z.string().optional() }).passthrough(),
});

const FIELDS = new Set<MeasuredField>(["tpotSeconds", "ttftSeconds", "outputTokensPerSecond", "inputTokensPerSecond", "e2eSeconds", "requestsPerSecond"]);

/** The calibration rows as fit cases grouped by source family; rows that cannot be resolved are listed. */
export function calibrationCases(raw: unknown): { cases: FitCase[]; unmodeled: Array<{ id: string; reason: string }> } {
  const list = z.array(Measurement).parse(raw);
  const cases: FitCase[] = [];
  const unmodeled: Array<{ id: string; reason: string }> = [];
  for (const m of list) {
    const parsed = parseScenario(m.scenario, m.id);
    const resolved = parsed.ok ? resolveScenario(parsed.value) : parsed;
    if (!resolved.ok) {
      unmodeled.push({ id: m.id, reason: resolved.issues.map((i) => i.message).join("; ") });
      continue;
    }
    const measured = [m.expected, ...(m.extraExpected ?? [])].filter((e): e is { field: MeasuredField; value: number } => FIELDS.has(e.field as MeasuredField) && e.value > 0);
    const engine = resolved.value.profile.engine;
    cases.push({ id: m.id, group: `calibration: ${m.source.family ?? m.source.url}`, engine: engine === "*" ? "other" : engine, input: resolved.value, measured });
  }
  return { cases, unmodeled };
}

/** A p10-p90 band as multipliers of a prediction, from held-out residuals of one regime. */
export interface Band {
  field: MeasuredField;
  engine: string;
  /** measured / predicted at the 10th and 90th percentile of held-out rows. */
  lowFactor: number;
  highFactor: number;
  rowCount: number;
}

/** Regime of a score: the field and the framework (frameworks with fewer than `minRows` rows pool as "any"). */
export function bandsFrom(scores: readonly ScoredField[], minRows = 20): Band[] {
  const ratios = new Map<string, number[]>();
  const push = (key: string, v: number): void => {
    const list = ratios.get(key) ?? [];
    list.push(v);
    ratios.set(key, list);
  };
  for (const s of scores) {
    if (s.predicted === null || !(s.predicted > 0)) continue;
    const r = s.measured / s.predicted;
    push(`${s.field}\u0000${s.engine}`, r);
    push(`${s.field}\u0000any`, r);
  }
  const out: Band[] = [];
  for (const [key, list] of ratios) {
    if (list.length < minRows) continue;
    const [field, engine] = key.split("\u0000") as [MeasuredField, string];
    const sorted = [...list].sort((a, b) => a - b);
    const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.max(0, Math.round((sorted.length - 1) * q)))]!;
    out.push({ field, engine, lowFactor: at(0.1), highFactor: at(0.9), rowCount: list.length });
  }
  return out.sort((a, b) => a.field.localeCompare(b.field) || a.engine.localeCompare(b.engine));
}

/** The band for a field and framework: the framework's own, else the pooled one. */
export function bandFor(bands: readonly Band[], field: MeasuredField, engine: string): Band | undefined {
  return bands.find((b) => b.field === field && b.engine === engine) ?? bands.find((b) => b.field === field && b.engine === "any");
}

/**
 * Coverage of the bands, itself cross-validated: each held-out row is judged by bands built from the other groups'
 * held-out residuals only, so a row never informs its own band.
 */
export function bandCoverage(scores: readonly ScoredField[]): Array<{ field: MeasuredField; n: number; coverage: number }> {
  const groups = [...new Set(scores.map((s) => s.group))];
  const hits = new Map<MeasuredField, { n: number; inside: number }>();
  for (const g of groups) {
    const bands = bandsFrom(scores.filter((s) => s.group !== g));
    for (const s of scores) {
      if (s.group !== g || s.predicted === null || !(s.predicted > 0)) continue;
      const b = bandFor(bands, s.field, s.engine);
      if (!b) continue;
      const h = hits.get(s.field) ?? { n: 0, inside: 0 };
      h.n++;
      const r = s.measured / s.predicted;
      if (r >= b.lowFactor && r <= b.highFactor) h.inside++;
      hits.set(s.field, h);
    }
  }
  return [...hits].map(([field, h]) => ({ field, n: h.n, coverage: h.inside / h.n }));
}

export interface CrossValidatedAccuracy {
  silicon: { heldOut: ErrorSummary[]; inSample: ErrorSummary[]; unfitted: ErrorSummary[]; unmodeledCount: number };
  calibration: { heldOut: ErrorSummary[]; inSample: ErrorSummary[]; unfitted: ErrorSummary[]; unmodeled: Array<{ id: string; reason: string }> };
  fitted: CrossValidation["fitted"];
  folds: CrossValidation["folds"];
  bands: Band[];
  coverage: Array<{ field: MeasuredField; n: number; coverage: number }>;
  scores: ScoredField[];
}

/**
 * Cross-validates the calibration set and the silicon rows together: one fit of the host parameters per framework
 * over both, leaving out one source family or one model at a time. `stride` thins the fitting rows (not the scored ones).
 */
export function crossValidatedAccuracy(calibrationRaw: unknown, siliconCsv: string, options: { stride?: number; only?: "silicon" | "calibration" } = {}): CrossValidatedAccuracy {
  const calibration = options.only === "silicon" ? { cases: [], unmodeled: [] } : calibrationCases(calibrationRaw);
  const silicon = options.only === "calibration" ? { cases: [], unmodeled: [] } : siliconCases(parseSiliconCsv(siliconCsv).rows);
  const cv = crossValidate([...silicon.cases, ...calibration.cases], { stride: options.stride ?? 10 });
  const isCal = (s: ScoredField): boolean => s.group.startsWith("calibration: ");
  const part = (pick: (s: ScoredField) => boolean) => ({
    heldOut: summarizeErrors(cv.heldOut.filter(pick)),
    inSample: summarizeErrors(cv.inSample.filter(pick)),
    unfitted: summarizeErrors(cv.unfitted.filter(pick)),
  });
  return {
    silicon: { ...part((s) => !isCal(s)), unmodeledCount: silicon.unmodeled.length },
    calibration: { ...part(isCal), unmodeled: calibration.unmodeled },
    fitted: cv.fitted,
    folds: cv.folds,
    bands: bandsFrom(cv.heldOut),
    coverage: bandCoverage(cv.heldOut),
    scores: cv.heldOut,
  };
}
