// Prices, bill, breakeven and margin index: the app's answers (the CLI prints the same JSON with --json), their query
// parameters named like the flags.
import { answerBill, BILL_INPUT_NAMES, billJson as billAnswerJson, parseBillQuestion } from "../../app/bill.js";
import { answerBreakeven, breakevenChart, breakevenJson as breakevenAnswerJson, parseBreakevenQuestion } from "../../app/breakeven.js";
import { answerIndex, indexChart, indexJson as indexAnswerJson, parseIndexQuestion } from "../../app/margin-index.js";
import { answerPrices, type PriceLine, pricesJson as pricesAnswerJson } from "../../app/prices.js";
import { checkCalendarDate, parseDate, todayIso } from "../../app/values.js";
import type { BillLine } from "../../prices/bill.js";
import type { Breakeven } from "../../prices/breakeven.js";
import type { CompositePoint, IndexAssumptions, IndexPoint } from "../../prices/margin-index.js";
import { dateMs, formatUsd, renderXYChart } from "../../report/index.js";
import type { RequestContext } from "../context.js";
import { asHttp, httpIssues, jsonWarningText } from "../input-errors.js";
import { parseQuery } from "../http.js";
import { flagParams, toOptions } from "./cli-params.js";

export const PRICES_DEFAULTS = { model: "gpt-4o" };
export const PricesParams = flagParams(["model", "at", "provider", "history"] as const, ["history"]);

export type { PriceLine };

/** What `costcurve prices [model] [--history] --json` prints: the app's prices answer. */
export async function pricesJson(ctx: RequestContext, query = ctx.query): Promise<{ date?: string; modelId?: string; prices: PriceLine[]; warnings?: string[] }> {
  const q = parseQuery(PricesParams, query);
  const book = await ctx.book();
  const opts = toOptions(q, ["history"]) as { model?: string; at?: string; provider?: string; history?: boolean };
  const date = asHttp(() => checkCalendarDate("at", parseDate("at", opts.at)));
  const answer = answerPrices(book, { date, ...(opts.model ? { model: opts.model } : {}), ...(opts.provider !== undefined ? { provider: opts.provider } : {}), ...(opts.history ? { history: true } : {}) });
  if (!answer.ok) throw httpIssues(answer.issues, { date: "at" });
  return pricesAnswerJson(answer.value, (w) => jsonWarningText(w, { date: "at" })) as { date?: string; modelId?: string; prices: PriceLine[]; warnings?: string[] };
}

/** A model's input and output list price over time as steps. */
export function priceHistoryChart(modelId: string, lines: PriceLine[], today: string): string {
  const dated = lines.filter((l) => l.startDate !== null).sort((a, b) => (a.startDate! < b.startDate! ? -1 : 1));
  const end = dated.length && dated.at(-1)!.startDate! < today ? [today] : [];
  const series = (name: string, pick: (l: PriceLine) => number | null, color: string) => ({
    name,
    curve: "step-after" as const,
    markers: true,
    color,
    points: [...dated.map((l) => ({ x: dateMs(l.startDate!), y: pick(l) })), ...end.map((d) => ({ x: dateMs(d), y: pick(dated.at(-1)!) }))],
  });
  return renderXYChart({
    id: "price-history",
    title: `List price of ${modelId} over time`,
    subtitle: "USD per million tokens, each dated price row of the costcurve price book",
    footnote: `Sources: ${[...new Set(dated.map((l) => l.sourceUrl))].slice(0, 2).join(", ")}`,
    width: 760,
    height: 380,
    x: { title: "date", scale: "time" },
    y: { title: "list price", unit: "USD per 1M tokens", tickFormat: (v) => formatUsd(v) },
    series: [series("input", (l) => l.inputUsdPerMillionTokens, "#2563eb"), series("output", (l) => l.outputUsdPerMillionTokens, "#dc2626")],
    legend: true,
  });
}

export const BILL_DEFAULTS = { model: "gpt-4o-mini", "input-tokens": "300M", "output-tokens": "60M", requests: "200k", "cache-hit": "0.5", "batch-share": "0.2" };
export const BillParams = flagParams([
  "model",
  "input-tokens",
  "output-tokens",
  "requests",
  "cache-hit",
  "cache-write",
  "cache-storage-hours",
  "batch-share",
  "context-per-request",
  "tokenizer-inflation",
  "overhead",
  "discount",
  "at",
  "provider",
] as const);

