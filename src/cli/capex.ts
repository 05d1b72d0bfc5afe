import { existsSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import type { Command } from "commander";
import { openStore, storeConfig } from "../store/open-store.js";
import type { Store } from "../store/store.js";
import { answerCapex } from "../app/capex.js";
import { type CapexSummary, addUserCapexRows, capexChart } from "../market/capex-read.js";
import type { Column } from "../report/cell.js";
import { formatTable } from "../report/table.js";
import { formatCsv } from "../report/csv.js";
import { formatJson } from "../report/json.js";
import { usageError } from "./cli-issues.js";
import { type Io, UsageError } from "./io.js";
import { prepareOutputFile } from "./output-path.js";
import { outputFormatOption } from "./options.js";
import { readJsonFile } from "./scenario-file.js";

const billions = (v: number) => `${(v / 1e9).toFixed(1)}B`;

const COLUMNS: Column<CapexSummary>[] = [
  { key: "company" },
  { key: "period" },
  { key: "basis" },
  { key: "firstGuidanceUsd", header: "first guidance", unit: "USD", format: billions },
  { key: "firstGuidanceDate", header: "on" },
  { key: "latestGuidanceUsd", header: "latest guidance", unit: "USD", format: billions },
  { key: "latestGuidanceDate", header: "on" },
  { key: "revisionCount", header: "revisions" },
  { key: "drawnUsd", header: "drawn", unit: "USD", format: billions },
  { key: "quartersReported", header: "quarters" },
  { key: "gapUsd", header: "gap", unit: "USD", format: billions },
  { key: "status" },
];

/** Opens the store when one is configured or already exists (a read never creates a database file). */
async function maybeOpenStore(io: Io, create: boolean): Promise<Store | null> {
  const config = storeConfig(io.env, io.cwd);
  if (!create && config.kind === "sqlite" && config.path !== ":memory:" && !existsSync(config.path)) return null;
  return openStore(io.env, io.cwd);
}

/** `costcurve capex`: hyperscaler and neocloud capex, announced vs drawn vs deferred. */
export function registerCapex(program: Command, io: Io): void {
  program
    .command("capex")
    .description("AI capex read: guidance announced vs capex reported in cash-flow statements, and the gap")
    .option("--company <name>", "one company (Microsoft, Alphabet, Amazon, Meta, Oracle, CoreWeave, or one you added)")
    .option("--import <file>", 'append rows from a JSON array ({type: "guidance"|"reported", ...}) to the store')
    .option("--json", "machine-readable output: summary, guidance and reported rows")
    .option("--csv", "the summary as CSV")
    .option("--svg <file>", "write a bar chart of reported quarterly capex")
    .action(async (opts: { company?: string; import?: string; json?: boolean; csv?: boolean; svg?: string }) => {
      const format = outputFormatOption(opts);
      const store = await maybeOpenStore(io, opts.import !== undefined);
      try {
        if (opts.import !== undefined) {
          const rows = readJsonFile(resolve(io.cwd, opts.import), "--import file");
          if (!Array.isArray(rows)) throw new UsageError("--import: expected a JSON array of rows");
          let added: number;
          try {
            added = await addUserCapexRows(store!, rows);
          } catch (error) {
            throw new UsageError(`--import: ${(error as Error).message}`);
          }
          io.stderr(`added ${added} capex row(s) to the store\n`);
        }
        const answer = await answerCapex(store, opts.company);
        if (!answer.ok) throw usageError(answer.issues);
        const { data, summary } = answer.value;
        const svgPath = opts.svg === undefined ? undefined : prepareOutputFile("--svg", resolve(io.cwd, opts.svg));
        if (svgPath !== undefined) {
          writeFileSync(svgPath, capexChart(data, opts.company));
          io.stderr(`wrote ${opts.svg}\n`);
        }
        if (format === "json") {
          io.stdout(formatJson({ summary, guidance: answer.value.guidance, reported: answer.value.reported }) + "\n");
          return;
        }
        if (format === "csv") {
          io.stdout(formatCsv(COLUMNS, summary));
          return;
        }
        io.stdout(formatTable(COLUMNS, summary));
        io.stdout(
          "\nguidance: midpoint of the latest stated range (floor for 'over $X'); drawn: reported quarters of that fiscal period on the same basis;\n" +
            "gap: still to draw while in progress, deferred (or negative: overshoot) once complete. Bases: see `costcurve capex --json`.\n",
        );
      } finally {
        await store?.close();
      }
    });
}
