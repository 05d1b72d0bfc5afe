// Versioned schema migrations: each id is applied once, in its own transaction, recorded in schema_migrations.
import type { Dialect } from "./dialect.js";
import type { SqlDriver } from "./driver.js";

export interface Migration {
  id: string;
  statements: (d: Dialect) => string[];
}

/** Append new migrations at the end; never edit one that has shipped. */
export const MIGRATIONS: readonly Migration[] = [
  {
    id: "0001-core-tables",
    statements: (d) => [
      `CREATE TABLE user_prices (seq ${d.autoIdColumn}, created_at TEXT NOT NULL, model_id TEXT NOT NULL,
        provider TEXT NOT NULL, start_date TEXT NOT NULL, row_json ${d.jsonColumn} NOT NULL)`,
      `CREATE INDEX user_prices_model ON user_prices (model_id, start_date)`,
      `CREATE TABLE price_snapshots (id ${d.autoIdColumn}, taken_at TEXT NOT NULL, label TEXT NOT NULL,
        rows_json ${d.jsonColumn} NOT NULL)`,
      `CREATE TABLE bench_runs (id TEXT PRIMARY KEY, started_at TEXT NOT NULL, label TEXT NOT NULL,
        metadata_json ${d.jsonColumn} NOT NULL)`,
      `CREATE TABLE bench_levels (run_id TEXT NOT NULL REFERENCES bench_runs (id) ON DELETE CASCADE,
        level_index INTEGER NOT NULL, summary_json ${d.jsonColumn} NOT NULL, PRIMARY KEY (run_id, level_index))`,
      `CREATE TABLE bench_requests (run_id TEXT NOT NULL REFERENCES bench_runs (id) ON DELETE CASCADE,
        level_index INTEGER NOT NULL, seq INTEGER NOT NULL, data_json ${d.jsonColumn} NOT NULL,
        PRIMARY KEY (run_id, level_index, seq))`,
      `CREATE TABLE calibration_profiles (name TEXT NOT NULL, version INTEGER NOT NULL, created_at TEXT NOT NULL,
        profile_json ${d.jsonColumn} NOT NULL, PRIMARY KEY (name, version))`,
      `CREATE TABLE snapshots (id ${d.autoIdColumn}, key TEXT NOT NULL, taken_at TEXT NOT NULL,
        payload_json ${d.jsonColumn} NOT NULL)`,
      `CREATE INDEX snapshots_key ON snapshots (key, taken_at)`,
    ],
  },
  {
    id: "0002-knowledge-base",
    statements: (d) => [
      `CREATE TABLE kb_nodes (id TEXT PRIMARY KEY, kind TEXT NOT NULL, title TEXT NOT NULL, body TEXT NOT NULL,
        tags_json ${d.jsonColumn} NOT NULL, tags_text TEXT NOT NULL, sources_json ${d.jsonColumn} NOT NULL,
        links_json ${d.jsonColumn} NOT NULL, updated_at TEXT NOT NULL)`,
      `CREATE INDEX kb_nodes_kind ON kb_nodes (kind)`,
      ...(d.name === "sqlite"
        ? [`CREATE VIRTUAL TABLE kb_fts USING fts5(id UNINDEXED, title, tags, body, tokenize = 'porter unicode61')`]
        : [
            `ALTER TABLE kb_nodes ADD COLUMN search tsvector GENERATED ALWAYS AS (
              setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', tags_text), 'B') ||
              setweight(to_tsvector('english', body), 'C')) STORED`,
            `CREATE INDEX kb_nodes_search ON kb_nodes USING GIN (search)`,
          ]),
    ],
  },
  {
    id: "0003-kb-checks",
    statements: (d) => [`ALTER TABLE kb_nodes ADD COLUMN checks_json ${d.jsonColumn} NOT NULL DEFAULT '[]'`],
  },
];

/** Applies every migration not yet recorded; safe to run from several processes at once. */
export async function migrate(driver: SqlDriver, migrations: readonly Migration[] = MIGRATIONS): Promise<string[]> {
  const d = driver.dialect;
  await driver.transaction(async (tx) => {
    if (d.migrationLock) await tx.all(d.migrationLock);
    await tx.run(`CREATE TABLE IF NOT EXISTS schema_migrations (id TEXT PRIMARY KEY, applied_at TEXT NOT NULL)`);
  });
  const applied: string[] = [];
  for (const migration of migrations) {
    const didApply = await driver.transaction(async (tx) => {
      if (d.migrationLock) await tx.all(d.migrationLock);
      const done = await tx.all(`SELECT id FROM schema_migrations WHERE id = ?`, [migration.id]);
      if (done.length > 0) return false;
      for (const statement of migration.statements(d)) await tx.run(statement);
      await tx.run(`INSERT INTO schema_migrations (id, applied_at) VALUES (?, ?)`, [migration.id, new Date().toISOString()]);
      return true;
    });
    if (didApply) applied.push(migration.id);
  }
  return applied;
}
