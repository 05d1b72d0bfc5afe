/** `costcurve calibrate RESULTS_DIR|--run ID --scenario FILE`: predicted vs measured per load level, and a fitted efficiency profile saved to the store. */
import type { Command } from "commander";
import { existsSync } from "node:fs";
import { dirname, isAbsolute, resolve } from "node:path";
import { type ComparisonRow, type FitResult, Statistic, compareLevels, fitProfile, readSummaries, storedSummaries } from "../bench/calibrate.js";
import type { LevelSummary } from "../bench/schemas.js";
import { type ModelSource, resolveScenario } from "../catalog/resolve.js";
import type { PredictInput } from "../core/predict.js";
import { parseScenario } from "../core/validate.js";
import { type Column, formatDuration, formatPercent, formatSignificant, formatTable, renderBarChart, writeChart } from "../report/index.js";
import { openStore } from "../store/open-store.js";
import { type Io, UsageError } from "./io.js";
import { storedMachines } from "./machine.js";
import { readJsonFile } from "./scenario-file.js";

interface CalibrateFlags {
  scenario: string;
  run?: string;
  name?: string;
  svg?: string;
  png?: string;
  json?: boolean;
  statistic?: string;
}

const metricLabel = (metric: ComparisonRow["metric"], statistic: Statistic): string => {
  const typical = statistic === "median" ? " (median request)" : "";
  return { outputTokensPerSecond: `output tokens/s${typical}`, inputTokensPerSecond: `input tokens/s${typical}`, ttftSeconds: `TTFT ${statistic}`, tpotSeconds: `TPOT ${statistic}` }[metric];
};

function statisticOption(text: string | undefined): Statistic {
  const parsed = Statistic.safeParse(text ?? "mean");
  if (!parsed.success) throw new UsageError(`--statistic: "${text}" is not one of ${Statistic.options.join(", ")}`);
  return parsed.data;
}

const isTime = (row: ComparisonRow) => row.metric === "ttftSeconds" || row.metric === "tpotSeconds";
const value = (row: ComparisonRow, v: number) => (isTime(row) ? formatDuration(v) : formatSignificant(v));

/** Reads and resolves the scenario file against the catalogs plus every machine saved in the store. */
export async function loadScenario(path: string, io: Io): Promise<PredictInput> {
  const raw = readJsonFile(path, "scenario file");
  if (Array.isArray(raw)) throw new UsageError(`--scenario: ${path} holds an array; calibrate takes one scenario object`);
  const parsed = parseScenario(raw);
  if (!parsed.ok) throw new UsageError(parsed.issues.map((i) => i.message).join("\n"));
  const model = parsed.value.model;
  let file: ModelSource | undefined;
  if (model.endsWith(".json") || model.startsWith(".") || isAbsolute(model)) {
    const configPath = isAbsolute(model) ? model : resolve(dirname(path), model);
    if (!existsSync(configPath)) throw new UsageError(`model: config file ${model} not found (looked at ${configPath})`);
    file = { config: readJsonFile(configPath, "config.json"), origin: model };
  }
  const store = await openStore(io.env, io.cwd);
  let machines;
  try {
    machines = await storedMachines(store);
  } finally {
    await store.close();
  }
  const resolved = resolveScenario(parsed.value, file, machines);
  if (!resolved.ok) throw new UsageError(resolved.issues.map((i) => i.message).join("\n"));
  return resolved.value;
}

/** Bar chart: one group per level and metric, predicted and measured bars, values relative to the measurement. */
export function calibrationChart(rows: readonly ComparisonRow[], fitted: readonly ComparisonRow[], title: string, statistic: Statistic = "mean"): string {
  return renderBarChart({
    title,
    subtitle: "predicted / measured per load level (1 = exact)",
    categories: rows.map((r) => `${r.level} ${metricLabel(r.metric, statistic)}`),
    series: [
      { name: "measured", values: rows.map(() => 1) },
      { name: "predicted", values: rows.map((r) => r.predicted / r.measured) },
      { name: "predicted, fitted profile", values: fitted.map((r) => r.predicted / r.measured) },
    ],
    y: { title: "relative to measured" },
    valueFormat: (v) => v.toFixed(2),
    footnote: "Source: costcurve bench results and the costcurve engine",
  });
}

const COLUMNS: Column[] = [
  { key: "level" },
  { key: "metricLabel", header: "metric" },
  { key: "predictedText", header: "predicted" },
  { key: "measuredText", header: "measured" },
  { key: "errorFraction", header: "error", format: (v: number) => `${v >= 0 ? "+" : ""}${formatPercent(v)}` },
  { key: "fittedErrorFraction", header: "error (fitted)", format: (v: number) => `${v >= 0 ? "+" : ""}${formatPercent(v)}` },
];

interface Measurements {
  summaries: LevelSummary[];
  /** Where they came from, as saved with the profile. */
  source: { resultsDir: string } | { runId: string };
  /** How error messages name the source. */
  field: string;
}

