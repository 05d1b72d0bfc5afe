// Knowledge-base nodes and their full-text search: SQLite FTS5 (bm25, snippet) or PostgreSQL tsvector (ts_rank, ts_headline).
import type { SqlDriver, SqlExecutor, SqlRow } from "./driver.js";
import { KbHit, KbNode, parseRows } from "./records.js";

const MARK_OPEN = "<mark>";
const MARK_CLOSE = "</mark>";
/** Column weights title, tags, body: a title match counts most. */
const SQLITE_WEIGHTS = "10.0, 5.0, 1.0";

/** Words of a free-text query, so punctuation can never become query syntax. */
export function queryTerms(query: string): string[] {
  return query.toLowerCase().match(/[\p{L}\p{N}_]+/gu) ?? [];
}

function toNode(driver: SqlDriver, row: SqlRow): unknown {
  const d = driver.dialect;
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    body: row.body,
    tags: d.decodeJson(row.tags_json),
    sources: d.decodeJson(row.sources_json),
    links: d.decodeJson(row.links_json),
    checks: d.decodeJson(row.checks_json),
    updatedAt: row.updated_at,
  };
}

export async function upsertKbNode(driver: SqlDriver, input: KbNode): Promise<void> {
  const node = KbNode.parse(input);
  const d = driver.dialect;
  const columns = ["id", "kind", "title", "body", "tags_json", "tags_text", "sources_json", "links_json", "checks_json", "updated_at"];
  await driver.transaction(async (tx: SqlExecutor) => {
    await tx.run(d.upsert("kb_nodes", columns, ["id"]), [
      node.id,
      node.kind,
      node.title,
      node.body,
      d.encodeJson(node.tags),
      node.tags.join(" "),
      d.encodeJson(node.sources),
      d.encodeJson(node.links),
      d.encodeJson(node.checks ?? []),
      node.updatedAt ?? new Date().toISOString(),
    ]);
    if (d.name === "sqlite") {
      await tx.run(`DELETE FROM kb_fts WHERE id = ?`, [node.id]);
      await tx.run(`INSERT INTO kb_fts (id, title, tags, body) VALUES (?, ?, ?, ?)`, [node.id, node.title, node.tags.join(" "), node.body]);
    }
  });
}

export async function getKbNode(driver: SqlDriver, id: string): Promise<KbNode | null> {
  const rows = await driver.all(`SELECT * FROM kb_nodes WHERE id = ?`, [id]);
  return (
    parseRows(
      KbNode,
      "kb_nodes",
      rows.map((r) => toNode(driver, r)),
    )[0] ?? null
  );
}

export async function listKbNodes(driver: SqlDriver, kind?: string): Promise<KbNode[]> {
  const rows = kind ? await driver.all(`SELECT * FROM kb_nodes WHERE kind = ? ORDER BY id`, [kind]) : await driver.all(`SELECT * FROM kb_nodes ORDER BY id`);
  return parseRows(
    KbNode,
    "kb_nodes",
    rows.map((r) => toNode(driver, r)),
  );
}

export async function deleteKbNode(driver: SqlDriver, id: string): Promise<boolean> {
  return driver.transaction(async (tx) => {
    if (driver.dialect.name === "sqlite") await tx.run(`DELETE FROM kb_fts WHERE id = ?`, [id]);
    return (await tx.run(`DELETE FROM kb_nodes WHERE id = ?`, [id])) > 0;
  });
}

/** Full-text search, best first; every term must match (stemmed); an empty query finds nothing. */
export async function searchKb(driver: SqlDriver, query: string, limit = 20): Promise<KbHit[]> {
  const terms = queryTerms(query);
  if (terms.length === 0) return [];
  const rows =
    driver.dialect.name === "sqlite"
      ? await driver.all(
          `SELECT n.id AS id, n.kind AS kind, n.title AS title, -bm25(kb_fts, ${SQLITE_WEIGHTS}) AS score,
             snippet(kb_fts, -1, '${MARK_OPEN}', '${MARK_CLOSE}', '…', 24) AS snippet
           FROM kb_fts JOIN kb_nodes n ON n.id = kb_fts.id
           WHERE kb_fts MATCH ? ORDER BY bm25(kb_fts, ${SQLITE_WEIGHTS}), n.id LIMIT ?`,
          [terms.map((t) => `"${t}"`).join(" "), limit],
        )
      : await driver.all(
          `SELECT n.id AS id, n.kind AS kind, n.title AS title, ts_rank(n.search, q.query) AS score,
             ts_headline('english', n.title || ' — ' || n.body, q.query,
               'StartSel=${MARK_OPEN}, StopSel=${MARK_CLOSE}, MaxWords=30, MinWords=12') AS snippet
           FROM kb_nodes n, (SELECT plainto_tsquery('english', ?) AS query) q
           WHERE n.search @@ q.query ORDER BY score DESC, n.id LIMIT ?`,
          [terms.join(" "), limit],
        );
  return parseRows(KbHit, "kb_nodes", rows);
}
