// `costcurve kb`: search, show, add, check, export and import knowledge-base claims.
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import type { Command } from "commander";
import { parseKbMarkdown } from "../kb/document.js";
import { checkClaims, DEFAULT_MAX_AGE_DAYS, type CheckReport } from "../kb/evaluate.js";
import { backlinksOf, exportKbDir, importKbDir, loadKbDir, searchKbNodes, shippedKbDir } from "../kb/library.js";
import { formatJson } from "../report/json.js";
import { formatKeyValues } from "../report/table.js";
import type { KbNode } from "../store/records.js";
import { withSeededStore } from "../app/kb.js";
import { storeConfigured } from "../store/open-store.js";
import { type Io, UsageError } from "./io.js";
import { calendarDate } from "./flag-limits.js";
import { prepareOutputDir } from "./output-path.js";
import { dateOption, wholeOption } from "./options.js";
import { priceBookWithUserRows } from "./user-prices.js";

export { withSeededStore };

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** Text form of a check report: one line per claim, the failing checks' numbers under it, then the counts. */
function formatReport(report: CheckReport): string {
  const lines: string[] = [];
  for (const r of report.results) {
    const flag = r.stale && r.status !== "stale" ? ` (stale: newest source ${r.newestSourceDate})` : r.status === "stale" ? ` (newest source ${r.newestSourceDate})` : "";
    lines.push(`${r.status.padEnd(9)} ${r.id}${flag}`);
    for (const c of r.checks) if (c.status !== "holds") lines.push(`          ${c.status === "fails" ? "x" : "~"} ${c.name ?? `check ${c.index + 1}`}: ${c.message}`);
  }
  lines.push("");
  lines.push(
    `${report.claims} claims, ${report.withChecks} with checks: ${report.holds} hold, ${report.fails} fail, ${report.stale} stale (sources older than ${report.maxAgeDays} days on ${report.todayDate}), ${report.knownFailures} known check failures`,
  );
  return `${lines.join("\n")}\n`;
}

function formatNode(node: KbNode, backlinks: string[]): string {
  const pairs: [string, string][] = [
    ["id", node.id],
    ["kind", node.kind],
    ["title", node.title],
    ["tags", node.tags.join(", ") || "-"],
    ["checks", String(node.checks?.length ?? 0)],
    ["links", node.links.join(", ") || "-"],
    ["linked from", backlinks.join(", ") || "-"],
  ];
  const sources = node.sources.map((s) => `  - ${s.title ? `${s.title} ` : ""}${s.url}${s.date ? ` (${s.date})` : ""}`);
  return `${formatKeyValues(pairs)}\n${node.body}\n${sources.length ? `\nSources:\n${sources.join("\n")}\n` : ""}`;
}

