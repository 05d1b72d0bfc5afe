// `costcurve breakeven`: the monthly token volume above which renting accelerators for an open model beats
// a hosted API, at each utilization, with a chart.
import type { Command } from "commander";
import type { Issue } from "../core/result.js";
import { computeBreakeven, DEFAULT_UTILIZATIONS, type Breakeven, type BreakevenRow } from "../prices/breakeven.js";
import type { PriceBook } from "../prices/book.js";
import { resolveAccelerators, resolveOpenModel } from "../prices/cost-floor.js";
import { formatCsv } from "../report/csv.js";
import { type Column, formatJson, formatKeyValues, formatPercent, formatSi, formatTable, formatUsd, renderXYChart, writeChart } from "../report/index.js";
import { type Io, UsageError } from "./io.js";
import { calendarDate } from "./flag-limits.js";
import { chartPathOptions, dateOption, fractionListOption, interactivityOption, outputFormatOption, positiveOption, PRICE_KIND_HELP, priceKindOption, requiredOption, shareOption, wholeOption } from "./options.js";
import { priceIssueError } from "./prices.js";
import { priceBookWithUserRows } from "./user-prices.js";

/** Tokens with k/M/B/T suffixes: 2.67e9 -> "2.67B". */
export function formatTokens(value: number): string {
  return formatSi(value, 3).replace(/G$/, "B");
}

/** Turns breakeven and price-book issues into one error naming the flag the user typed. */
function issueError(issues: Issue[]): UsageError {
  const issue = issues[0]!;
  switch (issue.code) {
    case "out_of_range":
      return new UsageError(`--input-share: ${issue.message}`);
    case "does_not_serve":
      return new UsageError(`--count: ${issue.message}`);
    case "not_generative":
      return new UsageError(`--vs: ${issue.message}`);
    default:
      return priceIssueError(issues, { modelFlag: "--vs", modelKind: "API model" });
  }
}

export interface BreakevenOptions {
  model?: string;
  accelerator?: string;
  count?: string;
  vs?: string;
  provider?: string;
  inputShare?: string;
  usdPerHour?: string;
  priceKind?: string;
  at?: string;
  utilizations?: string;
  interactivity?: string;
  offline?: boolean;
  json?: boolean;
  csv?: boolean;
  svg?: string;
  png?: string;
}

const verdict = (b: Breakeven, r: BreakevenRow): string => {
  if (r.feasible) return `wins above ${formatTokens(r.breakevenTokensPerMonth)} tokens/month`;
  const more = r.minimumWinningCount === null ? `no count up to 64 wins` : `${r.minimumWinningCount}x ${b.acceleratorId} would`;
  return `never wins at this utilization (${more})`;
};

const COLUMNS: Column<BreakevenRow & { apiUsdPerMillionTokens: number; verdict: string }>[] = [
  { key: "utilizationFraction", header: "utilization", format: (v: number) => formatPercent(v, 0) },
  { key: "capacityTokensPerMonth", header: "capacity", unit: "tokens/month", format: (v: number) => formatTokens(v) },
  { key: "breakevenTokensPerMonth", header: "breakeven", unit: "tokens/month", format: (v: number) => formatTokens(v) },
  { key: "selfHostUsdPerMillionTokens", header: "self-host", unit: "USD/1M", format: (v: number) => formatUsd(v) },
  { key: "apiUsdPerMillionTokens", header: "API", unit: "USD/1M", format: (v: number) => formatUsd(v) },
  { key: "verdict" },
];

