// `costcurve frontier`: per accelerator, the Pareto frontier of output tokens/s per accelerator against tokens/s per user, with charts.
import type { Command } from "commander";
import { type Frontier, type FrontierInput, type FrontierPoint, computeFrontier } from "../app/frontier.js";
import { defaultEngineFor } from "../catalog/engine-defaults.js";
import { formatCsv, formatJson, formatRate, formatTable, formatUsd, renderXYChart, writeChart } from "../report/index.js";
import { type Io, UsageError } from "./io.js";
import { chartPathOptions, engineOption, listOption, precisionListOption, pricePerIdOption, wholeListOption, wholeOption } from "./options.js";
import { LAYOUT_COLUMNS, layoutText, pricesUsedText } from "./optimize.js";
import { sweepProgress } from "./sweep-progress.js";

/** The sweep's flags (the web's frontier form sends the same names), accelerators already split. */
export interface FrontierSweepFlags {
  model: string;
  accelerators: string[];
  input: string;
  output: string;
  precision?: string;
  counts?: string;
  engine: string;
  usdPerHour?: string;
}

interface FrontierFlags extends Omit<FrontierSweepFlags, "accelerators"> {
  accelerators: string;
  json?: boolean;
  csv?: boolean;
  svg?: string;
  png?: string;
}

const COLUMNS = [
  ...LAYOUT_COLUMNS,
  { key: "outputTokensPerSecondPerUser", header: "per user", unit: "tokens/s", format: (v: number) => v.toFixed(1) },
  { key: "outputTokensPerSecondPerAccelerator", header: "per accelerator", unit: "tokens/s", format: (v: number) => formatRate(v, "").trim() },
  { key: "ttftMeanSeconds", header: "TTFT mean", unit: "s", format: (v: number) => v.toPrecision(3) },
  { key: "tpotMeanSeconds", header: "TPOT mean", unit: "ms", format: (v: number) => (v * 1e3).toPrecision(3) },
  { key: "usdPerMillionOutputTokens", header: "output", unit: "$/1M", format: (v: number) => formatUsd(v) },
  { key: "usdPerMillionInputTokens", header: "input", unit: "$/1M", format: (v: number | null) => (v === null ? "-" : formatUsd(v)) },
  { key: "bound" },
];

/** `costcurve frontier`: per accelerator, the Pareto frontier of throughput per accelerator vs speed per user. */
export function registerFrontier(program: Command, io: Io): void {
  program
    .command("frontier")
    .description("cost-versus-interactivity frontier: output tokens/s per accelerator (and $/1M) against tokens/s per user")
    .requiredOption("--model <id>", "model (catalog id or config.json)")
    .requiredOption("--accelerators <ids>", "accelerator ids, comma-separated")
    .option("--input <tokens>", "prompt tokens per request", "1000")
    .option("--output <tokens>", "generated tokens per request", "1000")
    .option("--precision <formats>", "weight formats to try, comma-separated (default bf16,fp8,fp4 where supported)")
    .option("--counts <list>", "accelerators per system (default 1,2,4,8 and a whole scale-up domain)")
    .option("--engine <name>", "engine profile", defaultEngineFor("generate"))
    .option("--usd-per-hour <prices>", "price per accelerator-hour: id=usd pairs (h100-sxm=2.0,b200=4.5) or one number")
    .option("--json", "print the frontiers as JSON")
    .option("--csv", "print the frontier points as CSV")
    .option("--svg <file>", "write the chart as SVG")
    .option("--png <file>", "write the chart as PNG")
    .action(async (f: FrontierFlags) => {
      const paths = chartPathOptions(f);
      const sweep = frontierOptions({ ...f, accelerators: listOption("--accelerators", f.accelerators) });
      const progress = sweepProgress(io, "frontier");
      const result = computeFrontier({ ...sweep, onProgress: progress.update });
      if (!result.ok) throw new UsageError(result.issues.map((i) => (i.code === "unknown_accelerator" ? `--accelerators: ${i.message}` : i.code === "no_feasible_configuration" ? `${i.message}; try more --accelerators or --counts` : i.message)).join("\n"));
      progress.finish(`${result.value.evaluatedCount.toLocaleString("en-US")} points evaluated`);
      const rows = flatten(result.value);
      if (paths.length) {
        const svg = frontierChart(result.value, f.model, f.input, f.output);
        for (const path of paths) await writeChart(path, svg, { width: 1600 });
      }
      if (f.json) io.stdout(formatJson(result.value) + "\n");
      else if (f.csv) io.stdout(formatCsv(COLUMNS, rows));
      else {
        io.stdout(formatTable(COLUMNS, rows));
        io.stdout(`\nEach point is \`costcurve predict\` on its scenario (--json prints it): the layout pinned, the steady-state closed form; TTFT and TPOT are means, per user = 1 / TPOT mean.\n`);
        io.stdout(pricesUsedText(rows) + `${result.value.evaluatedCount.toLocaleString("en-US")} configurations x concurrency levels evaluated; only Pareto-optimal points are shown.\n`);
      }
    });
}

/** Validates the sweep's flags into the frontier's options. */
export function frontierOptions(f: FrontierSweepFlags): FrontierInput {
  return {
    base: { model: f.model, inputTokens: wholeOption("--input", f.input), outputTokens: wholeOption("--output", f.output), engine: engineOption(f.engine) },
    accelerators: f.accelerators,
    precisions: f.precision === undefined ? undefined : precisionListOption("--precision", f.precision),
    counts: f.counts === undefined ? undefined : wholeListOption("--counts", f.counts),
    usdPerHour: pricePerIdOption("--usd-per-hour", f.usdPerHour, f.accelerators),
  };
}

function flatten(f: Frontier) {
  return Object.values(f.frontiers).flatMap((points) => points.map((p) => ({ ...p, layout: layoutText(p) })));
}

/** The frontier chart: x = tokens/s per user (log), y = tokens/s per accelerator (log), one stepped line per accelerator. */
export function frontierChart(f: Frontier, model: string, input: string | number, output: string | number): string {
  return renderXYChart({
    title: `Throughput vs interactivity: ${model}`,
    subtitle: `${input} input / ${output} output tokens per request; each line is one accelerator's Pareto frontier over count, parallelism, precision and concurrency`,
    footnote: "costcurve frontier: engine predictions with the fitted efficiency profiles (docs/efficiency-fit.md)",
    x: { title: "Output tokens/s per user", unit: "tokens/s", scale: "log" },
    y: { title: "Output tokens/s per accelerator", unit: "tokens/s", scale: "log" },
    series: Object.entries(f.frontiers).map(([name, points]) => ({
      name,
      kind: "line" as const,
      curve: "linear" as const,
      markers: true,
      points: points.map((p: FrontierPoint) => ({ x: p.outputTokensPerSecondPerUser, y: p.outputTokensPerSecondPerAccelerator })),
    })),
  });
}