function readResultsDir(dir: string, io: Io): Measurements {
  const resultsDir = resolve(io.cwd, dir);
  if (!existsSync(resultsDir)) throw new UsageError(`RESULTS_DIR: ${dir} does not exist; give the --out directory of a costcurve bench run`);
  let summaries: LevelSummary[];
  try {
    summaries = readSummaries(resultsDir);
  } catch (error) {
    throw new UsageError(`RESULTS_DIR: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (summaries.length === 0) throw new UsageError(`RESULTS_DIR: ${dir} holds no summary-<level>.json files; give the --out directory of a costcurve bench run`);
  return { summaries, source: { resultsDir }, field: "RESULTS_DIR" };
}

/** The level summaries of a run saved by `costcurve bench --save`, found by id or by its unique label. */
async function readStoredRun(idOrLabel: string, io: Io): Promise<Measurements> {
  const store = await openStore(io.env, io.cwd);
  try {
    let found = await store.getBenchRun(idOrLabel);
    if (!found) {
      const runs = await store.listBenchRuns();
      const byLabel = runs.filter((r) => r.label === idOrLabel);
      if (byLabel.length > 1) throw new UsageError(`--run: ${byLabel.length} saved runs are labelled "${idOrLabel}"; give one of their ids: ${byLabel.map((r) => r.id).join(", ")}`);
      if (byLabel.length === 1) found = await store.getBenchRun(byLabel[0]!.id);
      if (!found) {
        const known = runs
          .slice(0, 5)
          .map((r) => r.id)
          .join(", ");
        throw new UsageError(`--run: no saved run "${idOrLabel}"; ${known ? `newest saved runs: ${known}` : "the store holds no runs"} (list them with costcurve bench runs)`);
      }
    }
    let summaries: LevelSummary[];
    try {
      summaries = storedSummaries(found.run.id, found.levels);
    } catch (error) {
      throw new UsageError(`--run: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (summaries.length === 0) throw new UsageError(`--run: run ${found.run.id} has no finished level yet`);
    return { summaries, source: { runId: found.run.id }, field: "--run" };
  } finally {
    await store.close();
  }
}

async function calibrate(dir: string | undefined, flags: CalibrateFlags, io: Io): Promise<void> {
  const statistic = statisticOption(flags.statistic);
  if ((dir === undefined) === (flags.run === undefined)) throw new UsageError("RESULTS_DIR and --run: give one of them (a costcurve bench --out directory, or the id of a run saved with costcurve bench --save)");
  const measured = flags.run === undefined ? readResultsDir(dir!, io) : await readStoredRun(flags.run, io);
  const summaries = measured.summaries;
  if (flags.svg && flags.png) throw new UsageError("--svg and --png: give one of them");
  const input = await loadScenario(resolve(io.cwd, flags.scenario), io);
  const rows = compareLevels(input, summaries, statistic);
  if (rows.length === 0) throw new UsageError(`${measured.field}: no level of ${dir ?? flags.run} has completed requests to compare`);
  const fit: FitResult = fitProfile(input, summaries, statistic);
  const name = flags.name ?? `calibration-${input.accelerator.id}`;
  const date = new Date().toISOString().slice(0, 10);
  const scales = fit.scales;
  const profile = {
    ...fit.profile,
    id: name,
    version: date,
    fit: `costcurve calibrate ${date}: ${input.profile.id} with compute x${scales.compute.toPrecision(3)}, bandwidth x${scales.bandwidth.toPrecision(3)}, overheads x${scales.overhead.toPrecision(3)}; sum of squared log errors ${fit.before.toPrecision(3)} -> ${fit.after.toPrecision(3)} over ${rows.length} rows (${statistic}s)`,
  };
  const store = await openStore(io.env, io.cwd);
  let version: number;
  try {
    version = (await store.saveCalibrationProfile(name, { kind: "calibration", profile, scales, basedOn: input.profile.id, accelerator: input.accelerator.id, ...measured.source, statistic, rows, fittedRows: fit.rows })).version;
  } finally {
    await store.close();
  }
  const chartPath = flags.svg ?? flags.png;
  if (chartPath) await writeChart(resolve(io.cwd, chartPath), calibrationChart(rows, fit.rows, `${input.scenario.model} on ${input.accelerator.name}`, statistic));
  if (flags.json) {
    io.stdout(`${JSON.stringify({ accelerator: input.accelerator.id, profile: input.profile.id, statistic, rows, fitted: { name, version, scales, rows: fit.rows, profile } })}\n`);
    return;
  }
  const table = rows.map((r, i) => ({ ...r, metricLabel: metricLabel(r.metric, statistic), predictedText: value(r, r.predicted), measuredText: value(r, r.measured), fittedErrorFraction: fit.rows[i]?.errorFraction ?? null }));
  io.stdout(`${input.scenario.model} on ${input.accelerator.name}, profile ${input.profile.id}\n`);
  io.stdout(formatTable(COLUMNS, table));
  io.stdout(`fitted profile ${name} v${version}: compute x${scales.compute.toPrecision(3)}, bandwidth x${scales.bandwidth.toPrecision(3)}, overheads x${scales.overhead.toPrecision(3)} (saved to the store)\n`);
  if (chartPath) io.stderr(`chart written to ${chartPath}\n`);
}

/** Registers `costcurve calibrate`. */
export function registerCalibrate(program: Command, io: Io): void {
  program
    .command("calibrate")
    .description("Compare a costcurve bench run with the engine's prediction per load level, fit an efficiency profile and save it to the store")
    .argument("[results-dir]", "the --out directory of a costcurve bench run (summary-<level>.json files)")
    .option("--run <id>", "calibrate from a run saved with costcurve bench --save (its id or unique --name; see costcurve bench runs)")
    .requiredOption("--scenario <file>", "scenario JSON (model, hardware, engine, precision); the workload's tokens and load come from each measured level")
    .option("--name <name>", "name of the saved profile (default calibration-<accelerator>)")
    .option("--svg <file>", "write a predicted-vs-measured chart as SVG")
    .option("--png <file>", "write the chart as PNG")
    .option("--json", "print the comparison and the fitted profile as JSON")
    .option("--statistic <mean|median>", "measured figures: mean (whole-level throughput, mean TTFT/TPOT; default) or median (the typical request, robust to bursts of outside load on a shared host)")
    .action(async (dir: string | undefined, flags: CalibrateFlags) => calibrate(dir, flags, io));
}
