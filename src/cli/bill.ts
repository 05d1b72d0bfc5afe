// `costcurve bill`: the effective API bill for a workload, line by line.
import type { Command } from "commander";
import { computeBill, type BillInput } from "../prices/bill.js";
import { priceAt, tierRuleAt, type PriceBook } from "../prices/book.js";
import type { Column } from "../report/cell.js";
import { formatSignificant, formatUsd } from "../report/format.js";
import { formatJson } from "../report/json.js";
import { formatKeyValues, formatTable } from "../report/table.js";
import { type Io, UsageError } from "./io.js";
import { parseDateOption, priceIssueError } from "./prices.js";
import { priceBookWithUserRows } from "./user-prices.js";

/** Bill input field -> the flag that sets it, so errors name what the user typed. */
const FLAG: Record<string, string> = {
  inputTokens: "--input-tokens",
  outputTokens: "--output-tokens",
  requestCount: "--requests",
  cacheHitFraction: "--cache-hit",
  cacheWriteFraction: "--cache-write",
  cacheStorageHours: "--cache-storage-hours",
  batchShareFraction: "--batch-share",
  contextPerRequestTokens: "--context-per-request",
  tokenizerInflation: "--tokenizer-inflation",
  overheadFraction: "--overhead",
  discountFraction: "--discount",
};

const SUFFIX: Record<string, number> = { k: 1e3, m: 1e6, b: 1e9 };

/** Parses "300000", "300k", "1.5M", "2e6" for a flag; anything else is a UsageError naming the flag. */
export function parseCount(flag: string, text: string): number {
  const match = /^\s*([0-9]*\.?[0-9]+(?:e[+-]?\d+)?)\s*([kmb])?\s*$/i.exec(text);
  const value = match ? Number(match[1]) * (match[2] ? SUFFIX[match[2].toLowerCase()]! : 1) : Number.NaN;
  if (!Number.isFinite(value)) throw new UsageError(`${flag}: expected a number such as 300000, 300k or 1.5M, got "${text}"`);
  return value;
}

/** Parses a 0-1 fraction for a flag. */
export function parseFraction(flag: string, text: string): number {
  const value = Number(text);
  if (text.trim() === "" || !Number.isFinite(value) || value < 0 || value > 1) {
    throw new UsageError(`${flag}: expected a fraction between 0 and 1 (e.g. 0.9 for 90%), got "${text}"`);
  }
  return value;
}

export interface BillOptions {
  model?: string;
  inputTokens?: string;
  outputTokens?: string;
  requests?: string;
  cacheHit?: string;
  cacheWrite?: string;
  cacheStorageHours?: string;
  batchShare?: string;
  contextPerRequest?: string;
  tokenizerInflation?: string;
  overhead?: string;
  discount?: string;
  at?: string;
  provider?: string;
  json?: boolean;
}

function required(flag: string, value: string | undefined): string {
  if (value === undefined) throw new UsageError(`${flag}: required`);
  return value;
}

/** Builds the bill input from flags (every value range-checked, errors naming the flag). */
export function billInputFromOptions(opts: BillOptions): BillInput {
  const input: BillInput = {
    inputTokens: parseCount("--input-tokens", required("--input-tokens", opts.inputTokens)),
    outputTokens: parseCount("--output-tokens", required("--output-tokens", opts.outputTokens)),
  };
  if (opts.requests !== undefined) input.requestCount = parseCount("--requests", opts.requests);
  if (opts.contextPerRequest !== undefined) input.contextPerRequestTokens = parseCount("--context-per-request", opts.contextPerRequest);
  if (opts.cacheStorageHours !== undefined) input.cacheStorageHours = parseCount("--cache-storage-hours", opts.cacheStorageHours);
  if (opts.tokenizerInflation !== undefined) input.tokenizerInflation = parseCount("--tokenizer-inflation", opts.tokenizerInflation);
  if (opts.cacheHit !== undefined) input.cacheHitFraction = parseFraction("--cache-hit", opts.cacheHit);
  if (opts.cacheWrite !== undefined) input.cacheWriteFraction = parseFraction("--cache-write", opts.cacheWrite);
  if (opts.batchShare !== undefined) input.batchShareFraction = parseFraction("--batch-share", opts.batchShare);
  if (opts.overhead !== undefined) input.overheadFraction = parseFraction("--overhead", opts.overhead);
  if (opts.discount !== undefined) input.discountFraction = parseFraction("--discount", opts.discount);
  return input;
}

