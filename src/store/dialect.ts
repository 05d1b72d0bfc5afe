// The few places where SQLite and PostgreSQL SQL differ; everything else is written once with `?` placeholders.

export interface Dialect {
  readonly name: "sqlite" | "postgres";
  /** Column type of an auto-incrementing integer primary key. */
  readonly autoIdColumn: string;
  /** Column type that holds a JSON document. */
  readonly jsonColumn: string;
  /** Rewrites `?` placeholders into the driver's form (SQL text here never holds a literal `?`). */
  placeholders(sql: string): string;
  /** INSERT ... ON CONFLICT (keys) DO UPDATE for the given columns (same syntax in both, kept in one place). */
  upsert(table: string, columns: readonly string[], keys: readonly string[]): string;
  /** Statement that serializes writers of one table inside a transaction, or null when BEGIN already does. */
  lockTable(table: string): string | null;
  /** Statement that serializes concurrent migration runs inside a transaction, or null. */
  readonly migrationLock: string | null;
  /** Value to bind for a JSON column. */
  encodeJson(value: unknown): unknown;
  /** JSON column value back to a JS value (SQLite returns text, PostgreSQL jsonb returns parsed objects). */
  decodeJson(value: unknown): unknown;
}

function upsertSql(table: string, columns: readonly string[], keys: readonly string[]): string {
  const updates = columns.filter((c) => !keys.includes(c)).map((c) => `${c} = excluded.${c}`);
  const action = updates.length > 0 ? `DO UPDATE SET ${updates.join(", ")}` : "DO NOTHING";
  return `INSERT INTO ${table} (${columns.join(", ")}) VALUES (${columns.map(() => "?").join(", ")}) ON CONFLICT (${keys.join(", ")}) ${action}`;
}

export const sqliteDialect: Dialect = {
  name: "sqlite",
  autoIdColumn: "INTEGER PRIMARY KEY AUTOINCREMENT",
  jsonColumn: "TEXT",
  placeholders: (sql) => sql,
  upsert: upsertSql,
  lockTable: () => null,
  migrationLock: null,
  encodeJson: (value) => JSON.stringify(value ?? null),
  decodeJson: (value) => (typeof value === "string" ? JSON.parse(value) : value),
};

export const postgresDialect: Dialect = {
  name: "postgres",
  autoIdColumn: "BIGSERIAL PRIMARY KEY",
  jsonColumn: "JSONB",
  placeholders: (sql) => {
    let n = 0;
    return sql.replace(/\?/g, () => `$${++n}`);
  },
  upsert: upsertSql,
  lockTable: (table) => `LOCK TABLE ${table} IN SHARE ROW EXCLUSIVE MODE`,
  // any constant key: one migrator at a time per database
  migrationLock: "SELECT pg_advisory_xact_lock(427001)",
  encodeJson: (value) => JSON.stringify(value ?? null),
  decodeJson: (value) => value,
};
