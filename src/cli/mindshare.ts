// `costcurve mindshare`: open-source downloads and activity (src/app/mindshare.ts), as a table, JSON or charts.
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import type { Command } from "commander";
import { withStore } from "../store/open-store.js";
import { answerMindshare, parseMindshareTargets } from "../app/mindshare.js";
import { type MindshareRow, mindshareChart } from "../market/mindshare.js";
import type { Column } from "../report/cell.js";
import { formatTable } from "../report/table.js";
import { formatJson } from "../report/json.js";
import { formatInteger, formatPercent } from "../report/format.js";
import { type Io, UsageError } from "./io.js";
import { asUsage } from "./cli-issues.js";

const COLUMNS: Column<MindshareRow>[] = [
  { key: "source" },
  { key: "id" },
  { key: "downloads30d", header: "downloads 30d", format: (v: number) => formatInteger(v) },
  { key: "downloadsChangeFraction", header: "vs prior 30d", format: (v: number) => (v >= 0 ? "+" : "") + formatPercent(v) },
  { key: "stars", format: (v: number) => formatInteger(v) },
  { key: "starsGained", header: "stars gained", format: (v: number) => formatInteger(v) },
  { key: "commits4w", header: "commits 4w" },
  { key: "likes", format: (v: number) => formatInteger(v) },
  { key: "origin" },
  { key: "fetchedAt", header: "fetched", format: (v: string) => v.slice(0, 16).replace("T", " ") },
];

/** `costcurve mindshare`: downloads and activity of open-source packages, repos and models, saved as snapshots. */
export function registerMindshare(program: Command, io: Io): void {
  program
    .command("mindshare")
    .description("Open-source mindshare: npm/PyPI downloads, GitHub stars and commits, Hugging Face downloads and likes")
    .option("--npm <packages>", "comma-separated npm packages, e.g. openai,@anthropic-ai/sdk")
    .option("--pypi <packages>", "comma-separated PyPI packages, e.g. vllm,sglang")
    .option("--github <repos>", "comma-separated OWNER/REPO, e.g. vllm-project/vllm")
    .option("--hf <models>", "comma-separated Hugging Face model ids")
    .option("--offline", "use saved snapshots only, no network")
    .option("--svg <file>", "write a weekly downloads chart (and FILE-commits.svg for GitHub repos)")
    .option("--json", "machine-readable output")
    .action(async (opts: { npm?: string; pypi?: string; github?: string; hf?: string; offline?: boolean; svg?: string; json?: boolean }) => {
      const all = asUsage(() => parseMindshareTargets(opts));
      const { collected, problems, rows } = await withStore(io.env, io.cwd, (store) => answerMindshare(store, all, { offline: Boolean(opts.offline), env: io.env, now: new Date() }));
      for (const p of problems) io.stderr(`${p.target.source}:${p.target.id}: ${p.message}\n`);
      if (collected.length === 0) throw new UsageError("no data: every target failed and none has a saved snapshot");
      if (opts.svg !== undefined) {
        const path = resolve(io.cwd, opts.svg);
        const downloads = mindshareChart(collected, "downloads");
        const commits = mindshareChart(collected, "commits");
        if (downloads) writeFileSync(path, downloads);
        if (commits) writeFileSync(downloads ? path.replace(/(\.svg)?$/i, "-commits.svg") : path, commits);
        if (!downloads && !commits) io.stderr("no time series to chart (Hugging Face gives 30-day counters only)\n");
        else io.stderr(`wrote ${opts.svg}${downloads && commits ? " and its -commits.svg" : ""}\n`);
      }
      if (opts.json) {
        io.stdout(formatJson({ rows, snapshots: collected.map((c) => ({ ...c.latest, origin: c.origin })), problems: problems.map((p) => ({ ...p.target, message: p.message })) }) + "\n");
        return;
      }
      io.stdout(formatTable(COLUMNS, rows));
    });
}