/** The chart: breakeven volume (flat for rented hardware) and capacity rising with utilization, on a log axis. */
export function breakevenChart(b: Breakeven): string {
  const capacity = b.rows.map((r) => ({ x: r.utilizationFraction, y: r.capacityTokensPerMonth }));
  const breakeven = b.rows.map((r) => ({ x: r.utilizationFraction, y: r.breakevenTokensPerMonth }));
  const u = b.breakevenUtilizationFraction;
  return renderXYChart({
    title: `Self-hosting ${b.openModelId.split("/").pop()} on ${b.count}x ${b.acceleratorId} vs ${b.api.modelId}`,
    subtitle: `Self-hosting wins between the lines: volume above breakeven and below capacity. ${formatUsd(b.monthlyFixedUsd)}/month rent; API ${formatUsd(b.api.blendedUsdPerMillionTokens)}/1M blended (${formatPercent(b.inputShareFraction, 0)} input)`,
    footnote: `Sources: API ${b.api.sourceUrl} (${b.api.date}); rent ${b.rent.provider} ${b.rent.date}; capacity: costcurve engine, ${b.workload.interactivityTokensPerSecond === null ? "offline" : `${b.workload.interactivityTokensPerSecond} tok/s per user`}`,
    x: { title: "utilization", domain: [0, 1], tickFormat: (v) => formatPercent(v, 0) },
    y: { title: "tokens per month", scale: "log", tickFormat: (v) => formatTokens(v) },
    series: [
      { name: "breakeven volume (API costs the same)", points: breakeven, color: "#dc2626" },
      { name: "capacity at this utilization", points: capacity, markers: true, color: "#2563eb" },
    ],
    ...(u <= 1 ? { referenceLines: [{ axis: "x" as const, value: u, label: `wins from ${formatPercent(u, 0)} utilization` }] } : {}),
  });
}

/** Runs the breakeven command against a book (exported for tests). */
export async function runBreakeven(io: Io, book: PriceBook, opts: BreakevenOptions): Promise<void> {
  const modelName = requiredOption("--model", opts.model, "an open model from the catalog, e.g. meta-llama/Llama-3.3-70B-Instruct");
  const accName = requiredOption("--accelerator", opts.accelerator, "e.g. h100-sxm");
  const api = requiredOption("--vs", opts.vs, "an API model, e.g. gpt-4o");
  const model = resolveOpenModel(modelName);
  if (!model.ok) throw new UsageError(`--model: ${model.issues[0]!.message} (\`costcurve models\` lists the catalog)`);
  const accelerators = resolveAccelerators([accName]);
  if (!accelerators.ok) throw new UsageError(`--accelerator: ${accelerators.issues[0]!.message}`);
  const count = opts.count === undefined ? 8 : wholeOption("--count", opts.count);
  const share = opts.inputShare === undefined ? undefined : shareOption("--input-share", opts.inputShare);
  if (share === 1) throw new UsageError(`--input-share: must be below 1 (a chat workload generates some output), got "${opts.inputShare}"`);
  const usdPerHour = opts.usdPerHour === undefined ? undefined : positiveOption("--usd-per-hour", opts.usdPerHour);
  const utilizations = opts.utilizations === undefined ? [...DEFAULT_UTILIZATIONS] : fractionListOption("--utilizations", opts.utilizations);
  const interactivity = interactivityOption(opts);
  const paths = chartPathOptions(opts);
  const date = calendarDate("--at", dateOption("--at", opts.at));

  const result = computeBreakeven(book, {
    openModelId: model.value,
    accelerator: accelerators.value[0]!,
    count,
    apiModel: api,
    date,
    utilizations,
    ...(opts.provider !== undefined ? { provider: opts.provider } : {}),
    ...(share !== undefined ? { inputShareFraction: share } : {}),
    ...(usdPerHour !== undefined ? { usdPerHour } : {}),
    priceKind: priceKindOption(opts.priceKind),
    ...(interactivity !== undefined ? { interactivityTokensPerSecond: interactivity } : {}),
  });
  if (!result.ok) throw issueError(result.issues);
  const b = result.value;
  for (const path of paths) await writeChart(path, breakevenChart(b));
  if (outputFormatOption(opts) === "csv") {
    io.stdout(formatCsv(COLUMNS, b.rows.map((r) => ({ ...r, apiUsdPerMillionTokens: b.api.blendedUsdPerMillionTokens, verdict: verdict(b, r) }))));
    return;
  }
  if (opts.json) {
    io.stdout(formatJson({ ...b, charts: paths }));
    return;
  }
  const c = b.capacity;
  const p = c.parallelism;
  const target = b.workload.interactivityTokensPerSecond === null ? "offline (maximum throughput)" : `${b.workload.interactivityTokensPerSecond} output tok/s per user (p99), TTFT <= ${b.workload.ttftSeconds} s`;
  io.stdout(
    formatKeyValues([
      ["self-hosted", `${b.openModelId} on ${b.count}x ${b.acceleratorId} (${c.precision}${p ? `, tp=${p.tp} pp=${p.pp} ep=${p.ep} x${p.replicas}` : ""}, ${c.bound ?? "?"}-bound)`],
      ["capacity", `${formatSi(c.inputTokensPerSecond + c.outputTokensPerSecond)} tokens/s = ${formatTokens(b.fullCapacityTokensPerMonth)} tokens/month at 100% (${b.workload.inputTokens} in / ${b.workload.outputTokens} out per request, ${target})`],
      ["rent", `${formatUsd(b.rent.usdPerHour)}/h per accelerator (${b.rent.kind}${b.rent.kind !== "user" && b.rent.kind !== b.rent.requestedKind ? `, no ${b.rent.requestedKind} row` : ""}, ${b.rent.provider}, ${b.rent.date}; ${b.rent.sourceUrl})`],
      ["fixed cost", `${formatUsd(b.monthlyFixedUsd)}/month (${b.count} x 730 h x ${formatUsd(b.tco.usdPerHour)})`],
      ["API", `${b.api.modelId} (${b.api.provider}) on ${b.api.date}: ${formatUsd(b.api.inputUsdPerMillionTokens)} in / ${formatUsd(b.api.outputUsdPerMillionTokens)} out per 1M = ${formatUsd(b.api.blendedUsdPerMillionTokens)} blended at ${formatPercent(b.inputShareFraction, 0)} input (${b.api.sourceUrl})`],
      ["breakeven", `${formatTokens(b.rows[0]!.breakevenTokensPerMonth)} tokens/month; reachable from ${b.breakevenUtilizationFraction <= 1 ? formatPercent(b.breakevenUtilizationFraction, 1) : "never (above 100%)"} utilization`],
    ]),
  );
  io.stdout("\n");
  io.stdout(formatTable(COLUMNS, b.rows.map((r) => ({ ...r, apiUsdPerMillionTokens: b.api.blendedUsdPerMillionTokens, verdict: verdict(b, r) }))));
  for (const w of b.api.warnings) io.stdout(`note: ${w}\n`);
  for (const path of paths) io.stdout(`chart: ${path}\n`);
}

