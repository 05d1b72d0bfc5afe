// `costcurve index`: the margin compression index, API list price over the modeled cost floor of a matched
// open model, per API model and price change, and its composite month by month.
import type { Command } from "commander";
import { answerIndex, INDEX_START_DATE, type IndexText, indexAssumptionsJson, indexChart, indexJson, parseIndexQuestion } from "../app/margin-index.js";
import type { PriceBook } from "../prices/book.js";
import type { CompositePoint, IndexPoint } from "../prices/margin-index.js";
import { MODEL_MATCHES } from "../prices/model-matching.js";
import { type Column, formatCsv, formatJson, formatKeyValues, formatPercent, formatSignificant, formatTable, formatUsd, writeChart } from "../report/index.js";
import { asUsage, usageError } from "./cli-issues.js";
import type { Io } from "./io.js";
import { chartPathOptions, outputFormatOption } from "./options.js";
import { priceBookWithUserRows } from "./user-prices.js";

export { INDEX_START_DATE };

/** The command's flags: the question's inputs (app/margin-index.ts) plus the output formats. */
export interface IndexOptions extends IndexText {
  json?: boolean;
  csv?: boolean;
  svg?: string;
  png?: string;
}

const ratio = (v: number) => `${formatSignificant(v, 3)}x`;
const usd = (v: number) => formatUsd(v);

const POINT_COLUMNS: Column<IndexPoint>[] = [
  { key: "apiModelId", header: "API model" },
  { key: "provider" },
  { key: "date", header: "price from" },
  { key: "blendedListUsdPerMillionTokens", header: "list (blend)", unit: "USD/1M", format: usd },
  { key: "openModelId", header: "open match" },
  { key: "matchKind", header: "match" },
  { key: "floorUsdPerMillionTokens", header: "floor", unit: "USD/1M", format: usd },
  { key: "index", format: ratio },
  { key: "floorConfig", header: "floor on" },
];

const COMPOSITE_COLUMNS: Column<CompositePoint>[] = [
  { key: "date", header: "month" },
  { key: "index", header: "composite index", format: ratio },
  { key: "modelCount", header: "API models" },
];

interface CsvRow {
  series: string;
  date: string;
  apiModelId: string | null;
  provider: string | null;
  blendedListUsdPerMillionTokens: number | null;
  openModelId: string | null;
  floorUsdPerMillionTokens: number | null;
  index: number;
  modelCount: number | null;
  priceSourceUrl: string | null;
  matchSourceUrl: string | null;
}

const CSV_COLUMNS: Column<CsvRow>[] = (["series", "date", "apiModelId", "provider", "blendedListUsdPerMillionTokens", "openModelId", "floorUsdPerMillionTokens", "index", "modelCount", "priceSourceUrl", "matchSourceUrl"] as const).map(
  (key) => ({ key }),
);

function csvRows(points: IndexPoint[], composite: CompositePoint[]): CsvRow[] {
  return [
    ...composite.map((c) => ({
      series: "composite",
      date: c.date,
      apiModelId: null,
      provider: null,
      blendedListUsdPerMillionTokens: null,
      openModelId: null,
      floorUsdPerMillionTokens: null,
      index: c.index,
      modelCount: c.modelCount,
      priceSourceUrl: null,
      matchSourceUrl: null,
    })),
    ...points.map((p) => ({
      series: "model",
      date: p.date,
      apiModelId: p.apiModelId,
      provider: p.provider,
      blendedListUsdPerMillionTokens: p.blendedListUsdPerMillionTokens,
      openModelId: p.openModelId,
      floorUsdPerMillionTokens: p.floorUsdPerMillionTokens,
      index: p.index,
      modelCount: null,
      priceSourceUrl: p.priceSourceUrl,
      matchSourceUrl: p.matchSourceUrl,
    })),
  ];
}

export { indexChart };

