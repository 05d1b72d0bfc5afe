// PostgreSQL faults against a real throwaway server: sessions terminated mid-query and mid-transaction, the server
// killed and restarted. The store, `costcurve web` and `bench --save` must keep running, say what happened, and
// lose no measured row.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pgClient from "pg";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { DEFAULT_BEHAVIOUR, type FakeBehaviour, type RunningFakeServer, startFakeServer } from "../bench/fake-server.js";
import { RequestRecord } from "../bench/schemas.js";
import { captureIo } from "../cli/io.js";
import { main } from "../cli/main.js";
import { type RunningWebServer, startWebServer } from "../web/server.js";
import { openStore } from "./open-store.js";
import { findPostgresBin, type PgTestServer, startPgTestServer } from "./pg-test-server.js";
import { StoreUnavailableError } from "./store-errors.js";

const pgBin = findPostgresBin();
const dbName = (url: string) => new URL(url).pathname.slice(1);
const quick: FakeBehaviour = { ...DEFAULT_BEHAVIOUR, firstTokenDelaySeconds: 0.003, tokenIntervalSeconds: 0.001, outputTokens: 3 };

describe.runIf(pgBin)("PostgreSQL faults", () => {
  let pg: PgTestServer;
  const dirs: string[] = [];
  beforeAll(async () => {
    pg = await startPgTestServer("costcurve_faults");
  });
  afterAll(async () => {
    await pg?.stop();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  test("a session terminated mid-query or mid-transaction fails that statement as unavailable; the pool then carries on", async () => {
    const url = await pg.newDatabase();
    const store = await openStore({ DATABASE_URL: url });
    try {
      await store.addSnapshot("k", 1);
      // a plain client sleeping, a read and a 2,000-row transaction (addBenchRequests) all in flight when every session is killed
      const client = new pgClient.Client({ connectionString: url });
      await client.connect();
      client.on("error", () => undefined);
      const sleepQuery = client.query("SELECT pg_sleep(10)").then(
        () => "finished",
        (e: Error) => e.message,
      );
      await store.saveBenchRun({ id: "r", startedAt: "2026-01-01T00:00:00Z", metadata: {} });
      const settle = (p: Promise<unknown>) =>
        p.then(
          () => "ok",
          (e: unknown) => e,
        );
      const inQuery = settle(store.searchKb("x").then(() => store.listSnapshots("k")));
      const tx = settle(
        store.addBenchRequests(
          "r",
          Array.from({ length: 2000 }, (_, seq) => ({ levelIndex: 0, seq, data: { seq } })),
        ),
      );
      await new Promise((r) => setTimeout(r, 30));
      expect(await pg.terminateConnections(dbName(url))).toBeGreaterThan(0);
      expect(await sleepQuery).toMatch(/terminat/i);
      const txOutcome = await tx;
      // the transaction either committed before the kill or failed as a whole, as StoreUnavailableError
      if (txOutcome !== "ok") expect(txOutcome).toBeInstanceOf(StoreUnavailableError);
      const readOutcome = await inQuery;
      if (readOutcome !== "ok") expect(readOutcome).toBeInstanceOf(StoreUnavailableError);
      // the same store objects keep working on fresh connections
      expect((await store.listSnapshots("k")).length).toBe(1);
      const stored = await store.getBenchRun("r");
      expect([0, 2000]).toContain(stored?.requests.length);
      await client.end().catch(() => undefined);
    } finally {
      await store.close();
    }
  });

  test("the server killed and restarted: statements fail as unavailable while it is down, and work again after", async () => {
    const url = await pg.newDatabase();
    const store = await openStore({ DATABASE_URL: url });
    try {
      await store.addSnapshot("k", 1);
      await pg.halt();
      const down = await store.listSnapshots("k").catch((e: unknown) => e);
      expect(down).toBeInstanceOf(StoreUnavailableError);
      expect((down as Error).message).toMatch(/^the PostgreSQL store is unavailable: /);
      expect((down as Error).message).not.toContain("postgres://");
      await expect(store.addBenchRequests("r", [{ levelIndex: 0, seq: 0, data: {} }])).rejects.toBeInstanceOf(StoreUnavailableError);
      await expect(openStore({ DATABASE_URL: url })).rejects.toBeInstanceOf(StoreUnavailableError);
      await pg.resume();
      expect((await store.listSnapshots("k")).length).toBe(1);
    } finally {
      await store.close();
    }
  });

  describe("costcurve web over PostgreSQL", () => {
    let web: RunningWebServer;
    let url: string;
    const logged: string[] = [];
    beforeAll(async () => {
      url = await pg.newDatabase();
      web = await startWebServer({ env: { DATABASE_URL: url }, log: (t) => void logged.push(t) });
    });
    afterAll(() => web?.close());

    test("sessions killed mid-request: every answer is a 200 or a 503 naming the store, and the server keeps answering", async () => {
      expect((await fetch(`${web.url}/api/runs`)).status).toBe(200);
      const statuses: number[] = [];
      const bodies: string[] = [];
      let killing = true;
      const killer = (async () => {
        while (killing) {
          await pg.terminateConnections(dbName(url)).catch(() => 0);
          await new Promise((r) => setTimeout(r, 5));
        }
      })();
      await Promise.all(
        Array.from({ length: 24 }, async () => {
          const res = await fetch(`${web.url}/api/runs`);
          statuses.push(res.status);
          bodies.push(await res.text());
        }),
      );
      killing = false;
      await killer;
      for (const [i, status] of statuses.entries()) {
        expect([200, 503], bodies[i]).toContain(status);
        if (status === 503) expect(JSON.parse(bodies[i]!).error).toMatch(/PostgreSQL store is unavailable/);
      }
      expect(logged.join("")).toBe("");
      expect((await fetch(`${web.url}/api/runs`)).status).toBe(200);
    });

    test("the server down: the store's pages and API answer 503 with a reason and Retry-After, the rest 200; back when it is", async () => {
      await pg.halt();
      try {
        const api = await fetch(`${web.url}/api/runs`);
        expect(api.status).toBe(503);
        expect(api.headers.get("retry-after")).toBe("5");
        const body = (await api.json()) as { error: string };
        expect(body.error).toMatch(/^the PostgreSQL store is unavailable: .*; try again shortly$/);
        expect(body.error).not.toMatch(/\n\s+at /);
        const page = await fetch(`${web.url}/runs`, { headers: { accept: "text/html" } });
        expect(page.status).toBe(503);
        expect(await page.text()).toContain("PostgreSQL store is unavailable");
        expect((await fetch(`${web.url}/api/accelerators`)).status).toBe(200);
      } finally {
        await pg.resume();
      }
      expect((await fetch(`${web.url}/api/runs`)).status).toBe(200);
      expect(logged.join("")).toBe("");
    });
  });

  describe("bench --save with PostgreSQL killed mid-run", () => {
    let fake: RunningFakeServer;
    afterAll(() => fake?.close());

    test("a clear error without a stack, exit 1; rows saved before the kill are in the store, the rest in the unsaved file and --out", async () => {
      const url = await pg.newDatabase();
      let halted: Promise<void> | null = null;
      fake = await startFakeServer({
        script: (_b, i) => {
          // about 0.5 s into a 0.8 s run: the first batches (every 250 ms) are in, the rest are not
          if (i === 40) halted = pg.halt();
          return { ...quick, firstTokenDelaySeconds: 0.02 };
        },
      });
      const dir = mkdtempSync(join(tmpdir(), "costcurve-pgsave-"));
      dirs.push(dir);
      const io = captureIo({ DATABASE_URL: url }, dir);
      const code = await main(["bench", "--url", fake.url, "--model", "m", "--concurrency", "2", "--requests", "60", "--dataset", "random:input=10,output=3", "--save", "--out", "out"], io);
      await halted;
      const err = io.err.join("");
      expect(code, err).toBe(1);
      expect(err).toMatch(/warning: --save: the PostgreSQL store is unavailable: .*; the rows are kept and written again when the store answers/);
      expect(err).toMatch(/costcurve: --save: could not save run (\S+) to the PostgreSQL store \(DATABASE_URL\): the PostgreSQL store is unavailable: /);
      expect(err).not.toMatch(/\n\s+at |internal error/);
      expect(err).not.toContain(url);
      const id = /could not save run (\S+) to/.exec(err)![1]!;
      const outRows = readFileSync(join(dir, "out", "requests-c2.jsonl"), "utf8")
        .trim()
        .split("\n")
        .map((l) => RequestRecord.parse(JSON.parse(l)));
      expect(outRows).toHaveLength(60);
      const unsavedFile = join(dir, "out", `unsaved-run-${id}.json`);
      expect(err).toContain(unsavedFile);
      expect(existsSync(unsavedFile)).toBe(true);
      const unsaved = JSON.parse(readFileSync(unsavedFile, "utf8")) as { requests: Array<{ seq: number }>; levels: unknown[] };
      await pg.resume();
      const store = await openStore({ DATABASE_URL: url });
      let stored: Array<{ seq: number }> = [];
      try {
        stored = (await store.getBenchRun(id))?.requests ?? [];
      } finally {
        await store.close();
      }
      // what the store got before the kill plus what it did not get is every measured request, each once
      const seqs = [...stored.map((r) => r.seq), ...unsaved.requests.map((r) => r.seq)].sort((a, b) => a - b);
      expect(seqs).toEqual([...Array(60).keys()]);
      expect(stored.length).toBeGreaterThan(0);
      expect(readdirSync(join(dir, "out")).sort()).toEqual(["requests-c2.jsonl", "run.json", "summary-c2.json", `unsaved-run-${id}.json`]);
    });
  });
});
