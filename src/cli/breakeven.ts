// `costcurve breakeven`: the monthly token volume above which renting accelerators for an open model beats
// a hosted API, at each utilization, with a chart.
import type { Command } from "commander";
import { answerBreakeven, type BreakevenText, breakevenChart, breakevenJson, parseBreakevenQuestion } from "../app/breakeven.js";
import type { Breakeven, BreakevenRow } from "../prices/breakeven.js";
import type { PriceBook } from "../prices/book.js";
import { formatCsv } from "../report/csv.js";
import { type Column, formatJson, formatKeyValues, formatPercent, formatSi, formatTable, formatTokens, formatUsd, writeChart } from "../report/index.js";
import { asUsage, usageError } from "./cli-issues.js";
import type { Io } from "./io.js";
import { chartPathOptions, outputFormatOption, PRICE_KIND_HELP } from "./options.js";
import { priceBookWithUserRows } from "./user-prices.js";

export { formatTokens };

/** The command's flags: the question's inputs (app/breakeven.ts) plus the output formats. */
export interface BreakevenOptions extends BreakevenText {
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

export { breakevenChart };

/** Runs the breakeven command against a book (exported for tests). */
export async function runBreakeven(io: Io, book: PriceBook, opts: BreakevenOptions): Promise<void> {
  const paths = chartPathOptions(opts);
  const question = asUsage(() => parseBreakevenQuestion(opts));
  const result = answerBreakeven(book, question);
  if (!result.ok) throw usageError(result.issues);
  const b = result.value;
  for (const path of paths) await writeChart(path, breakevenChart(b));
  if (outputFormatOption(opts) === "csv") {
    io.stdout(
      formatCsv(
        COLUMNS,
        b.rows.map((r) => ({ ...r, apiUsdPerMillionTokens: b.api.blendedUsdPerMillionTokens, verdict: verdict(b, r) })),
      ),
    );
    return;
  }
  if (opts.json) {
    io.stdout(formatJson(breakevenJson(b, paths)));
    return;
  }
  const c = b.capacity;
  const p = c.parallelism;
  const target = b.workload.interactivityTokensPerSecond === null ? "offline (maximum throughput)" : `${b.workload.interactivityTokensPerSecond} output tok/s per user (p99), TTFT <= ${b.workload.ttftSeconds} s`;
  io.stdout(
    formatKeyValues([
      ["self-hosted", `${b.openModelId} on ${b.count}x ${b.acceleratorId} (${c.precision}${p ? `, tp=${p.tp} pp=${p.pp} ep=${p.ep} x${p.replicas}` : ""}, ${c.bound ?? "?"}-bound)`],
      [
        "capacity",
        `${formatSi(c.inputTokensPerSecond + c.outputTokensPerSecond)} tokens/s = ${formatTokens(b.fullCapacityTokensPerMonth)} tokens/month at 100% (${b.workload.inputTokens} in / ${b.workload.outputTokens} out per request, ${target})`,
      ],
      [
        "rent",
        `${formatUsd(b.rent.usdPerHour)}/h per accelerator (${b.rent.kind}${b.rent.kind !== "user" && b.rent.kind !== b.rent.requestedKind ? `, no ${b.rent.requestedKind} row` : ""}, ${b.rent.provider}, ${b.rent.date}; ${b.rent.sourceUrl})`,
      ],
      ["fixed cost", `${formatUsd(b.monthlyFixedUsd)}/month (${b.count} x 730 h x ${formatUsd(b.tco.usdPerHour)})`],
      [
        "API",
        `${b.api.modelId} (${b.api.provider}) on ${b.api.date}: ${formatUsd(b.api.inputUsdPerMillionTokens)} in / ${formatUsd(b.api.outputUsdPerMillionTokens)} out per 1M = ${formatUsd(b.api.blendedUsdPerMillionTokens)} blended at ${formatPercent(b.inputShareFraction, 0)} input (${b.api.sourceUrl})`,
      ],
      ["breakeven", `${formatTokens(b.rows[0]!.breakevenTokensPerMonth)} tokens/month; reachable from ${b.breakevenUtilizationFraction <= 1 ? formatPercent(b.breakevenUtilizationFraction, 1) : "never (above 100%)"} utilization`],
    ]),
  );
  io.stdout("\n");
  io.stdout(
    formatTable(
      COLUMNS,
      b.rows.map((r) => ({ ...r, apiUsdPerMillionTokens: b.api.blendedUsdPerMillionTokens, verdict: verdict(b, r) })),
    ),
  );
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