/** `costcurve kb ...`: the knowledge base of re-checked claims. */
export function registerKb(program: Command, io: Io): void {
  const kb = program.command("kb").description("Knowledge base: claims about AI economics, searchable, with checks re-computed by the engine and price book");

  kb.command("search")
    .description("Full-text search (ranked, with highlighted snippets); --tag filters, repeatable")
    .argument("[query...]", "words to search for")
    .option("--tag <tag>", "only nodes with this tag (repeat for several)", collect, [])
    .option("--limit <n>", "most hits to show", "20")
    .option("--json", "print JSON")
    .action(async (words: string[], opts: { tag: string[]; limit: string; json?: boolean }) => {
      const query = words.join(" ");
      if (query.trim() === "" && opts.tag.length === 0) throw new UsageError("kb search: give a query or --tag");
      const limit = wholeOption("--limit", opts.limit);
      const hits = await withSeededStore(io.env, io.cwd, (store) => searchKbNodes(store, query, { tags: opts.tag, limit }));
      if (opts.json) return io.stdout(formatJson(hits));
      if (hits.length === 0) return io.stdout("no matches\n");
      const terminal = (s: string) =>
        s
          .replace(/<mark>/g, "[")
          .replace(/<\/mark>/g, "]")
          .replace(/\s+/g, " ");
      io.stdout(hits.map((h) => `${h.id}  (${h.kind})  ${h.title}${h.snippet ? `\n    ${terminal(h.snippet)}` : ""}`).join("\n") + "\n");
    });

  kb.command("show")
    .description("Show one node with its sources, links and backlinks")
    .argument("<id>", "node id")
    .option("--json", "print JSON")
    .action(async (id: string, opts: { json?: boolean }) => {
      const found = await withSeededStore(io.env, io.cwd, async (store) => {
        const node = await store.getKbNode(id);
        return node ? { node, backlinks: backlinksOf(await store.listKbNodes(), id) } : null;
      });
      if (!found) throw new UsageError(`kb show: no node "${id}" (try costcurve kb search)`);
      io.stdout(opts.json ? formatJson({ ...found.node, backlinks: found.backlinks }) : formatNode(found.node, found.backlinks));
    });

  kb.command("add")
    .description("Add or replace a node from a Markdown file with front matter (kind, title, tags, sources, links, checks)")
    .argument("<file>", "Markdown file")
    .action(async (file: string) => {
      const path = resolve(io.cwd, file);
      const text = await readFile(path, "utf8").catch(() => {
        throw new UsageError(`kb add: cannot read ${file}`);
      });
      const parsed = parseKbMarkdown(text, file);
      if (!parsed.ok) throw new UsageError(`kb add: ${parsed.issues.map((i) => i.message).join("\n  ")}`);
      await withSeededStore(io.env, io.cwd, (store) => store.upsertKbNode(parsed.value));
      io.stdout(`added ${parsed.value.id}\n`);
    });

  kb.command("check")
    .description("Re-check every claim: holds, fails (computed vs claimed) or stale (newest source older than --max-age-days)")
    .option("--json", "print {claims, withChecks, holds, fails, stale, results}")
    .option("--strict", "exit non-zero when any claim fails")
    .option("--max-age-days <n>", "sources older than this make a claim stale", String(DEFAULT_MAX_AGE_DAYS))
    .option("--dir <dir>", "check a Markdown folder instead of the store (default without a configured store: the shipped claims)")
    .option("--today <date>", "date to measure source age from, YYYY-MM-DD (default: today)")
    .action(async (opts: { json?: boolean; strict?: boolean; maxAgeDays: string; dir?: string; today?: string }) => {
      const maxAgeDays = wholeOption("--max-age-days", opts.maxAgeDays);
      const todayDate = calendarDate("--today", dateOption("--today", opts.today));
      let nodes: KbNode[];
      if (opts.dir !== undefined || !storeConfigured(io.env)) {
        const dir = opts.dir === undefined ? shippedKbDir() : resolve(io.cwd, opts.dir);
        const loaded = await loadKbDir(dir).catch(() => {
          throw new UsageError(`--dir: cannot read ${dir}`);
        });
        if (loaded.issues.length) throw new UsageError(`kb check: ${loaded.issues.map((i) => i.message).join("\n  ")}`);
        nodes = loaded.nodes;
      } else {
        nodes = await withSeededStore(io.env, io.cwd, (store) => store.listKbNodes());
      }
      const report = checkClaims(nodes, { book: await priceBookWithUserRows(io), todayDate, maxAgeDays });
      io.stdout(opts.json ? formatJson(report) : formatReport(report));
      if (opts.strict && report.fails > 0) throw new UsageError(`kb check --strict: ${report.fails} claim${report.fails === 1 ? "" : "s"} fail`);
    });

  kb.command("export")
    .description("Write every node as <id>.md (front matter + body) into a folder")
    .argument("<dir>", "folder (created if missing)")
    .action(async (dir: string) => {
      const target = prepareOutputDir("DIR", resolve(io.cwd, dir));
      const count = await withSeededStore(io.env, io.cwd, (store) => exportKbDir(store, target));
      io.stdout(`exported ${count} nodes to ${dir}\n`);
    });

  kb.command("import")
    .description("Add or replace every node of a Markdown folder (nothing is written if any file is invalid)")
    .argument("<dir>", "folder of .md files")
    .action(async (dir: string) => {
      const loaded = await withSeededStore(io.env, io.cwd, (store) =>
        importKbDir(store, resolve(io.cwd, dir)).catch((error: NodeJS.ErrnoException) => {
          if (error.code === "ENOENT" || error.code === "ENOTDIR") throw new UsageError(`kb import: cannot read folder ${dir}`);
          throw error;
        }),
      );
      if (loaded.issues.length) throw new UsageError(`kb import: nothing imported:\n  ${loaded.issues.map((i) => i.message).join("\n  ")}`);
      io.stdout(`imported ${loaded.nodes.length} nodes from ${dir}\n`);
    });
}