interface LineRow {
  item: string;
  tokens: number | null;
  usdPerMillionTokens: number | null;
  usd: number;
  note: string;
}

const COLUMNS: Column<LineRow>[] = [
  { key: "item" },
  { key: "tokens", format: (v: number) => formatSignificant(v, 6) },
  { key: "usdPerMillionTokens", header: "rate", unit: "USD/1M tokens", format: (v: number) => formatSignificant(v, 4) },
  { key: "usd", header: "cost", unit: "USD", format: (v: number) => formatUsd(v), align: "right" },
  { key: "note" },
];

/** Runs the bill command against a book (exported for tests). */
export function runBill(io: Io, book: PriceBook, opts: BillOptions): void {
  const model = required("--model", opts.model);
  const date = parseDateOption("--at", opts.at);
  const input = billInputFromOptions(opts);
  const quote = priceAt(book, model, date, opts.provider);
  if (!quote.ok) throw priceIssueError(quote.issues);
  const { row, provider, modelId } = quote.value;
  const batch = tierRuleAt(book, provider, "batch", modelId, date);
  const result = computeBill(row, input, batch);
  if (!result.ok) {
    const issue = result.issues[0]!;
    const flag = typeof issue.field === "string" ? FLAG[issue.field] : undefined;
    throw new UsageError(flag ? `${flag}: ${issue.message}` : issue.message);
  }
  const bill = result.value;
  const warnings = [...quote.warnings, ...result.warnings].map((w) => w.message);
  if (opts.json) {
    io.stdout(formatJson({ date, priceRow: row, batchRule: batch, input, ...bill, warnings }));
    return;
  }
  io.stdout(`${modelId} (${provider}), prices in force on ${date} (row from ${row.startDate ?? "genai-prices, undated"})\n\n`);
  io.stdout(formatTable(COLUMNS, bill.lines));
  io.stdout("\n");
  io.stdout(
    formatKeyValues([
      ["total", formatUsd(bill.totalUsd)],
      ["requests", formatSignificant(bill.requestCount, 6)],
      ["per request", formatUsd(bill.usdPerRequest)],
      ["source", row.source.url],
    ]),
  );
  for (const w of warnings) io.stdout(`note: ${w}\n`);
}

export function registerBill(program: Command, io: Io): void {
  program
    .command("bill")
    .description("Effective hosted-API bill (USD) with caching, batch, long-context steps, tokenizer inflation and overheads")
    .option("--model <model>", "model id or API name (required)")
    .option("--input-tokens <n>", "input tokens over all requests, e.g. 300k or 2e9 (required)")
    .option("--output-tokens <n>", "output tokens over all requests (required)")
    .option("--requests <n>", "number of requests (default 1)")
    .option("--cache-hit <fraction>", "share of input tokens read from the prompt cache, 0-1")
    .option("--cache-write <fraction>", "share of input tokens written to the cache, 0-1")
    .option("--cache-storage-hours <h>", "hours the cached prefix is stored (Google bills storage)")
    .option("--batch-share <fraction>", "share of traffic sent through the batch tier, 0-1")
    .option("--context-per-request <n>", "input tokens per request (decides long-context tiers); default input/requests")
    .option("--tokenizer-inflation <factor>", "multiplier on token counts, e.g. 1.2 if the provider's tokenizer makes 20% more tokens")
    .option("--overhead <fraction>", "added on top of the subtotal, 0-1 (e.g. enterprise support)")
    .option("--discount <fraction>", "taken off the subtotal, 0-1 (negotiated discount)")
    .option("--at <date>", "prices in force on this date (YYYY-MM-DD), default today")
    .option("--provider <provider>", "provider when several sell the model")
    .option("--json", "machine-readable JSON")
    .action(async (opts: BillOptions) => runBill(io, await priceBookWithUserRows(io), opts));
}
