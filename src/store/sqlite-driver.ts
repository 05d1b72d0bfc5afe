// SQLite through better-sqlite3: WAL, a busy timeout for other processes, one in-process queue.
import Database from "better-sqlite3";
import { sqliteDialect } from "./dialect.js";
import type { SqlDriver, SqlExecutor, SqlRow } from "./driver.js";
import { classifyStoreError } from "./store-errors.js";

/** How long a writer waits for another process's lock before failing, in milliseconds. */
export const BUSY_TIMEOUT_MS = 30_000;

function bindable(params: readonly unknown[]): unknown[] {
  return params.map((p) => (typeof p === "boolean" ? (p ? 1 : 0) : p === undefined ? null : p));
}

/**
 * Sets WAL mode. Switching a fresh file's journal mode needs an exclusive lock, and SQLite answers
 * SQLITE_BUSY at once (without calling the busy handler) when another process is opening the same new
 * file at that moment, so retry until the busy timeout runs out.
 */
function switchToWal(db: Database.Database): void {
  const deadline = Date.now() + BUSY_TIMEOUT_MS;
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (;;) {
    try {
      db.pragma("journal_mode = WAL");
      return;
    } catch (error) {
      const busy = (error as { code?: unknown }).code === "SQLITE_BUSY";
      if (!busy || Date.now() >= deadline) throw error;
      Atomics.wait(pause, 0, 0, 5 + Math.floor(Math.random() * 10));
    }
  }
}

/** Opens (creating if needed) the SQLite file at `path` (":memory:" works too). */
export function openSqliteDriver(path: string): SqlDriver {
  const db = new Database(path);
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  if (path !== ":memory:") switchToWal(db);
  db.pragma("synchronous = NORMAL");
  db.pragma("foreign_keys = ON");

  const direct: SqlExecutor = {
    all: async (sql, params = []) => {
      const statement = db.prepare(sql);
      if (!statement.reader) {
        statement.run(...bindable(params));
        return [];
      }
      return statement.all(...bindable(params)) as SqlRow[];
    },
    run: async (sql, params = []) => db.prepare(sql).run(...bindable(params)).changes,
  };

  // better-sqlite3 is synchronous, but transaction bodies are async: queue everything so that no other
  // caller's statement lands inside someone else's open transaction.
  let queue: Promise<unknown> = Promise.resolve();
  // a lock held past the busy timeout fails as StoreUnavailableError (a message, not a stack)
  const classified =
    <T>(fn: () => Promise<T>) =>
    async () => {
      try {
        return await fn();
      } catch (error) {
        throw classifyStoreError(error, "sqlite");
      }
    };
  function serialized<T>(fn: () => Promise<T>): Promise<T> {
    const run = classified(fn);
    const next = queue.then(run, run);
    queue = next.catch(() => undefined);
    return next;
  }

  return {
    dialect: sqliteDialect,
    all: (sql, params) => serialized(() => direct.all(sql, params)),
    run: (sql, params) => serialized(() => direct.run(sql, params)),
    transaction: (fn) =>
      serialized(async () => {
        // IMMEDIATE takes the write lock up front, so two processes never deadlock upgrading a read lock
        db.exec("BEGIN IMMEDIATE");
        try {
          const result = await fn(direct);
          db.exec("COMMIT");
          return result;
        } catch (error) {
          if (db.inTransaction) db.exec("ROLLBACK");
          throw error;
        }
      }),
    close: () => serialized(async () => void db.close()),
  };
}
