// The effective hosted-API bill for a workload: the price row in force, the batch rule, the bill's lines; issues as data.
import type { TypedIssue } from "../core/issues.js";
import { typedIssue } from "../core/issues.js";
import { type Bill, type BillInput, computeBill } from "../prices/bill.js";
import { type PriceBook, priceAt, tierRuleAt } from "../prices/book.js";
import type { PriceRow } from "../prices/schema.js";
import { type Answer, priceIssues, priceWarnings } from "./prices.js";
import * as v from "./values.js";

/** Bill question field -> the name of its input (the CLI's flag without "--", the web's query parameter). */
export const BILL_INPUT_NAMES: Record<string, string> = {
  date: "at",
  inputTokens: "input-tokens",
  outputTokens: "output-tokens",
  requestCount: "requests",
  cacheHitFraction: "cache-hit",
  cacheWriteFraction: "cache-write",
  cacheWriteOneHourFraction: "cache-write-1h",
  cacheStorageHours: "cache-storage-hours",
  batchShareFraction: "batch-share",
  contextPerRequestTokens: "context-per-request",
  tokenizerInflation: "tokenizer-inflation",
  overheadFraction: "overhead",
  discountFraction: "discount",
};
for (const [field, name] of Object.entries(BILL_INPUT_NAMES)) BILL_INPUT_NAMES[`input.${field}`] = name;

/** The bill's inputs as text, keyed like the CLI's options (`cache-hit` is `cacheHit`). */
export interface BillText {
  model?: string;
  inputTokens?: string;
  outputTokens?: string;
  requests?: string;
  cacheHit?: string;
  cacheWrite?: string;
  cacheWrite1h?: string;
  cacheStorageHours?: string;
  batchShare?: string;
  contextPerRequest?: string;
  tokenizerInflation?: string;
  overhead?: string;
  discount?: string;
  at?: string;
  provider?: string;
}

const count = (name: string, text: string) => v.parseAtMost(name, v.parseCount(name, text), v.INPUT_NUMBER_LIMITS.number);

/** Parses the inputs (throws InputError naming `input-tokens`, `cache-hit`, `at`, ...). */
export function parseBillQuestion(t: BillText): BillQuestion {
  const model = v.requireValue("model", t.model);
  const date = v.checkCalendarDate("at", v.parseDate("at", t.at));
  const input: BillInput = {
    inputTokens: count("input-tokens", v.requireValue("input-tokens", t.inputTokens)),
    outputTokens: count("output-tokens", v.requireValue("output-tokens", t.outputTokens)),
  };
  if (t.requests !== undefined) input.requestCount = count("requests", t.requests);
  if (t.contextPerRequest !== undefined) input.contextPerRequestTokens = count("context-per-request", t.contextPerRequest);
  if (t.cacheStorageHours !== undefined) input.cacheStorageHours = count("cache-storage-hours", t.cacheStorageHours);
  if (t.tokenizerInflation !== undefined) input.tokenizerInflation = count("tokenizer-inflation", t.tokenizerInflation);
  if (t.cacheHit !== undefined) input.cacheHitFraction = v.parseShare("cache-hit", t.cacheHit);
  if (t.cacheWrite !== undefined) input.cacheWriteFraction = v.parseShare("cache-write", t.cacheWrite);
  if (t.cacheWrite1h !== undefined) input.cacheWriteOneHourFraction = v.parseShare("cache-write-1h", t.cacheWrite1h);
  if (t.batchShare !== undefined) input.batchShareFraction = v.parseShare("batch-share", t.batchShare);
  if (t.overhead !== undefined) input.overheadFraction = v.parseShare("overhead", t.overhead);
  if (t.discount !== undefined) input.discountFraction = v.parseShare("discount", t.discount);
  return { model, date, input, ...(t.provider !== undefined ? { provider: t.provider } : {}) };
}

export interface BillQuestion {
  /** Model id or API name. */
  model: string;
  /** Prices in force on this date, YYYY-MM-DD. */
  date: string;
  provider?: string;
  input: BillInput;
}

/** The bill in the key order the JSON outputs print. */
export type BillAnswer = { date: string; priceRow: PriceRow; batchRule: ReturnType<typeof tierRuleAt>; input: BillInput } & Bill & { warnings: TypedIssue[] };

/** Prices the workload at the row in force on the date (paths: the question's fields, bill input fields under input). */
export function answerBill(book: PriceBook, q: BillQuestion): Answer<BillAnswer> {
  const quote = priceAt(book, q.model, q.date, q.provider);
  if (!quote.ok) return { ok: false, issues: priceIssues(quote.issues) };
  const { row, provider, modelId } = quote.value;
  const batch = tierRuleAt(book, provider, "batch", modelId, q.date);
  const result = computeBill(row, q.input, batch);
  if (!result.ok) return { ok: false, issues: result.issues.map((i) => (i.code === "no_output_price" ? { code: "no_output_price", path: ["outputTokens"], modelId } : typedIssue(i))) };
  const warnings = [
    ...priceWarnings(quote.warnings),
    ...result.warnings.map(
      (w): TypedIssue =>
        w.code === "exceeds_context_window"
          ? { code: "exceeds_context_window", path: [String(w.field ?? "requestCount")], modelId, requestTokens: Number(w.requestTokens), contextWindowTokens: Number(w.contextWindowTokens) }
          : typedIssue(w),
    ),
  ];
  return { ok: true, value: { date: q.date, priceRow: row, batchRule: batch, input: q.input, ...result.value, warnings } };
}

/** The JSON both shells print for a bill, warnings in the shell's words. */
export function billJson(a: BillAnswer, text: (issue: TypedIssue) => string): Record<string, unknown> {
  return { ...a, warnings: a.warnings.map(text) };
}
