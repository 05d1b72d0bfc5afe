// The effective hosted-API bill for a workload: the price row in force, the batch rule, the bill's lines; issues as data.
import type { TypedIssue } from "../core/issues.js";
import { typedIssue } from "../core/issues.js";
import { type Bill, type BillInput, computeBill } from "../prices/bill.js";
import { type PriceBook, priceAt, tierRuleAt } from "../prices/book.js";
import type { PriceRow } from "../prices/schema.js";
import { type Answer, priceIssues, priceWarnings } from "./prices.js";

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
    ...result.warnings.map((w): TypedIssue =>
      w.code === "exceeds_context_window" ? { code: "exceeds_context_window", path: [String(w.field ?? "requestCount")], modelId, requestTokens: Number(w.requestTokens), contextWindowTokens: Number(w.contextWindowTokens) } : typedIssue(w),
    ),
  ];
  return { ok: true, value: { date: q.date, priceRow: row, batchRule: batch, input: q.input, ...result.value, warnings } };
}

/** The JSON both shells print for a bill, warnings in the shell's words. */
export function billJson(a: BillAnswer, text: (issue: TypedIssue) => string): Record<string, unknown> {
  return { ...a, warnings: a.warnings.map(text) };
}
