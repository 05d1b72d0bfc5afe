// `costcurve prices [MODEL]`: list prices in force on a date, one model's quote, or its dated history.
import type { Command } from "commander";
import type { Issue } from "../core/result.js";
import { listPrices, priceAt, priceHistory, resolveModel, type PriceBook } from "../prices/book.js";
import type { PriceRow } from "../prices/schema.js";
import { didYouMean } from "../prices/suggest.js";
import type { Column } from "../report/cell.js";
import { formatCsv } from "../report/csv.js";
import { formatSignificant } from "../report/format.js";
import { formatJson } from "../report/json.js";
import { formatTable } from "../report/table.js";
import { type Io, UsageError } from "./io.js";
import { dateOption, outputFormatOption } from "./options.js";
import { registerPriceWrites } from "./prices-update.js";
import { priceBookWithUserRows } from "./user-prices.js";

/**
 * Turns price-book issues into one user-facing error naming the flags: `modelFlag` (default --model) for an
 * unknown model, called a `modelKind` (default "model"), with "did you mean" suggestions; --at; --provider.
 */
export function priceIssueError(issues: Issue[], { modelFlag = "--model", modelKind = "model" } = {}): UsageError {
  const issue = issues[0]!;
  if (issue.code === "unknown_model") {
    const hint = didYouMean((issue.suggestions as string[] | undefined) ?? []) || "; run `costcurve prices` to list models";
    return new UsageError(`${modelFlag}: unknown ${modelKind} "${String(issue.model)}"${hint}`);
  }
  if (issue.code === "before_first_price") {
    return new UsageError(`--at: ${String(issue.model)} has no price before ${String(issue.firstDate)} (it did not exist on ${String(issue.date)})`);
  }
  if (issue.code === "unknown_provider") {
    return new UsageError(`--provider: ${issue.message}; providers: ${((issue.providers as string[]) ?? []).join(", ")}`);
  }
  return new UsageError(issue.message);
}

const rate = (v: number) => formatSignificant(v, 4);

/** Long-context tiers as text: ">200k: 6/22.5" per tier (input/output USD per 1M), "; " between tiers. */
export function tiersText(tiers: PriceRow["contextTiers"]): string {
  return tiers.map((t) => `>${t.aboveInputTokens / 1000}k: ${rate(t.inputUsdPerMillionTokens)}/${t.outputUsdPerMillionTokens === null ? "-" : rate(t.outputUsdPerMillionTokens)}`).join("; ");
}

/** One price row as the prices command prints it (and its --json lists). */
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

function line(row: PriceRow): PriceLine {
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

function render(io: Io, lines: PriceLine[], format: "table" | "json" | "csv", extra: Record<string, unknown> = {}): void {
  if (format === "json") io.stdout(formatJson({ ...extra, prices: lines }));
  else if (format === "csv") io.stdout(formatCsv(CSV_COLUMNS, lines));
  else {
    // columns most rows leave empty appear only when a row has them
    const shown = (c: Column<PriceLine>) =>
      c.key === "offPeak" ? lines.some((l) => l.offPeak) : c.key === "cacheWriteOneHourUsdPerMillionTokens" ? lines.some((l) => l.cacheWriteOneHourUsdPerMillionTokens !== null) : true;
    io.stdout(formatTable(COLUMNS.filter(shown), lines));
  }
}

/** Runs the prices command against a book (exported for tests). */
export function runPrices(io: Io, book: PriceBook, model: string | undefined, opts: { at?: string; history?: boolean; provider?: string; json?: boolean; csv?: boolean }): void {
  const format = outputFormatOption(opts);
  const date = dateOption("--at", opts.at);
  if (!model) {
    if (opts.history) throw new UsageError("--history: needs a MODEL");
    const rows = listPrices(book, date, opts.provider);
    if (opts.provider && rows.length === 0) throw new UsageError(`--provider: no prices for provider "${opts.provider}"`);
    render(io, rows.map(line), format, { date });
    return;
  }
  if (opts.history) {
    const history = priceHistory(book, model, opts.provider);
    if (!history.ok) throw priceIssueError(history.issues);
    render(io, history.value.map(line), format, { modelId: history.value[0]?.modelId });
    return;
  }
  const quote = priceAt(book, model, date, opts.provider);
  if (!quote.ok) throw priceIssueError(quote.issues);
  render(io, [line(quote.value.row)], format, { date, warnings: quote.warnings.map((w) => w.message) });
  if (format === "table") {
    const resolved = resolveModel(book, model, opts.provider);
    const note = quote.value.row.source.note ? ` (${quote.value.row.source.note})` : "";
    io.stdout(`\nprice in force on ${date}${note}\n`);
    if (resolved.ok && resolved.value.modelId !== model) io.stdout(`"${model}" is ${resolved.value.modelId}\n`);
    for (const w of quote.warnings) io.stdout(`note: ${w.message}\n`);
  }
}

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
