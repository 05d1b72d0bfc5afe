// `costcurve optimize`: the cheapest layouts meeting TTFT/TPOT limits (src/app/optimize.ts), as a table or JSON.
import type { Command } from "commander";
import { type OptimizeResult, optimize, optimizeInputFromScenario } from "../app/optimize.js";
import { type Layout, type PriceUsed, priceLabel } from "../app/sweep-layouts.js";
import { parseScenario } from "../core/validate.js";
import { formatDuration, formatJson, formatRate, formatTable, formatUsd } from "../report/index.js";
import { bindingText } from "../report/sweep-text.js";
import { type Io, UsageError } from "./io.js";
import { asUsage } from "./cli-issues.js";
import { readJsonFile } from "./scenario-file.js";
import { sweepProgress } from "./sweep-progress.js";

interface OptimizeFlags {
  ttft?: string;
  tpot?: string;
  percentile?: string;
  accelerators?: string;
  precision?: string;
  usdPerHour?: string;
  maxCount: string;
  top: string;
  json?: boolean;
}

/** `costcurve optimize`: the cheapest configurations per million tokens that meet latency limits. */
export function registerOptimize(program: Command, io: Io): void {
  program
    .command("optimize")
    .description("cheapest accelerator, count, parallelism, precision and concurrency meeting TTFT/TPOT limits")
    .argument("<scenario.json>", "scenario giving the model, engine, workload, precision and pricing (its SLO load, if any, gives the limits)")
    .option("--ttft <seconds>", "time-to-first-token limit at the percentile (default: the scenario's, else 2)")
    .option("--tpot <seconds>", "time-per-output-token limit at the percentile (default: the scenario's, else 0.1)")
    .option("--percentile <p>", "latency percentile the limits apply to (default: the scenario's, else 99)")
    .option("--accelerators <ids>", "accelerator ids to consider (default: every datacenter accelerator)")
    .option("--precision <formats>", "weight formats to try, comma-separated (default: the scenario's, else bf16,fp8,fp4 where supported)")
    .option("--usd-per-hour <prices>", "price per accelerator-hour: one number or id=usd pairs (default: the scenario's for its accelerator, else the catalog's dated row)")
    .option("--max-count <n>", "most accelerators in one system", "72")
    .option("--top <n>", "rows to show", "10")
    .option("--json", "print JSON (each row carries the scenario `costcurve predict` reproduces it from)")
    .action((file: string, f: OptimizeFlags) => {
      const parsed = parseScenario(readJsonFile(file, "scenario file"));
      if (!parsed.ok) throw new UsageError(parsed.issues.map((i) => i.message).join("\n"));
      const input = asUsage(() => optimizeInputFromScenario(parsed.value, f), { "scenario.workload.kind": "scenario.workload.kind" });
      const progress = sweepProgress(io, "optimize");
      const result = optimize({ ...input, onProgress: progress.update });
      if (!result.ok) throw new UsageError(result.issues.map((i) => optimizeIssueText(i)).join("\n"));
      progress.finish(`${result.value.evaluatedCount.toLocaleString("en-US")} configurations searched`);
      if (f.json) return void io.stdout(formatJson(result.value) + "\n");
      io.stdout(renderOptimize(result.value));
      const best = result.value.rows[0]!;
      io.stdout(
        `cheapest: ${best.count} x ${best.accelerator} (${best.precision}, ${layoutText(best)}) at ${formatUsd(best.usdPerMillionTokens)} per 1M tokens (${formatUsd(best.usdPerMillionOutputTokens)} output, ${formatUsd(best.usdPerMillionInputTokens ?? 0)} input); what binds: ${bindingText(best.binding, result.value.limits)}.\n`,
      );
    });
}

/** A failed optimize in the CLI's words (flags named). */
function optimizeIssueText(i: { code: string; message: string }): string {
  if (i.code === "no_configuration_meets_limits") return `${i.message}; relax --ttft/--tpot, allow more accelerators (--max-count), or other --accelerators`;
  if (i.code === "unknown_accelerator") return `--accelerators: ${i.message}`;
  return i.message;
}

/** The leading table columns of a sweep row (frontier and optimize): where it runs and at what concurrency. */
export const LAYOUT_COLUMNS = [{ key: "accelerator" }, { key: "count", header: "GPUs" }, { key: "precision" }, { key: "layout", header: "tp/pp/ep/dp x replicas" }, { key: "concurrency", header: "running", unit: "requests" }];

/** A sweep layout as "tp/pp/ep/dp xreplicas", e.g. "4/1/1/1 x2". */
export function layoutText(l: Layout): string {
  return `${l.tp}/${l.pp}/${l.ep}/${l.dp} x${l.replicas}`;
}

/** The distinct prices a table used, one line each: "h100-sxm: $2.69/h on-demand, Lambda, 2025-06-01". */
export function pricesUsedText(rows: ReadonlyArray<{ accelerator: string; price: PriceUsed }>): string {
  const seen = new Map<string, string>();
  for (const r of rows) seen.set(r.accelerator, priceLabel(r.price));
  return `prices: ${[...seen].map(([id, label]) => `${id} ${label}`).join("; ")}\n`;
}

export function renderOptimize(result: OptimizeResult): string {
  const { limits, rows } = result;
  const table = formatTable(
    [
      ...LAYOUT_COLUMNS,
      { key: "outputTokensPerSecond", header: "output", format: (v: number) => formatRate(v, "tokens/s") },
      { key: "ttftMeanSeconds", header: "TTFT mean", format: (v: number) => formatDuration(v) },
      { key: "tpotMeanSeconds", header: "TPOT mean", format: (v: number) => formatDuration(v) },
      { key: "usdPerMillionTokens", header: "cost", unit: "$/1M tokens", format: (v: number) => formatUsd(v) },
      { key: "usdPerMillionOutputTokens", header: "output", unit: "$/1M", format: (v: number) => formatUsd(v) },
      { key: "usdPerMillionInputTokens", header: "input", unit: "$/1M", format: (v: number | null) => (v === null ? "-" : formatUsd(v)) },
      { key: "binding", header: "binds" },
    ],
    rows.map((r) => ({ ...r, layout: layoutText(r), concurrency: Math.round(r.concurrency) })),
  );
  return (
    table +
    `\nEvery row meets p${limits.percentile} TTFT <= ${limits.ttftSeconds} s and TPOT <= ${limits.tpotSeconds} s under Poisson arrivals; TTFT and TPOT columns are means. ` +
    `Each row is \`costcurve predict\` on its scenario (--json prints it); cost splits the system between input and output by busy time (docs/cost-per-token.md).\n` +
    pricesUsedText(rows) +
    `${result.evaluatedCount} configurations searched; ${result.tooSmallCount} do not fit in memory, ${result.unreachableCount} miss the limits even at one request.\n`
  );
}
