// The margin compression index: an API model's blended list price divided by the modeled cost floor of
// the open model matched to it, per dated price row, and a composite (geometric mean) month by month.
// The floor uses today's rental prices but only accelerators released by each date, so a 2023 point is
// priced on 2023 hardware (A100/H100), not on B200s.
import { fail, ok, type Result } from "../core/result.js";
import { priceAt, priceHistory, resolveModel, type PriceBook } from "./book.js";
import { blendedUsdPerMillionTokens } from "./breakeven.js";
import { costFloor, datacenterGpus, FLOOR_DEFAULTS, type FloorConfig, releaseDay, resolveAccelerators, type Workload } from "./cost-floor.js";
import { MODEL_MATCHES, type ModelMatch } from "./model-matching.js";

export interface IndexAssumptions {
  workload: Workload;
  utilizationFraction: number;
  /** Share of input tokens in the blend of list prices: the workload's own mix, inputTokens / (input + output). */
  inputShareFraction: number;
  accelerators: readonly string[] | null;
}

export interface IndexPoint {
  apiModelId: string;
  provider: string;
  date: string;
  inputUsdPerMillionTokens: number;
  outputUsdPerMillionTokens: number;
  blendedListUsdPerMillionTokens: number;
  openModelId: string;
  matchKind: ModelMatch["kind"];
  floorUsdPerMillionTokens: number;
  floorConfig: string;
  /** List price / cost floor: 1 means priced at the modeled cost of serving a comparable open model. */
  index: number;
  priceSourceUrl: string;
  matchSourceUrl: string;
  rentalSourceUrl: string;
}

export interface CompositePoint {
  date: string;
  /** Geometric mean of the index over the API models priced on this date. */
  index: number;
  modelCount: number;
}

export interface Skipped {
  apiModelId: string;
  date: string | null;
  reason: string;
}

/** Index assumptions from options and the floor's defaults. */
export function indexAssumptions(o: { utilizationFraction?: number; interactivityTokensPerSecond?: number | null; accelerators?: readonly string[] } = {}): IndexAssumptions {
  const workload: Workload = {
    inputTokens: FLOOR_DEFAULTS.inputTokens,
    outputTokens: FLOOR_DEFAULTS.outputTokens,
    interactivityTokensPerSecond: o.interactivityTokensPerSecond === undefined ? FLOOR_DEFAULTS.interactivityTokensPerSecond : o.interactivityTokensPerSecond,
    ttftSeconds: FLOOR_DEFAULTS.ttftSeconds,
    percentile: FLOOR_DEFAULTS.percentile,
  };
  return {
    workload,
    utilizationFraction: o.utilizationFraction ?? FLOOR_DEFAULTS.utilizationFraction,
    inputShareFraction: workload.inputTokens / (workload.inputTokens + workload.outputTokens),
    accelerators: o.accelerators ?? null,
  };
}

/** The cost floor of an open model on a date (accelerators released by then), memoized through the floor's evaluator. */
export function floorOn(openModelId: string, date: string, a: IndexAssumptions): Result<FloorConfig> {
  const floor = costFloor({ model: openModelId, workload: a.workload, utilizationFraction: a.utilizationFraction, releasedBy: date, ...(a.accelerators ? { accelerators: a.accelerators } : {}) });
  return floor.ok ? ok(floor.value.best) : floor;
}

/** One index value: the API model's price in force on `date` over its match's floor on that date. */
export function indexAt(book: PriceBook, match: ModelMatch, date: string, a: IndexAssumptions): Result<IndexPoint> {
  const quote = priceAt(book, match.apiModelId, date);
  if (!quote.ok) return quote;
  const row = quote.value.row;
  if (row.outputUsdPerMillionTokens === null) return fail({ code: "not_generative", message: `${match.apiModelId} has no output price` });
  const floor = floorOn(match.openModelId, date, a);
  if (!floor.ok) return floor;
  const blended = blendedUsdPerMillionTokens(row.inputUsdPerMillionTokens, row.outputUsdPerMillionTokens, a.inputShareFraction);
  const f = floor.value;
  return ok({
    apiModelId: quote.value.modelId,
    provider: quote.value.provider,
    date,
    inputUsdPerMillionTokens: row.inputUsdPerMillionTokens,
    outputUsdPerMillionTokens: row.outputUsdPerMillionTokens,
    blendedListUsdPerMillionTokens: blended,
    openModelId: match.openModelId,
    matchKind: match.kind,
    floorUsdPerMillionTokens: f.blendedUsdPerMillionTokens,
    floorConfig: `${f.count}x ${f.acceleratorId} ${f.precision} @ $${f.usdPerAcceleratorHour}/h`,
    index: blended / f.blendedUsdPerMillionTokens,
    priceSourceUrl: row.source.url,
    matchSourceUrl: match.source.url,
    rentalSourceUrl: f.priceSource.source.url,
  });
}