export function registerBreakeven(program: Command, io: Io): void {
  program
    .command("breakeven")
    .description("Monthly token volume above which self-hosting an open model beats a hosted API, by utilization")
    .option("--model <open-model>", "open model from the catalog, e.g. meta-llama/Llama-3.3-70B-Instruct (required)")
    .option("--accelerator <id>", "accelerator id, e.g. h100-sxm (required)")
    .option("--count <n>", "accelerators rented (default 8)")
    .option("--vs <api-model>", "hosted API model to compare with, e.g. gpt-4o (required)")
    .option("--provider <provider>", "API provider when several sell the model")
    .option("--input-share <fraction>", "share of tokens that are input, 0-1 (default 0.75 = 3:1 input:output)")
    .option("--usd-per-hour <usd>", "rent per accelerator-hour (default: the accelerator's rental row of --price-kind on --at)")
    .option("--price-kind <kind>", PRICE_KIND_HELP)
    .option("--at <date>", "API and rental prices in force on this date (YYYY-MM-DD), default today")
    .option("--utilizations <list>", "comma-separated utilizations, 0-1 (default 0.05,0.1,0.2,...,1)")
    .option("--interactivity <tok/s>", "output tokens per second per user the capacity must sustain (default 20)")
    .option("--offline", "capacity at maximum throughput, without a latency target")
    .option("--json", "machine-readable JSON")
    .option("--csv", "the table by utilization as CSV (raw numbers)")
    .option("--svg <file>", "write the chart as SVG")
    .option("--png <file>", "write the chart as PNG")
    .action(async (opts: BreakevenOptions) => runBreakeven(io, await priceBookWithUserRows(io), opts));
}
