// `costcurve bill`: the effective API bill for a workload, line by line.
import type { Command } from "commander";
import type { BillLine } from "../prices/bill.js";
import type { PriceBook } from "../prices/book.js";
import { answerBill, BILL_INPUT_NAMES, type BillText, billJson, parseBillQuestion } from "../app/bill.js";
import { asUsage, cliText, usageError } from "./cli-issues.js";
import type { Column } from "../report/cell.js";
import { formatSignificant, formatUsd } from "../report/format.js";
import { formatCsv } from "../report/csv.js";
import { formatJson } from "../report/json.js";
import { formatKeyValues, formatTable } from "../report/table.js";
import type { Io } from "./io.js";
import { outputFormatOption } from "./options.js";
import { priceBookWithUserRows } from "./user-prices.js";

/** Bill input field -> the flag that sets it, so errors name what the user typed. */
const FLAG: Record<string, string> = Object.fromEntries(Object.entries(BILL_INPUT_NAMES).map(([field, name]) => [field, `--${name}`]));

export type BillOptions = BillText & { json?: boolean; csv?: boolean };

const COLUMNS: Column<BillLine>[] = [
  { key: "item" },
  { key: "tokens", format: (v: number) => formatSignificant(v, 6) },
  { key: "usdPerMillionTokens", header: "rate", unit: "USD/1M tokens", format: (v: number) => formatSignificant(v, 4) },
  { key: "usd", header: "cost", unit: "USD", format: (v: number) => formatUsd(v), align: "right" },
  { key: "note" },
];

/** Runs the bill command against a book (exported for tests). */
export function runBill(io: Io, book: PriceBook, opts: BillOptions): void {
  const question = asUsage(() => parseBillQuestion(opts));
  const { date } = question;
  const answer = answerBill(book, question);
  if (!answer.ok) throw usageError(answer.issues, FLAG);
  const bill = answer.value;
  const { priceRow: row } = bill;
  const { modelId, provider } = bill;
  const warnings = bill.warnings.map((w) => cliText(w, FLAG));
  const format = outputFormatOption(opts);
  if (format === "csv") {
    // the bill's lines, raw numbers; warnings go to stderr so the CSV stays one table
    io.stdout(formatCsv(COLUMNS, bill.lines));
    for (const w of warnings) io.stderr(`warning: ${w}\n`);
    return;
  }
  if (opts.json) {
    io.stdout(formatJson(billJson(bill, (w) => cliText(w, FLAG))));
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
    .option("--requests <n>", "requests the tokens are spread over, evenly (default 1: all tokens in one request, which picks the long-context tier and may exceed the context window)")
    .option("--cache-hit <fraction>", "share of input tokens read from the prompt cache, 0-1")
    .option("--cache-write <fraction>", "share of input tokens written to the cache with the default TTL (Anthropic: 5 minutes), 0-1")
    .option("--cache-write-1h <fraction>", "share of input tokens written to the cache with a one-hour TTL (Anthropic: 2x input), 0-1")
    .option("--cache-storage-hours <h>", "hours the cached prefix is stored (Google bills storage)")
    .option("--batch-share <fraction>", "share of traffic sent through the batch tier, 0-1")
    .option("--context-per-request <n>", "input tokens per request (decides long-context tiers); default input/requests")
    .option("--tokenizer-inflation <factor>", "multiplier on token counts, e.g. 1.2 if the provider's tokenizer makes 20% more tokens")
    .option("--overhead <fraction>", "added on top of the subtotal, 0-1 (e.g. enterprise support)")
    .option("--discount <fraction>", "taken off the subtotal, 0-1 (negotiated discount)")
    .option("--at <date>", "prices in force on this date (YYYY-MM-DD), default today")
    .option("--provider <provider>", "provider when several sell the model")
    .option("--json", "machine-readable JSON")
    .option("--csv", "the bill's lines as CSV (raw numbers; warnings on stderr)")
    .action(async (opts: BillOptions) => runBill(io, await priceBookWithUserRows(io), opts));
}
