// `costcurve index`: the margin compression index, API list price over the modeled cost floor of a matched
// open model, per API model and price change, and its composite month by month.
import type { Command } from "commander";
import type { Issue } from "../core/result.js";
import type { PriceBook } from "../prices/book.js";
import { resolveAccelerators } from "../prices/cost-floor.js";
import { compositeSeries, indexAssumptions, type CompositePoint, type IndexAssumptions, type IndexPoint, modelSeries, selectMatches } from "../prices/margin-index.js";
import { MODEL_MATCHES } from "../prices/model-matching.js";
import { type Column, dateMs, formatCsv, formatJson, formatKeyValues, formatPercent, formatSignificant, formatTable, formatUsd, renderXYChart, writeChart } from "../report/index.js";
import { type Io, UsageError } from "./io.js";
import { calendarDate } from "./flag-limits.js";
import { chartPathOptions, dateOption, interactivityOption, listOption, outputFormatOption, shareOption, todayIso } from "./options.js";
import { priceIssueError } from "./prices.js";
import { priceBookWithUserRows } from "./user-prices.js";

/** The index series starts with GPT-4's launch month unless --from says otherwise. */
export const INDEX_START_DATE = "2023-03-01";

export interface IndexOptions {
  from?: string;
  to?: string;
  model?: string;
  utilization?: string;
  interactivity?: string;
  offline?: boolean;
  accelerators?: string;
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

const CSV_COLUMNS: Column<CsvRow>[] = (
  ["series", "date", "apiModelId", "provider", "blendedListUsdPerMillionTokens", "openModelId", "floorUsdPerMillionTokens", "index", "modelCount", "priceSourceUrl", "matchSourceUrl"] as const
).map((key) => ({ key }));

function csvRows(points: IndexPoint[], composite: CompositePoint[]): CsvRow[] {
  return [
    ...composite.map((c) => ({ series: "composite", date: c.date, apiModelId: null, provider: null, blendedListUsdPerMillionTokens: null, openModelId: null, floorUsdPerMillionTokens: null, index: c.index, modelCount: c.modelCount, priceSourceUrl: null, matchSourceUrl: null })),
    ...points.map((p) => ({ series: "model", date: p.date, apiModelId: p.apiModelId, provider: p.provider, blendedListUsdPerMillionTokens: p.blendedListUsdPerMillionTokens, openModelId: p.openModelId, floorUsdPerMillionTokens: p.floorUsdPerMillionTokens, index: p.index, modelCount: null, priceSourceUrl: p.priceSourceUrl, matchSourceUrl: p.matchSourceUrl })),
  ];
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
    y: { title: "list price / cost floor", scale: "log", tickFormat: (v) => `${formatSignificant(v, 2)}x` },
    series,
    legend: true,
    referenceLines: [{ axis: "y", value: 1, label: "priced at the cost floor" }],
  });
}

function issueError(issues: Issue[]): UsageError {
  const issue = issues[0]!;
  if (issue.code === "unmatched_model") {
    return new UsageError(`--model: ${issue.message}; models with a match: ${(issue.matched as string[]).join(", ")}`);
  }
  return priceIssueError(issues, { modelKind: "API model" });
}

/** Runs the index command against a book (exported for tests). */
export async function runIndex(io: Io, book: PriceBook, opts: IndexOptions): Promise<void> {
  const format = outputFormatOption(opts);
  const from = opts.from === undefined ? INDEX_START_DATE : calendarDate("--from", dateOption("--from", opts.from));
  const to = calendarDate("--to", dateOption("--to", opts.to));
  // list prices are known up to today; later months would repeat today's index, one cost-floor search each
  if (to > todayIso()) throw new UsageError(`--to: ${to} is after today (${todayIso()}); the index has no prices after today`);
  if (from > to) throw new UsageError(`--from: ${from} is after --to ${to}`);
  const utilization = opts.utilization === undefined ? undefined : shareOption("--utilization", opts.utilization);
  if (utilization === 0) throw new UsageError(`--utilization: must be above 0, got "${opts.utilization}"`);
  const interactivity = interactivityOption(opts);
  let accelerators: string[] | undefined;
  if (opts.accelerators !== undefined) {
    const resolved = resolveAccelerators(listOption("--accelerators", opts.accelerators, "a comma-separated list of accelerator ids"));
    if (!resolved.ok) throw new UsageError(`--accelerators: ${resolved.issues[0]!.message}`);
    accelerators = resolved.value.map((acc) => acc.id);
  }
  const paths = chartPathOptions(opts);
  const matches = selectMatches(book, opts.model);
  if (!matches.ok) throw issueError(matches.issues);
  const a = indexAssumptions({
    ...(utilization !== undefined ? { utilizationFraction: utilization } : {}),
    ...(interactivity !== undefined ? { interactivityTokensPerSecond: interactivity } : {}),
    ...(accelerators ? { accelerators } : {}),
  });
  const { points, skipped } = modelSeries(book, matches.value, from, to, a);
  if (opts.model !== undefined && points.length === 0) {
    const first = skipped.find((s) => s.date !== null)?.reason ?? skipped[0]?.reason;
    const model = matches.value[0]!.apiModelId;
    throw new UsageError(first ? `--model: no index for ${model} between ${from} and ${to}: ${first}` : `--to: ${model} has no price on or before ${to} (it did not exist yet)`);
  }
  const composite = compositeSeries(book, matches.value, from, to, a);
  for (const path of paths) await writeChart(path, indexChart(points, composite, a, opts.model === undefined ? null : matches.value[0]!.apiModelId, to));

  const assumptions = {
    workload: a.workload,
    utilizationFraction: a.utilizationFraction,
    inputShareFraction: a.inputShareFraction,
    accelerators: a.accelerators ?? "every datacenter GPU in the catalog released by each date",
    rent: "each accelerator's current default rental price (newest on-demand row)",
    engine: "vllm, fp8 where supported else bf16, parallelism chosen by the engine, counts 1/2/4/8",
  };
  if (format === "json") {
    const matchesUsed = MODEL_MATCHES.filter((m) => matches.value.includes(m));
    io.stdout(formatJson({ from, to, assumptions, matches: matchesUsed, points, composite, skipped, charts: paths }));
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