/** Runs the index command against a book (exported for tests). */
export async function runIndex(io: Io, book: PriceBook, opts: IndexOptions): Promise<void> {
  const format = outputFormatOption(opts);
  const paths = chartPathOptions(opts);
  const answer = answerIndex(
    book,
    asUsage(() => parseIndexQuestion(opts)),
  );
  if (!answer.ok) throw usageError(answer.issues);
  const x = answer.value;
  const { points, composite, skipped, assumptions: a } = x;
  const from = x.fromDate;
  const to = x.toDate;
  for (const path of paths) await writeChart(path, indexChart(points, composite, a, x.oneModel, to));
  const assumptions = indexAssumptionsJson(a);
  if (format === "json") {
    io.stdout(formatJson(indexJson(x, paths)));
    return;
  }
  if (format === "csv") {
    io.stdout(formatCsv(CSV_COLUMNS, csvRows(points, composite)));
    return;
  }
  const target = a.workload.interactivityTokensPerSecond === null ? "offline" : `${a.workload.interactivityTokensPerSecond} output tok/s per user (p${a.workload.percentile}), TTFT <= ${a.workload.ttftSeconds} s`;
  io.stdout(
    formatKeyValues([
      ["index", "blended list price / modeled cost floor of the matched open model (1x = priced at cost)"],
      ["workload", `${a.workload.inputTokens} in / ${a.workload.outputTokens} out per request, ${target}; list prices blended at ${formatPercent(a.inputShareFraction, 0)} input`],
      ["floor", `cheapest of ${String(assumptions.accelerators)} x 1/2/4/8 at ${formatPercent(a.utilizationFraction, 0)} utilization; ${assumptions.rent}`],
      ["period", `${from} to ${to}`],
    ]),
  );
  io.stdout("\n");
  const shown = opts.model === undefined ? latestPerModel(points) : points;
  io.stdout(formatTable(POINT_COLUMNS, shown));
  io.stdout("\n");
  io.stdout(formatTable(COMPOSITE_COLUMNS, composite));
  const skippedModels = [...new Set(skipped.filter((s) => !points.some((p) => p.apiModelId === s.apiModelId)).map((s) => `${s.apiModelId} (${s.reason})`))];
  if (skippedModels.length) io.stdout(`\nno index for: ${skippedModels.join("; ")}\n`);
  io.stdout(`\nmatches and their sources: \`costcurve index --json\` (matches[]); ${MODEL_MATCHES.length} declared\n`);
  for (const path of paths) io.stdout(`chart: ${path}\n`);
}

/** Each API model's most recent point. */
function latestPerModel(points: IndexPoint[]): IndexPoint[] {
  const latest = new Map<string, IndexPoint>();
  for (const p of points) if (!latest.has(p.apiModelId) || latest.get(p.apiModelId)!.date <= p.date) latest.set(p.apiModelId, p);
  return [...latest.values()].sort((x, y) => y.index - x.index);
}

export function registerIndex(program: Command, io: Io): void {
  program
    .command("index")
    .description("Margin compression index: API list price over the modeled cost floor of a matched open model, over time")
    .option("--from <date>", `first date (YYYY-MM-DD), default ${INDEX_START_DATE}`)
    .option("--to <date>", "last date (YYYY-MM-DD), default today")
    .option("--model <api-model>", "one API model, e.g. gpt-4o (default: every matched model)")
    .option("--utilization <fraction>", "utilization of the rented hardware, 0-1 (default 0.6)")
    .option("--interactivity <tok/s>", "output tokens per second per user (default 20)")
    .option("--offline", "floor at maximum throughput, without a latency target")
    .option("--accelerators <list>", "comma-separated accelerator ids to search (default: every datacenter GPU)")
    .option("--json", "machine-readable JSON (points, composite, matches with sources)")
    .option("--csv", "CSV (composite and per-model rows)")
    .option("--svg <file>", "write the chart as SVG")
    .option("--png <file>", "write the chart as PNG")
    .action(async (opts: IndexOptions) => runIndex(io, await priceBookWithUserRows(io), opts));
}