export interface BillJson {
  date: string;
  priceRow: { modelId: string; provider: string; startDate: string | null; source: { url: string } };
  lines: BillLine[];
  totalUsd: number;
  requestCount: number;
  usdPerRequest: number;
  warnings: string[];
}

/** What `costcurve bill ... --json` prints (defaults apply only to parameters the query leaves out entirely). */
export async function billJson(ctx: RequestContext, query = ctx.query, defaults: Record<string, string> = {}): Promise<BillJson> {
  const q = parseQuery(BillParams, query);
  const book = await ctx.book();
  const opts = toOptions({ ...defaults, ...q }) as Record<string, string>;
  const answer = answerBill(
    book,
    asHttp(() => parseBillQuestion(opts)),
  );
  if (!answer.ok) throw httpIssues(answer.issues, BILL_INPUT_NAMES);
  return billAnswerJson(answer.value, (w) => jsonWarningText(w, BILL_INPUT_NAMES)) as unknown as BillJson;
}

export const BREAKEVEN_DEFAULTS = { model: "meta-llama/Llama-3.3-70B-Instruct", accelerator: "h100-sxm", count: "8", vs: "gpt-4o" };
export const BreakevenParams = flagParams(["model", "accelerator", "count", "vs", "provider", "input-share", "usd-per-hour", "at", "utilizations", "interactivity", "offline"] as const, ["offline"]);

/** What `costcurve breakeven ... --json` prints. */
export async function breakevenJson(ctx: RequestContext, query = ctx.query, defaults: Record<string, string> = {}): Promise<Breakeven> {
  const q = parseQuery(BreakevenParams, query);
  const book = await ctx.book();
  const opts = toOptions({ ...defaults, ...q }, ["offline"]);
  const answer = answerBreakeven(
    book,
    asHttp(() => parseBreakevenQuestion(opts)),
  );
  if (!answer.ok) throw httpIssues(answer.issues);
  return breakevenAnswerJson(answer.value, []) as unknown as Breakeven;
}

export { breakevenChart };

export const IndexParams = flagParams(["from", "to", "model", "utilization", "interactivity", "offline", "accelerators"] as const, ["offline"]);

export interface IndexJson {
  from: string;
  to: string;
  assumptions: IndexAssumptions & { accelerators: unknown };
  points: IndexPoint[];
  composite: CompositePoint[];
  skipped: Array<{ apiModelId: string; reason: string }>;
}

const indexCache = new Map<string, Promise<IndexJson>>();

/** `costcurve index ... --json`, memoized per query (the floors take a second or two). */
export async function indexJson(ctx: RequestContext, query = ctx.query): Promise<IndexJson> {
  const q = parseQuery(IndexParams, query);
  const key = JSON.stringify(q) + (ctx.env.COSTCURVE_DB ?? "") + (ctx.env.DATABASE_URL ?? "") + todayIso();
  const hit = indexCache.get(key);
  if (hit) return hit;
  const book = await ctx.book();
  const opts = toOptions(q, ["offline"]);
  const pending = (async () => {
    const answer = answerIndex(
      book,
      asHttp(() => parseIndexQuestion(opts)),
    );
    if (!answer.ok) throw httpIssues(answer.issues);
    return indexAnswerJson(answer.value, []) as unknown as IndexJson;
  })();
  if (indexCache.size > 32) indexCache.clear();
  indexCache.set(key, pending);
  pending.catch(() => indexCache.delete(key));
  return pending;
}

/** The index chart (the one `costcurve index --svg` writes) for the index JSON. */
export function marginIndexChart(j: IndexJson, oneModel: string | null): string {
  const assumptions = { ...j.assumptions, accelerators: Array.isArray(j.assumptions.accelerators) ? (j.assumptions.accelerators as string[]) : undefined } as IndexAssumptions;
  return indexChart(j.points, j.composite, assumptions, oneModel, j.to);
}
