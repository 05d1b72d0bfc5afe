// Runs the Store contract against SQLite (temp file) and a real PostgreSQL server started here, plus
// two-process concurrent writers against each.
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openConfiguredStore, openStore, storeConfig, storeConfigured, withStore, type StoreConfig } from "./open-store.js";
import { findPostgresBin, startPgTestServer, type PgTestServer } from "./pg-test-server.js";
import { storeContract } from "./store.contract.js";
import { transpileForChild } from "./transpile-for-child.js";

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, "../..");
const tempDir = mkdtempSync(join(tmpdir(), "costcurve-store-"));
let sqliteCount = 0;

storeContract("sqlite", () => openStore({ COSTCURVE_DB: join(tempDir, `contract-${++sqliteCount}.db`) }));

const pgBin = findPostgresBin();
const pgMissing = "PostgreSQL binaries (initdb, pg_ctl) not found on PATH or in /usr/lib/postgresql/*/bin";
if (!pgBin && process.env.CI === "true") {
  describe("PostgreSQL store", () => {
    it("needs a PostgreSQL server in CI", () => {
      throw new Error(`${pgMissing}; install Debian's postgresql package (.ci/run does)`);
    });
  });
} else if (!pgBin) {
  console.warn(`skipping PostgreSQL store tests: ${pgMissing}`);
  describe.skip("PostgreSQL store (skipped: binaries not found)", () => it("runs", () => undefined));
}

let server: PgTestServer | null = null;
if (pgBin) {
  beforeAll(async () => {
    server = await startPgTestServer();
  });
  afterAll(async () => {
    await server?.stop();
  });
  storeContract("postgres", async () => openStore({ DATABASE_URL: await server!.newDatabase() }));
}

afterAll(() => rmSync(tempDir, { recursive: true, force: true }));

describe("store configuration", () => {
  it("defaults to ./costcurve.db, honours COSTCURVE_DB and prefers DATABASE_URL", () => {
    expect(storeConfig({}, "/w")).toEqual({ kind: "sqlite", path: "/w/costcurve.db" });
    expect(storeConfig({ COSTCURVE_DB: "x.db" }, "/w")).toEqual({ kind: "sqlite", path: "/w/x.db" });
    expect(storeConfig({ COSTCURVE_DB: "/d/x.db", DATABASE_URL: "postgres://u@h/db" }, "/w")).toEqual({
      kind: "postgres",
      url: "postgres://u@h/db",
    });
    expect(() => storeConfig({ DATABASE_URL: "mysql://h/db" })).toThrow(/DATABASE_URL/);
  });

  it("knows whether a store is configured, and withStore closes the store even when the work throws", async () => {
    expect(storeConfigured({})).toBe(false);
    expect(storeConfigured({ COSTCURVE_DB: "x.db" })).toBe(true);
    expect(storeConfigured({ DATABASE_URL: "postgres://u@h/db" })).toBe(true);
    const env = { COSTCURVE_DB: join(tempDir, "with-store.db") };
    let opened: Awaited<ReturnType<typeof openStore>> | undefined;
    await expect(
      withStore(env, undefined, async (store) => {
        opened = store;
        await store.addSnapshot("k", 2);
        throw new Error("work failed");
      }),
    ).rejects.toThrow("work failed");
    await expect(opened!.listSnapshots("k")).rejects.toThrow(); // closed
    expect(await withStore(env, undefined, async (store) => (await store.listSnapshots("k")).length)).toBe(1);
  });

  it("does not re-apply migrations when a file is reopened", async () => {
    const path = join(tempDir, "reopen.db");
    const a = await openConfiguredStore({ kind: "sqlite", path });
    await a.addSnapshot("k", 1);
    await a.close();
    const b = await openConfiguredStore({ kind: "sqlite", path });
    expect(await b.appliedMigrations()).toHaveLength(3);
    expect(await b.listSnapshots("k")).toHaveLength(1);
    await b.close();
  });
});

describe("concurrent writers in two processes lose nothing", () => {
  const ROWS_PER_WRITER = 200;
  let writer = "";
  beforeAll(() => {
    const out = join(ROOT, "test-output", `store-child-${process.pid}`);
    mkdirSync(out, { recursive: true });
    writer = transpileForChild(join(ROOT, "src/store/concurrent-writer.ts"), join(ROOT, "src"), out);
  });
  afterAll(() => rmSync(join(ROOT, "test-output", `store-child-${process.pid}`), { recursive: true, force: true }));

  async function twoWriters(config: StoreConfig): Promise<void> {
    const args = (name: string) => [writer, JSON.stringify(config), name, String(ROWS_PER_WRITER)];
    await Promise.all([run(process.execPath, args("a"), { cwd: ROOT }), run(process.execPath, args("b"), { cwd: ROOT })]);
    const store = await openConfiguredStore(config);
    const rows = await store.listSnapshots("concurrency");
    await store.close();
    // 2 writers x 200 rows = 400 rows, each (writer, i) exactly once
    expect(rows).toHaveLength(2 * ROWS_PER_WRITER);
    const keys = new Set(rows.map((r) => JSON.stringify(r.payload)));
    expect(keys.size).toBe(2 * ROWS_PER_WRITER);
  }

  it("SQLite (WAL, busy timeout)", async () => {
    await twoWriters({ kind: "sqlite", path: join(tempDir, "concurrent.db") });
  });

  it.runIf(pgBin)("PostgreSQL", async () => {
    await twoWriters({ kind: "postgres", url: await server!.newDatabase() });
  });
});
