import type { Command } from "commander";
import { type OptimizeRow, optimize } from "../catalog/optimize.js";
import type { Layout } from "../catalog/sweep.js";
import { engineNameOf } from "../core/engine-version.js";
import { parseScenario } from "../core/validate.js";
import { formatDuration, formatJson, formatRate, formatTable, formatUsd } from "../report/index.js";
import { type Io, UsageError } from "./io.js";
import { listOption, percentileOption, positiveOption, wholeOption } from "./options.js";
import { readJsonFile } from "./scenario-file.js";
import { sweepProgress } from "./sweep-progress.js";

interface OptimizeFlags {
  ttft?: string;
  tpot?: string;
  percentile?: string;
  accelerators?: string;
  maxCount: string;
  top: string;
  json?: boolean;
}

/** `costcurve optimize`: the cheapest configurations per million output tokens that meet latency limits. */
export function registerOptimize(program: Command, io: Io): void {
  program
    .command("optimize")
    .description("cheapest accelerator, count, parallelism, precision and concurrency meeting TTFT/TPOT limits")
    .argument("<scenario.json>", "scenario giving the model, engine and workload (its SLO load, if any, gives the limits)")
    .option("--ttft <seconds>", "p99 time-to-first-token limit (default: the scenario's, else 2)")
    .option("--tpot <seconds>", "p99 time-per-output-token limit (default: the scenario's, else 0.1)")
    .option("--percentile <p>", "latency percentile the limits apply to", "99")
    .option("--accelerators <ids>", "accelerator ids to consider (default: every datacenter accelerator)")
    .option("--max-count <n>", "most accelerators in one system", "72")
    .option("--top <n>", "rows to show", "10")
    .option("--json", "print JSON")
    .action((file: string, f: OptimizeFlags) => {
      const parsed = parseScenario(readJsonFile(file, "scenario file"));
      if (!parsed.ok) throw new UsageError(parsed.issues.map((i) => i.message).join("\n"));
      const s = parsed.value;
      if (s.workload.kind !== "generate") throw new UsageError("scenario.workload.kind: optimize needs \"generate\" (use `costcurve embed` for embeddings)");
      const slo = s.workload.load.mode === "slo" ? s.workload.load : undefined;
      const progress = sweepProgress(io, "optimize");
      const result = optimize({
        model: s.model,
        inputTokens: s.workload.inputTokens,
        outputTokens: s.workload.outputTokens,
        ttftSeconds: f.ttft !== undefined ? positiveOption("--ttft", f.ttft, "seconds > 0") : slo?.ttftSeconds ?? 2,
        tpotSeconds: f.tpot !== undefined ? positiveOption("--tpot", f.tpot, "seconds > 0") : slo?.tpotSeconds ?? 0.1,
        percentile: percentileOption("--percentile", f.percentile ?? String(slo?.percentile ?? 99)),
        accelerators: f.accelerators === undefined ? undefined : listOption("--accelerators", f.accelerators),
        maxCount: wholeOption("--max-count", f.maxCount),
        engine: s.engine === undefined ? "vllm" : engineNameOf(s.engine),
        top: wholeOption("--top", f.top),
        onProgress: progress.update,
      });
      if (!result.ok) throw new UsageError(result.issues.map((i) => i.message).join("\n"));
      progress.finish(`${result.value.evaluatedCount.toLocaleString("en-US")} configurations searched`);
      if (f.json) return void io.stdout(formatJson(result.value) + "\n");
      io.stdout(renderOptimize(result.value.rows));
      io.stdout(`\n${result.value.evaluatedCount} configurations searched; ${result.value.tooSmallCount} do not fit in memory, ${result.value.unreachableCount} miss the limits even at one request.\n`);
      const best = result.value.rows[0]!;
      io.stdout(`cheapest: ${best.count} x ${best.accelerator} (${best.precision}) at ${formatUsd(best.usdPerMillionOutputTokens)} per 1M output tokens; what binds: ${best.why}.\n`);
    });
}

/** The leading table columns of a sweep row (frontier and optimize): where it runs and at what concurrency. */
export const LAYOUT_COLUMNS = [
  { key: "accelerator" },
  { key: "count", header: "GPUs" },
  { key: "precision" },
  { key: "layout", header: "tp/pp/ep/dp x replicas" },
  { key: "concurrency" },
];

/** A sweep layout as "tp/pp/ep/dp xreplicas", e.g. "4/1/1/1 x2". */
export function layoutText(l: Layout): string {
  return `${l.tp}/${l.pp}/${l.ep}/${l.dp} x${l.replicas}`;
}

export function renderOptimize(rows: OptimizeRow[]): string {
  return formatTable(
    [
      ...LAYOUT_COLUMNS,
      { key: "outputTokensPerSecond", header: "throughput", format: (v: number) => formatRate(v, "tokens/s") },
      { key: "ttftSeconds", header: "TTFT", format: (v: number) => formatDuration(v) },
      { key: "tpotSeconds", header: "TPOT", format: (v: number) => formatDuration(v) },
      { key: "usdPerMillionOutputTokens", header: "cost", unit: "$/1M output", format: (v: number) => formatUsd(v) },
      { key: "binding", header: "binds" },
    ],
    rows.map((r) => ({ ...r, layout: layoutText(r), concurrency: Math.round(r.concurrency) })),
  );
}
