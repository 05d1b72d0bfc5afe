// Hosted API list prices: every model on a date, one model's quote, or its dated history; issues as data.
import { type IssuePath, type TypedIssue, typedIssue } from "../core/issues.js";
import type { Issue } from "../core/result.js";
import { listPrices, priceAt, priceHistory, resolveModel, type PriceBook } from "../prices/book.js";
import type { PriceRow } from "../prices/schema.js";
import { formatSignificant } from "../report/format.js";

/** One price row as the prices answer lists it. */
export interface PriceLine {
  provider: string;
  modelId: string;
  kind: string;
  startDate: string | null;
  inputUsdPerMillionTokens: number;
  outputUsdPerMillionTokens: number | null;
  cacheReadUsdPerMillionTokens: number | null;
  cacheWriteUsdPerMillionTokens: number | null;
  /** One-hour-TTL cache writes, where sold (Anthropic). */
  cacheWriteOneHourUsdPerMillionTokens: number | null;
  /** Long-context tiers as data: rates for the whole request above `aboveInputTokens` of input. */
  contextTiers: PriceRow["contextTiers"];
  offPeak: string;
  origin: string;
  sourceUrl: string;
}

export function priceLine(row: PriceRow): PriceLine {
  return {
    provider: row.provider,
    modelId: row.modelId,
    kind: row.kind,
    startDate: row.startDate,
    inputUsdPerMillionTokens: row.inputUsdPerMillionTokens,
    outputUsdPerMillionTokens: row.outputUsdPerMillionTokens,
    cacheReadUsdPerMillionTokens: row.cacheReadUsdPerMillionTokens ?? null,
    cacheWriteUsdPerMillionTokens: row.cacheWriteUsdPerMillionTokens ?? null,
    cacheWriteOneHourUsdPerMillionTokens: row.cacheWriteOneHourUsdPerMillionTokens ?? null,
    contextTiers: row.contextTiers,
    offPeak: row.offPeak ? `${row.offPeak.startUtc}-${row.offPeak.endUtc} UTC x${row.offPeak.inputMultiplier}` : "",
    origin: row.origin,
    sourceUrl: row.source.url,
  };
}

export interface PricesQuestion {
  /** A model id or API name; without one, every model on `date`. */
  model?: string;
  /** YYYY-MM-DD. */
  date: string;
  provider?: string;
  /** Every dated price of `model`, oldest first. */
  history?: boolean;
}

/** The answer in the key order the JSON outputs print: `date` or `modelId`, then warnings (quotes only), then prices. */
export type PricesAnswer =
  | { kind: "list"; date: string; prices: PriceLine[] }
  | { kind: "history"; modelId: string | undefined; prices: PriceLine[] }
  | { kind: "quote"; date: string; warnings: TypedIssue[]; prices: PriceLine[]; resolvedModelId: string; note: string | undefined };

export type Answer<T> = { ok: true; value: T } | { ok: false; issues: TypedIssue[] };

/** Price-book issues with the paths of the question's fields (`model` under `modelField`, date, provider). */
export function priceIssues(issues: Issue[], modelField: IssuePath = ["model"], kind: "model" | "API model" = "model"): TypedIssue[] {
  return issues.map((i) => {
    if (i.code === "unknown_model") return { code: "unknown_model", path: modelField, model: String(i.model), suggestions: (i.suggestions as string[] | undefined) ?? [], kind };
    if (i.code === "before_first_price") return { code: "before_first_price", path: ["date"], model: String(i.model), date: String(i.date), firstDate: String(i.firstDate) };
    if (i.code === "unknown_provider") return { code: "unknown_provider", path: ["provider"], model: String(i.model), provider: String(i.provider), providers: (i.providers as string[]) ?? [] };
    if (i.code === "bad_date") return { code: "invalid_input", path: ["date"], expected: "a date YYYY-MM-DD", received: String(i.date) };
    return typedIssue(i);
  });
}

/** Price-book warnings as typed issues (other providers point at the provider field). */
export function priceWarnings(warnings: Issue[]): TypedIssue[] {
  return warnings.map((w) => (w.code === "other_providers" ? { code: "other_providers", path: ["provider"], providers: ((w.providers as string[]) ?? []).slice(1) } : typedIssue(w)));
}

/** List prices: all models on a date, one model's row in force, or its history. */
export function answerPrices(book: PriceBook, q: PricesQuestion): Answer<PricesAnswer> {
  if (!q.model) {
    if (q.history) return { ok: false, issues: [{ code: "required", path: ["model"], hint: "the history is one model's" }] };
    const rows = listPrices(book, q.date, q.provider);
    if (q.provider && rows.length === 0) return { ok: false, issues: [{ code: "described", path: ["provider"], kind: "no_prices", text: `no prices for provider "${q.provider}"` }] };
    return { ok: true, value: { kind: "list", date: q.date, prices: rows.map(priceLine) } };
  }
  if (q.history) {
    const history = priceHistory(book, q.model, q.provider);
    if (!history.ok) return { ok: false, issues: priceIssues(history.issues) };
    return { ok: true, value: { kind: "history", modelId: history.value[0]?.modelId, prices: history.value.map(priceLine) } };
  }
  const quote = priceAt(book, q.model, q.date, q.provider);
  if (!quote.ok) return { ok: false, issues: priceIssues(quote.issues) };
  const resolved = resolveModel(book, q.model, q.provider);
  return {
    ok: true,
    value: { kind: "quote", date: q.date, warnings: priceWarnings(quote.warnings), prices: [priceLine(quote.value.row)], resolvedModelId: resolved.ok ? resolved.value.modelId : quote.value.modelId, note: quote.value.row.source.note },
  };
}

/** The JSON both shells print for a prices answer, warnings in the shell's words. */
export function pricesJson(a: PricesAnswer, text: (issue: TypedIssue) => string): Record<string, unknown> {
  if (a.kind === "list") return { date: a.date, prices: a.prices };
  if (a.kind === "history") return { modelId: a.modelId, prices: a.prices };
  return { date: a.date, warnings: a.warnings.map(text), prices: a.prices };
}

const rate = (v: number) => formatSignificant(v, 4);

/** Long-context tiers as text: ">200k: 6/22.5" per tier (input/output USD per 1M), "; " between tiers. */
export function tiersText(tiers: PriceRow["contextTiers"]): string {
  return tiers.map((t) => `>${t.aboveInputTokens / 1000}k: ${rate(t.inputUsdPerMillionTokens)}/${t.outputUsdPerMillionTokens === null ? "-" : rate(t.outputUsdPerMillionTokens)}`).join("; ");
}
