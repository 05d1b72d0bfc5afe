// `costcurve frontier`: per accelerator, the Pareto frontier of output tokens/s per accelerator against tokens/s per user, with charts.
import type { Command } from "commander";
import { type Frontier, type FrontierInput, type FrontierText, computeFrontier, frontierChart, parseFrontierInput } from "../app/frontier.js";
import { defaultEngineFor } from "../catalog/engine-defaults.js";
import { formatCsv, formatJson, formatRate, formatTable, formatUsd, writeChart } from "../report/index.js";
import { asUsage } from "./cli-issues.js";
import { type Io, UsageError } from "./io.js";
import { chartPathOptions, listOption } from "./options.js";
import { LAYOUT_COLUMNS, layoutText, pricesUsedText } from "./optimize.js";
import { sweepProgress } from "./sweep-progress.js";

/** The sweep's flags (the web's frontier form sends the same names), accelerators already split. */
export type FrontierSweepFlags = FrontierText;

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
      if (!result.ok)
        throw new UsageError(
          result.issues.map((i) => (i.code === "unknown_accelerator" ? `--accelerators: ${i.message}` : i.code === "no_feasible_configuration" ? `${i.message}; try more --accelerators or --counts` : i.message)).join("\n"),
        );
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

/** Validates the sweep's flags into the frontier's options (errors naming the flag). */
export function frontierOptions(f: FrontierSweepFlags): FrontierInput {
  return asUsage(() => parseFrontierInput(f));
}

function flatten(f: Frontier) {
  return Object.values(f.frontiers).flatMap((points) => points.map((p) => ({ ...p, layout: layoutText(p) })));
}

export { frontierChart };
