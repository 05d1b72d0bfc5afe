import { readFileSync, writeFileSync } from "node:fs";
import type { Command } from "commander";
import { type AccuracyReport, scoreCalibration } from "../catalog/accuracy.js";
import { type CrossValidatedAccuracy, crossValidatedAccuracy } from "../catalog/cross-validation.js";
import type { ErrorSummary } from "../catalog/host-fit.js";
import { formatJson, formatPercent, formatSignificant, formatTable } from "../report/index.js";
import type { Io } from "./io.js";
import { readJsonFile } from "./scenario-file.js";

const DEFAULT_FILE = "data/calibration/measurements.json";
const DEFAULT_SILICON = "data/calibration/silicon/silicon-public.csv";

/** `costcurve accuracy [FILE]`: scores predictions against published measurements. */
export function registerAccuracy(program: Command, io: Io): void {
  program
    .command("accuracy")
    .description("score `predict` against published measurements (per row and per field, median and p90 error)")
    .argument("[measurements.json]", "calibration file", DEFAULT_FILE)
    .option("--out <file>", "write the full report as JSON", "accuracy.json")
    .option("--json", "print the report as JSON")
    .option("--only <text>", "only rows whose id contains this text")
    .option("--cross-validate [silicon.csv]", "leave-one-group-out: refit the host parameters without each source family (calibration set) or model (silicon rows), score it", false)
    .option("--stride <n>", "with --cross-validate: fit on every n-th row (all rows are scored)", "10")
    .action((file: string, options: { out: string; json?: boolean; only?: string; crossValidate: string | boolean; stride: string }) => {
      const rows = readJsonFile(file, "measurements file");
      if (options.crossValidate !== false) {
        const csvPath = typeof options.crossValidate === "string" ? options.crossValidate : DEFAULT_SILICON;
        const stride = Number(options.stride);
        if (!Number.isInteger(stride) || stride < 1) throw new Error(`--stride: ${options.stride} is not a whole number >= 1`);
        const report = crossValidatedAccuracy(rows, readFileSync(csvPath, "utf8"), { stride });
        writeFileSync(options.out, formatJson(report) + "\n");
        io.stdout(options.json ? formatJson(report) + "\n" : renderCrossValidation(report) + `\nwritten to ${options.out}\n`);
        return;
      }
      const report = scoreCalibration(rows, options.only);
      writeFileSync(options.out, formatJson(report) + "\n");
      io.stdout(options.json ? formatJson(report) + "\n" : renderAccuracy(report) + `\nwritten to ${options.out}\n`);
    });
}

export function renderAccuracy(report: AccuracyReport): string {
  const rowTable = formatTable(
    [
      { key: "id", header: "row" },
      { key: "field" },
      { key: "measured", format: (v: number) => formatSignificant(v, 4) },
      { key: "predicted", format: (v: number) => formatSignificant(v, 4) },
      { key: "error", header: "error", format: (v: number) => formatPercent(v) },
    ],
    report.rows.flatMap((r) => r.fields.map((f) => ({ id: r.id.slice(0, 58), field: f.field, measured: f.measured, predicted: f.predicted, error: f.error }))),
  );
  const summary = formatTable(
    [
      { key: "group" },
      { key: "field" },
      { key: "n", header: "rows" },
      { key: "medianAbsError", header: "median |error|", format: (v: number) => formatPercent(v) },
      { key: "p90AbsError", header: "p90 |error|", format: (v: number) => formatPercent(v) },
    ],
    report.summary,
  );
  const skipped = report.unmodeled.map((u) => `  - ${u.id}: ${u.reason}`).join("\n");
  return `${rowTable}\n${summary}${skipped ? `\nrows not modeled:\n${skipped}\n` : ""}`;
}

function summaryTable(title: string, list: ErrorSummary[], groups: boolean): string {
  const rows = list.filter((s) => groups || s.group === "all");
  const table = formatTable(
    [
      { key: "field" },
      { key: "group" },
      { key: "n", header: "rows" },
      { key: "missing", header: "no figure" },
      { key: "medianAbsError", header: "median |error|", format: (v: number | null) => (v === null ? "-" : formatPercent(v)) },
      { key: "p90AbsError", header: "p90 |error|", format: (v: number | null) => (v === null ? "-" : formatPercent(v)) },
      { key: "medianSignedError", header: "median signed", format: (v: number | null) => (v === null ? "-" : formatPercent(v)) },
    ],
    rows,
  );
  return `${title}\n${table}`;
}

export function renderCrossValidation(r: CrossValidatedAccuracy): string {
  const parts = [
    summaryTable("silicon rows, leave-one-model-out (the figure to quote):", r.silicon.heldOut, true),
    summaryTable("silicon rows, fitted on all (in-sample):", r.silicon.inSample, false),
    summaryTable("silicon rows, with the parameters as shipped (before this refit):", r.silicon.unfitted, false),
    summaryTable("calibration set, leave-one-source-family-out (the figure to quote):", r.calibration.heldOut, false),
    summaryTable("calibration set, fitted on all (in-sample):", r.calibration.inSample, false),
    `p10-p90 band coverage (cross-validated): ${r.coverage.map((c) => `${c.field} ${formatPercent(c.coverage)} of ${c.n}`).join(", ")}`,
    `fitted host parameters: ${Object.entries(r.fitted)
      .map(([e, p]) => `${e} step ${formatSignificant(p.stepOverheadSeconds * 1e3, 3)} ms, per sequence ${formatSignificant(p.sequenceOverheadSeconds * 1e6, 3)} us, per request ${formatSignificant(p.requestOverheadSeconds * 1e3, 3)} ms`)
      .join("; ")}`,
    `silicon rows not modeled: ${r.silicon.unmodeledCount}; calibration rows not modeled: ${r.calibration.unmodeled.length}`,
  ];
  return parts.join("\n\n");
}