/** The matches to index: all, or the one for `apiModel` (resolved through the price book's aliases). */
export function selectMatches(book: PriceBook, apiModel?: string): Result<ModelMatch[]> {
  if (apiModel === undefined) return ok([...MODEL_MATCHES]);
  const resolved = resolveModel(book, apiModel);
  if (!resolved.ok) return resolved;
  const match = MODEL_MATCHES.find((m) => m.apiModelId === resolved.value.modelId);
  if (!match) {
    return fail({ code: "unmatched_model", model: resolved.value.modelId, matched: MODEL_MATCHES.map((m) => m.apiModelId), message: `${resolved.value.modelId} has no declared open-model match` });
  }
  return ok([match]);
}

/** Per API model: an index point at every dated row of its price history on or after `fromDate` (up to `toDate`). */
export function modelSeries(book: PriceBook, matches: readonly ModelMatch[], fromDate: string, toDate: string, a: IndexAssumptions): { points: IndexPoint[]; skipped: Skipped[] } {
  const points: IndexPoint[] = [];
  const skipped: Skipped[] = [];
  for (const match of matches) {
    const history = priceHistory(book, match.apiModelId);
    if (!history.ok) {
      skipped.push({ apiModelId: match.apiModelId, date: null, reason: history.issues[0]?.message ?? "no price history" });
      continue;
    }
    const dates = [...new Set(history.value.map((r) => r.startDate).filter((d): d is string => d !== null && d <= toDate))];
    // the row in force at fromDate counts too, dated fromDate
    const inForce = dates.filter((d) => d <= fromDate).at(-1);
    const wanted = [...(inForce !== undefined ? [fromDate] : []), ...dates.filter((d) => d > fromDate)];
    for (const date of wanted) {
      const p = indexAt(book, match, date, a);
      if (p.ok) points.push(p.value);
      else skipped.push({ apiModelId: match.apiModelId, date, reason: p.issues[0]?.message ?? "no index" });
    }
  }
  return { points, skipped };
}

/** First day of each month from `fromDate`'s month to `toDate`'s. */
export function monthStarts(fromDate: string, toDate: string): string[] {
  const out: string[] = [];
  let [y, m] = [Number(fromDate.slice(0, 4)), Number(fromDate.slice(5, 7))];
  const end = toDate.slice(0, 7);
  for (;;) {
    const month = `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}`;
    if (month > end) break;
    out.push(`${month}-01`);
    m += 1;
    if (m > 12) [y, m] = [y + 1, 1];
  }
  return out;
}

/** Geometric mean of positive values: exp(mean(ln x)). */
export function geometricMean(values: readonly number[]): number {
  return Math.exp(values.reduce((sum, v) => sum + Math.log(v), 0) / values.length);
}

/** The composite: at each month start, the geometric mean of the index over the API models priced then. */
export function compositeSeries(book: PriceBook, matches: readonly ModelMatch[], fromDate: string, toDate: string, a: IndexAssumptions): CompositePoint[] {
  const out: CompositePoint[] = [];
  // months before the first release of an accelerator in the pool have no floor, so no index: start there
  // (a --from of 0001 meant 24,000 empty months, each a cost-floor search)
  const pool = a.accelerators ? resolveAccelerators(a.accelerators) : ok(datacenterGpus());
  const first = pool.ok ? pool.value.map(releaseDay).sort()[0] : undefined;
  const start = first !== undefined && first.slice(0, 7) > fromDate.slice(0, 7) ? `${first.slice(0, 7)}-01` : fromDate;
  for (const date of monthStarts(start, toDate)) {
    if (date < fromDate) continue;
    const values: number[] = [];
    for (const match of matches) {
      const p = indexAt(book, match, date, a);
      if (p.ok) values.push(p.value.index);
    }
    if (values.length > 0) out.push({ date, index: geometricMean(values), modelCount: values.length });
  }
  return out;
}
