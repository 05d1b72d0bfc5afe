// The margin compression index: API list price over the modeled cost floor of a matched open model, per price
// change and as a monthly composite; the inputs parsed (named like the flags), issues as data, the chart and JSON.
import { resolveAccelerators } from "../prices/cost-floor.js";
import type { PriceBook } from "../prices/book.js";
import { compositeSeries, indexAssumptions, type CompositePoint, type IndexAssumptions, type IndexPoint, modelSeries, selectMatches, type Skipped } from "../prices/margin-index.js";
import { MODEL_MATCHES, type ModelMatch } from "../prices/model-matching.js";
import { dateMs, formatPercent, formatSignificant, renderXYChart } from "../report/index.js";
import { type Answer, priceIssues } from "./prices.js";
import * as v from "./values.js";

/** The index series starts with GPT-4's launch month unless `from` says otherwise. */
export const INDEX_START_DATE = "2023-03-01";

/** The question as text, keyed like the CLI's options. */
export interface IndexText {
  from?: string;
  to?: string;
  model?: string;
  utilization?: string;
  interactivity?: string;
  offline?: boolean;
  accelerators?: string;
}

export interface IndexQuestion {
  fromDate: string;
  toDate: string;
  /** One API model, or every matched one. */
  model?: string;
  utilizationFraction?: number;
  interactivityTokensPerSecond?: number | null;
  accelerators?: string[];
}

/** Parses the inputs (throws InputError naming `from`, `to`, `utilization`, `accelerators`, ...). */
export function parseIndexQuestion(t: IndexText): IndexQuestion {
  const fromDate = t.from === undefined ? INDEX_START_DATE : v.checkCalendarDate("from", v.parseDate("from", t.from));
  const toDate = v.checkCalendarDate("to", v.parseDate("to", t.to));
  const today = v.todayIso();
  // list prices are known up to today; later months would repeat today's index, one cost-floor search each
  if (toDate > today) throw new v.InputError([{ code: "described", path: ["to"], kind: "after_today", text: `${toDate} is after today (${today}); the index has no prices after today` }]);
  if (fromDate > toDate) throw new v.InputError([{ code: "out_of_order", path: ["from"], other: ["to"], value: fromDate, otherValue: toDate }]);
  const utilization = t.utilization === undefined ? undefined : v.parseShare("utilization", t.utilization);
  if (utilization === 0) throw new v.InputError([{ code: "described", path: ["utilization"], kind: "out_of_range", text: `must be above 0, got "${t.utilization}"` }]);
  const interactivity = v.parseInteractivity(t);
  let accelerators: string[] | undefined;
  if (t.accelerators !== undefined) {
    const ids = v.parseList("accelerators", t.accelerators, "a comma-separated list of accelerator ids");
    const resolved = resolveAccelerators(ids);
    if (!resolved.ok) {
      const bad = resolved.issues[0]!;
      throw new v.InputError([{ code: "unknown_accelerator", path: ["accelerators"], value: String(bad.value), suggestions: (bad.suggestions as string[]) ?? [] }]);
    }
    accelerators = resolved.value.map((acc) => acc.id);
  }
  return {
    fromDate,
    toDate,
    ...(t.model !== undefined ? { model: t.model } : {}),
    ...(utilization !== undefined ? { utilizationFraction: utilization } : {}),
    ...(interactivity !== undefined ? { interactivityTokensPerSecond: interactivity } : {}),
    ...(accelerators ? { accelerators } : {}),
  };
}

export interface IndexAnswer {
  fromDate: string;
  toDate: string;
  assumptions: IndexAssumptions;
  matches: ModelMatch[];
  points: IndexPoint[];
  composite: CompositePoint[];
  skipped: Skipped[];
  /** The one API model asked about, or null for every matched model. */
  oneModel: string | null;
}

