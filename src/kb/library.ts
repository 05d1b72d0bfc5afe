// The knowledge base over the Store: shipped content, Markdown folders in and out, search with tag filters, backlinks.
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import type { Issue } from "../core/result.js";
import type { KbHit, KbNode } from "../store/records.js";
import type { Store } from "../store/store.js";
import { formatKbMarkdown, parseKbMarkdown } from "./document.js";

/** content/kb at the package root (two levels above src/kb and dist/kb). */
export function shippedKbDir(): string {
  return fileURLToPath(new URL("../../content/kb/", import.meta.url));
}

/** Snapshot key recording that the shipped claims were loaded into a store. */
export const SEED_KEY = "kb:shipped-content";

async function markdownFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const files: string[] = [];
  for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(dir, e.name);
    if (e.isDirectory()) files.push(...(await markdownFiles(path)));
    else if (e.isFile() && e.name.toLowerCase().endsWith(".md") && e.name.toLowerCase() !== "readme.md") files.push(path);
  }
  return files;
}

export interface LoadedKb {
  nodes: KbNode[];
  /** Files that did not parse, and duplicate ids. */
  issues: Issue[];
}

/** Reads every *.md file under dir (README.md excepted), sorted by path; bad files are issues, not throws. */
export async function loadKbDir(dir: string): Promise<LoadedKb> {
  const nodes: KbNode[] = [];
  const issues: Issue[] = [];
  const seen = new Map<string, string>();
  for (const file of await markdownFiles(dir)) {
    const origin = relative(dir, file) || file;
    const parsed = parseKbMarkdown(await readFile(file, "utf8"), origin);
    if (!parsed.ok) {
      issues.push(...parsed.issues);
      continue;
    }
    const earlier = seen.get(parsed.value.id);
    if (earlier) {
      issues.push({ code: "duplicate_id", message: `${origin}: id "${parsed.value.id}" is also used by ${earlier}` });
      continue;
    }
    seen.set(parsed.value.id, origin);
    nodes.push(parsed.value);
  }
  return { nodes, issues };
}

/** Loads the shipped claims into the store once (recorded under SEED_KEY); returns how many were loaded. */
export async function seedShippedContent(store: Store, dir = shippedKbDir()): Promise<number> {
  if (await store.latestSnapshot(SEED_KEY)) return 0;
  const { nodes, issues } = await loadKbDir(dir);
  if (issues.length) throw new Error(`shipped knowledge base: ${issues.map((i) => i.message).join("; ")}`);
  for (const node of nodes) await store.upsertKbNode(node);
  await store.addSnapshot(SEED_KEY, { count: nodes.length });
  return nodes.length;
}

/** Upserts every node of a Markdown folder; nothing is written when any file is invalid. */
export async function importKbDir(store: Store, dir: string): Promise<LoadedKb> {
  const loaded = await loadKbDir(dir);
  if (loaded.issues.length) return loaded;
  for (const node of loaded.nodes) await store.upsertKbNode(node);
  return loaded;
}

/** Writes every node as <id>.md into dir (created if missing); returns the file count. */
export async function exportKbDir(store: Store, dir: string): Promise<number> {
  await mkdir(dir, { recursive: true });
  const nodes = await store.listKbNodes();
  for (const node of nodes) {
    const { updatedAt: _updatedAt, ...rest } = node;
    await writeFile(join(dir, `${node.id}.md`), formatKbMarkdown(rest), "utf8");
  }
  return nodes.length;
}

/** Ids of the nodes that link to `id`, sorted. */
export function backlinksOf(nodes: readonly KbNode[], id: string): string[] {
  return nodes
    .filter((n) => n.id !== id && n.links.includes(id))
    .map((n) => n.id)
    .sort();
}

export interface SearchOptions {
  /** Every tag must be present on a hit (case-insensitive). */
  tags?: string[];
  limit?: number;
}

/** Full-text search ranked by the store; with tags, only nodes carrying all of them. An empty query lists tagged nodes. */
export async function searchKbNodes(store: Store, query: string, options: SearchOptions = {}): Promise<KbHit[]> {
  const limit = options.limit ?? 20;
  const wanted = (options.tags ?? []).map((t) => t.toLowerCase());
  const nodes = wanted.length || query.trim() === "" ? await store.listKbNodes() : [];
  const tagged = new Set(nodes.filter((n) => wanted.every((t) => n.tags.some((x) => x.toLowerCase() === t))).map((n) => n.id));
  if (query.trim() === "") {
    if (!wanted.length) return [];
    return nodes
      .filter((n) => tagged.has(n.id))
      .slice(0, limit)
      .map((n) => ({ id: n.id, kind: n.kind, title: n.title, score: 0, snippet: "" }));
  }
  // the store ranks; the tag filter runs on a generous window of its hits
  const hits = await store.searchKb(query, wanted.length ? 1000 : limit);
  return (wanted.length ? hits.filter((h) => tagged.has(h.id)) : hits).slice(0, limit);
}
