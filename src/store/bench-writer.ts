/**
 * Where a running benchmark writes its rows. For SQLite a worker thread with its own connection does the
 * writing, so neither a statement (about 0.15 ms per request row) nor a wait for another process's lock (up to
 * the busy timeout) ever pauses the event loop that times the requests; PostgreSQL is asynchronous already.
 */
import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";
import { benchLevelWrite, benchRequestWrites, benchRunWrite, type SqlStatement } from "./bench-writes.js";
import { sqliteDialect } from "./dialect.js";
import { openConfiguredStore, type StoreConfig } from "./open-store.js";
import { BUSY_TIMEOUT_MS } from "./sqlite-driver.js";
import { classifyStoreError } from "./store-errors.js";
import type { NewBenchRequest, NewBenchRun, Store } from "./store.js";

/** The writes a benchmark run makes, each a promise that settles once the row is committed. */
export interface BenchWriter {
  saveBenchRun(run: NewBenchRun): Promise<void>;
  saveBenchLevel(runId: string, levelIndex: number, summary: unknown): Promise<void>;
  addBenchRequests(runId: string, rows: NewBenchRequest[]): Promise<void>;
  close(): Promise<void>;
}

// CommonJS run by the worker (eval): one connection, each message one IMMEDIATE transaction
const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const Database = require(workerData.driverPath);
const db = new Database(workerData.path);
db.pragma("busy_timeout = " + workerData.busyTimeoutMs);
db.pragma("synchronous = NORMAL");
db.pragma("foreign_keys = ON");
const prepared = new Map();
const statement = (sql) => {
  let s = prepared.get(sql);
  if (!s) prepared.set(sql, (s = db.prepare(sql)));
  return s;
};
parentPort.on("message", (message) => {
  if (message.close) {
    db.close();
    parentPort.postMessage({ id: message.id });
    return;
  }
  try {
    db.exec("BEGIN IMMEDIATE");
    try {
      for (const w of message.statements) statement(w.sql).run(...w.params);
      db.exec("COMMIT");
    } catch (error) {
      if (db.inTransaction) db.exec("ROLLBACK");
      throw error;
    }
    parentPort.postMessage({ id: message.id });
  } catch (error) {
    parentPort.postMessage({ id: message.id, error: { message: String((error && error.message) || error), code: error && error.code } });
  }
});
`;

/** A writer over a SQLite file that a store has already opened and migrated (busyTimeoutMs: how long to wait for a lock). */
export function openSqliteBenchWriter(path: string, busyTimeoutMs = BUSY_TIMEOUT_MS): BenchWriter {
  const driverPath = createRequire(import.meta.url).resolve("better-sqlite3");
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { path, driverPath, busyTimeoutMs } });
  const waiting = new Map<number, { resolve: () => void; reject: (error: unknown) => void }>();
  let next = 0;
  let dead: unknown = null;
  const failAll = (error: unknown) => {
    dead = error;
    for (const w of waiting.values()) w.reject(error);
    waiting.clear();
  };
  worker.on("message", (m: { id: number; error?: { message: string; code?: string } }) => {
    const w = waiting.get(m.id);
    if (!w) return;
    waiting.delete(m.id);
    if (!m.error) return w.resolve();
    w.reject(classifyStoreError(Object.assign(new Error(m.error.message), { code: m.error.code }), "sqlite"));
  });
  worker.on("error", failAll);
  worker.on("exit", () => failAll(new Error("bench writer: the SQLite writer thread stopped")));
  const send = (payload: { statements: SqlStatement[] } | { close: true }) =>
    new Promise<void>((resolve, reject) => {
      if (dead !== null) return reject(dead);
      const id = next++;
      waiting.set(id, { resolve, reject });
      worker.postMessage({ id, ...payload });
    });
  const d = sqliteDialect;
  return {
    saveBenchRun: (run) => send({ statements: [benchRunWrite(d, run)] }),
    saveBenchLevel: (runId, levelIndex, summary) => send({ statements: [benchLevelWrite(d, runId, levelIndex, summary)] }),
    addBenchRequests: (runId, rows) => send({ statements: benchRequestWrites(d, runId, rows) }),
    close: async () => {
      if (dead === null) await send({ close: true }).catch(() => undefined);
      await worker.terminate();
    },
  };
}

function storeWriter(store: Store): BenchWriter {
  return {
    saveBenchRun: async (run) => void (await store.saveBenchRun(run)),
    saveBenchLevel: (runId, levelIndex, summary) => store.saveBenchLevel(runId, levelIndex, summary),
    addBenchRequests: (runId, rows) => store.addBenchRequests(runId, rows),
    close: () => store.close(),
  };
}

/** Opens (and migrates) the configured store and returns a writer for one benchmark run over it. */
export async function openBenchWriter(config: StoreConfig): Promise<BenchWriter> {
  const store = await openConfiguredStore(config);
  if (config.kind === "postgres" || config.path === ":memory:") return storeWriter(store);
  await store.close();
  return openSqliteBenchWriter(config.path);
}
