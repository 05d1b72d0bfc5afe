import { writeFileSync } from "node:fs";
import type { Command } from "commander";
import { type AccuracyReport, scoreCalibration } from "../catalog/accuracy.js";
import { formatJson, formatPercent, formatSignificant, formatTable } from "../report/index.js";
import type { Io } from "./io.js";
import { readJsonFile } from "./scenario-file.js";

const DEFAULT_FILE = "data/calibration/measurements.json";

/** `costcurve accuracy [FILE]`: scores predictions against published measurements. */
export function registerAccuracy(program: Command, io: Io): void {
  program
    .command("accuracy")
    .description("score `predict` against published measurements (per row and per field, median and p90 error)")
    .argument("[measurements.json]", "calibration file", DEFAULT_FILE)
    .option("--out <file>", "write the full report as JSON", "accuracy.json")
    .option("--json", "print the report as JSON")
    .option("--only <text>", "only rows whose id contains this text")
    .action((file: string, options: { out: string; json?: boolean; only?: string }) => {
      const rows = readJsonFile(file, "measurements file");
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
