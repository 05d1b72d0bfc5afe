import type { Command } from "commander";
import type { PredictionEvaluation } from "../core/evaluation.js";
import type { PredictInput } from "../core/predict.js";
import type { Prediction } from "../core/scenario.js";
import { engineNameOf, engineVersionOf } from "../core/engine-version.js";
import { formatDuration, formatInteger, formatJson, formatKeyValues, formatRate, formatUsd } from "../report/index.js";
import type { Io } from "./io.js";
import { predictFile } from "./scenario-file.js";
import { GRID_INTENSITIES, findGrid } from "../catalog/grid-carbon.js";
import { UsageError } from "./io.js";
import { PRICE_KIND_HELP, priceKindOption } from "./options.js";
import { rentalLabel, type RentalUsed } from "../catalog/rental.js";
import { explainBound } from "../report/bound-text.js";
import { explainStep } from "./explain-step.js";

/** `costcurve predict <scenario.json|.yaml|-> [--json]`: the scenario contract of docs/scenario.md. */
export function registerPredict(program: Command, io: Io): void {
  program
    .command("predict")
    .description("predict throughput, latency and cost of a scenario file (object or array)")
    .argument("<scenario>", "scenario file, JSON or YAML (.yaml/.yml), or - for standard input; the format is docs/scenario.md, examples in examples/")
    .option("--json", "print the prediction object(s) as JSON")
    .option("--explain", "add a per-operator breakdown of the decode step")
    .option("--grid <region>", "report gCO2e per million tokens at a grid region's intensity (costs at the catalog rental price when the scenario gives none)")
    .option("--price-kind <kind>", `cost scenarios that give no hourly price at the catalog's ${PRICE_KIND_HELP.replace(/^rental price row to cost the hardware at: /, "rental row: ")}`)
    .action((file: string, options: { json?: boolean; explain?: boolean; grid?: string; priceKind?: string }) => {
      const grid = options.grid === undefined ? undefined : gridOption(options.grid);
      const kind = options.priceKind === undefined ? undefined : priceKindOption(options.priceKind);
      const { predictions, evaluations, inputs, isArray, rentals } = predictFile(file, grid?.gramsCo2ePerKwh, io.stdin, kind);
      if (options.json) {
        // a catalog price is named beside the prediction it costed
        const shown = predictions.map((p, i) => (rentals[i] ? { ...p, rental: rentals[i] } : p));
        io.stdout(`${formatJson(isArray ? shown : shown[0])}\n`);
        return;
      }
      predictions.forEach((p, i) => {
        io.stdout(renderPrediction(p, inputs[i]!, rentals[i] ?? null, evaluations[i]) + "\n");
        if (options.explain) io.stdout("\n" + explainStep(inputs[i]!, evaluations[i]!) + "\n");
      });
    });
}

/** " (low-high)": the p10-p90 band of a figure from held-out residuals of its regime, or "" without one. */
function band(p: Prediction, field: keyof NonNullable<Prediction["intervals"]>, format: (v: number) => string): string {
  const b = p.intervals?.[field];
  if (!b || !Number.isFinite(b.low) || !Number.isFinite(b.high)) return "";
  return ` (${format(b.low).trim()}-${format(b.high).trim()})`;
}

/** Human output: one table plus the line that says what binds and why. */
export function renderPrediction(p: Prediction, input: PredictInput, rental: RentalUsed | null = null, evaluation?: PredictionEvaluation): string {
  const s = input.scenario;
  const title = `${s.id ? `${s.id}: ` : ""}${s.model} on ${s.hardware.count} x ${input.accelerator.name} (${s.engine === undefined ? "other" : [engineNameOf(s.engine), engineVersionOf(s.engine)].filter(Boolean).join(" ")}, ${input.precisions.weights} weights)`;
  const rows: Array<[string, string]> = [
    ["fits", p.fits ? "yes" : "no"],
    ["parallelism", p.parallelism ? `tp ${p.parallelism.tp}, pp ${p.parallelism.pp}, ep ${p.parallelism.ep}, ${p.parallelism.replicas} replica(s)` : "-"],
    ["concurrency", formatInteger(p.concurrency)],
    ["largest batch that fits", p.kvCapacitySequences === null ? "-" : `${formatInteger(p.kvCapacitySequences)} sequences per replica`],
    ["output throughput", formatRate(p.outputTokensPerSecond, "tokens/s") + band(p, "outputTokensPerSecond", (v) => formatRate(v, ""))],
    ["input throughput", formatRate(p.inputTokensPerSecond, "tokens/s") + band(p, "inputTokensPerSecond", (v) => formatRate(v, ""))],
    ["time to first token", formatDuration(p.ttftSeconds) + band(p, "ttftSeconds", formatDuration)],
    ["time per output token", formatDuration(p.tpotSeconds) + band(p, "tpotSeconds", formatDuration)],
    ...(rental ? [["hourly price", `${rentalLabel(rental)} per accelerator`] as [string, string]] : []),
    ["USD per 1M output tokens", formatUsd(p.usdPerMillionOutputTokens)],
    ["USD per 1M input tokens", formatUsd(p.usdPerMillionInputTokens)],
    ["energy per 1M tokens", p.kwhPerMillionTokens === null ? "-" : `${p.kwhPerMillionTokens.toPrecision(3)} kWh`],
    ["carbon per 1M tokens", p.gramsCo2PerMillionTokens === null ? "-" : `${p.gramsCo2PerMillionTokens.toPrecision(3)} gCO2e`],
  ];
  const table = formatKeyValues(rows).trimEnd();
  const issues = p.issues.map((i) => `  ! ${i.message}`).join("\n");
  return [title, table, explainBound(p, input, evaluation), issues].filter(Boolean).join("\n");
}

/** A grid region id from the sourced intensity table (src/catalog/grid-carbon.ts). */
function gridOption(id: string) {
  const grid = findGrid(id);
  if (!grid) throw new UsageError(`--grid: unknown region "${id}"; one of ${GRID_INTENSITIES.map((g) => g.id).join(", ")}`);
  return grid;
}