/** The index points and composite between the dates; issues point at `model` and `to`. */
export function answerIndex(book: PriceBook, q: IndexQuestion): Answer<IndexAnswer> {
  const matches = selectMatches(book, q.model);
  if (!matches.ok) {
    const issue = matches.issues[0]!;
    if (issue.code === "unmatched_model") return { ok: false, issues: [{ code: "unmatched_model", path: ["model"], model: String(issue.model), matched: issue.matched as string[] }] };
    return { ok: false, issues: priceIssues([issue], ["model"], "API model") };
  }
  const a = indexAssumptions({
    ...(q.utilizationFraction !== undefined ? { utilizationFraction: q.utilizationFraction } : {}),
    ...(q.interactivityTokensPerSecond !== undefined ? { interactivityTokensPerSecond: q.interactivityTokensPerSecond } : {}),
    ...(q.accelerators ? { accelerators: q.accelerators } : {}),
  });
  const { points, skipped } = modelSeries(book, matches.value, q.fromDate, q.toDate, a);
  if (q.model !== undefined && points.length === 0) {
    const first = skipped.find((s) => s.date !== null)?.reason ?? skipped[0]?.reason;
    const model = matches.value[0]!.apiModelId;
    return { ok: false, issues: [{ code: "no_index", path: first ? ["model"] : ["to"], model, fromDate: q.fromDate, toDate: q.toDate, reason: first ?? null }] };
  }
  const composite = compositeSeries(book, matches.value, q.fromDate, q.toDate, a);
  const used = MODEL_MATCHES.filter((m) => matches.value.includes(m));
  return { ok: true, value: { fromDate: q.fromDate, toDate: q.toDate, assumptions: a, matches: used, points, composite, skipped, oneModel: q.model === undefined ? null : matches.value[0]!.apiModelId } };
}

/** The assumptions as both shells print them: the searched accelerators, rent and engine in words. */
export function indexAssumptionsJson(a: IndexAssumptions) {
  return {
    workload: a.workload,
    utilizationFraction: a.utilizationFraction,
    inputShareFraction: a.inputShareFraction,
    accelerators: a.accelerators ?? "every datacenter GPU in the catalog released by each date",
    rent: "each accelerator's current default rental price (newest on-demand row)",
    engine: "vllm, fp8 where supported else bf16, parallelism chosen by the engine, counts 1/2/4/8",
  };
}

/** What `index --json` prints and GET /api/index answers. */
export function indexJson(x: IndexAnswer, charts: string[]): Record<string, unknown> {
  return { from: x.fromDate, to: x.toDate, assumptions: indexAssumptionsJson(x.assumptions), matches: x.matches, points: x.points, composite: x.composite, skipped: x.skipped, charts };
}

/** The chart: composite as a step line, each API model's price changes as points (or one model's own steps). */
export function indexChart(points: IndexPoint[], composite: CompositePoint[], a: IndexAssumptions, oneModel: string | null, toDate: string): string {
  // one model: its own steps, held to the last date (the monthly composite of one model repeats them)
  const last = points.at(-1);
  const held = last && last.date < toDate ? [{ x: dateMs(toDate), y: last.index }] : [];
  const series = oneModel
    ? [{ name: oneModel, points: [...points.map((p) => ({ x: dateMs(p.date), y: p.index })), ...held], curve: "step-after" as const, color: "#dc2626" }]
    : [
        { name: "API models at each price change", kind: "scatter" as const, points: points.map((p) => ({ x: dateMs(p.date), y: p.index })), color: "#9ca3af" },
        { name: "composite (geometric mean of priced API models)", points: composite.map((c) => ({ x: dateMs(c.date), y: c.index })), curve: "step-after" as const, color: "#2563eb" },
      ];
  const target = a.workload.interactivityTokensPerSecond === null ? "offline" : `${a.workload.interactivityTokensPerSecond} tok/s per user`;
  return renderXYChart({
    title: oneModel ? `Margin compression index: ${oneModel}` : "Margin compression index: API list price over modeled cost floor",
    subtitle: `Blended list price (${formatPercent(a.inputShareFraction, 0)} input) / cheapest rented configuration of a matched open model at ${formatPercent(a.utilizationFraction, 0)} utilization, ${target}`,
    footnote: "Sources: costcurve price book (dated rows), declared open-model matches, costcurve engine; floors use today's rental prices on accelerators released by each date",
    x: { title: "date", scale: "time" },
    y: { title: "list price / cost floor", scale: "log", tickFormat: (y) => `${formatSignificant(y, 2)}x` },
    series,
    legend: true,
    referenceLines: [{ axis: "y", value: 1, label: "priced at the cost floor" }],
  });
}
