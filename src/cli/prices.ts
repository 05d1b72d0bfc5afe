// `costcurve prices [MODEL]`: list prices in force on a date, one model's quote, or its dated history.
import type { Command } from "commander";
import type { Issue } from "../core/result.js";
import type { PriceBook } from "../prices/book.js";
import { answerPrices, type PriceLine, priceIssues, pricesJson, tiersText } from "../app/prices.js";
import type { Column } from "../report/cell.js";
import { formatCsv } from "../report/csv.js";
import { formatSignificant } from "../report/format.js";
import { formatJson } from "../report/json.js";
import { formatTable } from "../report/table.js";
import type { Io, UsageError } from "./io.js";
import { cliText, usageError } from "./cli-issues.js";
import { dateOption, outputFormatOption } from "./options.js";
import { registerPriceWrites } from "./prices-update.js";
import { priceBookWithUserRows } from "./user-prices.js";

/**
 * Turns price-book issues into one user-facing error naming the flags: `modelFlag` (default --model) for an
 * unknown model, called a `modelKind` (default "model"), with "did you mean" suggestions; --at; --provider.
 */
export function priceIssueError(issues: Issue[], { modelFlag = "--model", modelKind = "model" as "model" | "API model" } = {}): UsageError {
  return usageError(priceIssues(issues.slice(0, 1), ["model"], modelKind), { model: modelFlag, date: "--at" });
}

const rate = (v: number) => formatSignificant(v, 4);

export { tiersText };

export type { PriceLine };

const COLUMNS: Column<PriceLine>[] = [
  { key: "provider" },
  { key: "modelId", header: "model" },
  { key: "startDate", header: "from" },
  { key: "inputUsdPerMillionTokens", header: "input", unit: "USD/1M", format: rate },
  { key: "outputUsdPerMillionTokens", header: "output", unit: "USD/1M", format: rate },
  { key: "cacheReadUsdPerMillionTokens", header: "cache read", unit: "USD/1M", format: rate },
  { key: "cacheWriteUsdPerMillionTokens", header: "cache write", unit: "USD/1M", format: rate },
  { key: "cacheWriteOneHourUsdPerMillionTokens", header: "cache write 1h", unit: "USD/1M", format: rate },
  { key: "contextTiers", header: "long context (in/out)", format: tiersText },
  { key: "offPeak", header: "off-peak" },
  { key: "sourceUrl", header: "source" },
];
const CSV_COLUMNS: Column<PriceLine>[] = [...COLUMNS.slice(0, 3), { key: "kind" }, ...COLUMNS.slice(3), { key: "origin" }];

function render(io: Io, lines: PriceLine[], format: "table" | "json" | "csv", json: Record<string, unknown>): void {
  if (format === "json") io.stdout(formatJson(json));
  else if (format === "csv") io.stdout(formatCsv(CSV_COLUMNS, lines));
  else {
    // columns most rows leave empty appear only when a row has them
    const shown = (c: Column<PriceLine>) => (c.key === "offPeak" ? lines.some((l) => l.offPeak) : c.key === "cacheWriteOneHourUsdPerMillionTokens" ? lines.some((l) => l.cacheWriteOneHourUsdPerMillionTokens !== null) : true);
    io.stdout(formatTable(COLUMNS.filter(shown), lines));
  }
}

/** Runs the prices command against a book (exported for tests). */
export function runPrices(io: Io, book: PriceBook, model: string | undefined, opts: { at?: string; history?: boolean; provider?: string; json?: boolean; csv?: boolean }): void {
  const format = outputFormatOption(opts);
  const date = dateOption("--at", opts.at);
  const answer = answerPrices(book, { date, ...(model ? { model } : {}), ...(opts.provider !== undefined ? { provider: opts.provider } : {}), ...(opts.history ? { history: true } : {}) });
  if (!answer.ok) throw usageError(answer.issues, FLAGS);
  const a = answer.value;
  render(
    io,
    a.prices,
    format,
    pricesJson(a, (w) => cliText(w, FLAGS)),
  );
  if (a.kind === "quote" && format === "table") {
    io.stdout(`\nprice in force on ${date}${a.note ? ` (${a.note})` : ""}\n`);
    if (a.resolvedModelId !== model) io.stdout(`"${model}" is ${a.resolvedModelId}\n`);
    for (const w of a.warnings) io.stdout(`note: ${cliText(w, FLAGS)}\n`);
  }
}

/** The prices question's fields as this command's flags (the model is the MODEL argument). */
const FLAGS = { model: "MODEL", date: "--at" };

export function registerPrices(program: Command, io: Io): void {
  const prices = program
    .command("prices")
    .description("Hosted API list prices (USD per 1M tokens): all models on a date, one model, or its history")
    .argument("[model]", "model id or API name, e.g. gpt-4o-mini, claude-sonnet-4, gemini-2.5-pro")
    .option("--at <date>", "price in force on this date (YYYY-MM-DD), default today")
    .option("--history", "every dated price of MODEL, oldest first")
    .option("--provider <provider>", "provider, e.g. openai, anthropic, google, deepseek, together, groq")
    .option("--json", "machine-readable JSON")
    .option("--csv", "CSV")
    .action(async (model: string | undefined, opts: { at?: string; history?: boolean; provider?: string; json?: boolean; csv?: boolean }) => {
      runPrices(io, await priceBookWithUserRows(io), model, opts);
    });
  registerPriceWrites(prices, io);
}
