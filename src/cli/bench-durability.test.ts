// bench --save durability: a kill -9 keeps every request that completed (rows are written as they complete), and
// a SQLite lock held by another connection during the run and its save delays the writes but loses no row.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, test } from "vitest";
import { DEFAULT_BEHAVIOUR, type FakeBehaviour, type RunningFakeServer, startFakeServer } from "../bench/fake-server.js";
import { RequestRecord } from "../bench/schemas.js";
import { openStore } from "../store/open-store.js";
import { captureIo } from "./io.js";
import { main } from "./main.js";

const dirs: string[] = [];
const servers: RunningFakeServer[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), "costcurve-durable-"));
  dirs.push(dir);
  return dir;
};
afterAll(async () => {
  for (const s of servers) await s.close();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const quick: FakeBehaviour = { ...DEFAULT_BEHAVIOUR, firstTokenDelaySeconds: 0.003, tokenIntervalSeconds: 0.001, outputTokens: 3 };

async function storedRows(db: string): Promise<{ metadata: unknown; rows: RequestRecord[] }> {
  const store = await openStore({ COSTCURVE_DB: db });
  try {
    const [run] = await store.listBenchRuns();
    const stored = await store.getBenchRun(run!.id);
    return { metadata: stored!.run.metadata, rows: stored!.requests.map((r) => RequestRecord.parse(r.data)) };
  } finally {
    await store.close();
  }
}

describe("bench --save durability", () => {
  test("kill -9 of a running bench: every request that completed is in the SQLite store", async () => {
    const bin = join(process.cwd(), "bin", "costcurve.js");
    if (!existsSync(join(process.cwd(), "dist", "store", "bench-writer.js"))) throw new Error("dist/ is missing or stale: run `npx tsc -p tsconfig.build.json` first (npm test does)");
    // the first 12 requests complete; from the 13th on the server never answers, so the run is mid-level when killed
    const COMPLETED = 12;
    const server = await startFakeServer({ script: (_b, i) => (i < COMPLETED ? quick : { ...quick, fault: "hang" }) });
    servers.push(server);
    const db = join(tempDir(), "store.db");
    const child = spawn(process.execPath, [bin, "bench", "--url", server.url, "--model", "m", "--concurrency", "2", "--requests", "40", "--dataset", "random:input=10,output=3", "--save"], {
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, COSTCURVE_DB: db, DATABASE_URL: "" },
    });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => void (stderr += d.toString()));
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on("exit", (_code, signal) => resolve(signal)));
    // 12 answered + 2 hanging: the client has recorded all 12 answers before it sent the 13th and 14th
    const deadline = performance.now() + 20_000;
    while (server.requests.length < COMPLETED + 2 && performance.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(server.requests.length, stderr).toBe(COMPLETED + 2);
    // longer than one batch wait (250 ms), far shorter than the run (40 requests, most never answered)
    await new Promise((r) => setTimeout(r, 750));
    child.kill("SIGKILL");
    expect(await exited).toBe("SIGKILL");
    const { metadata, rows } = await storedRows(db);
    expect(metadata).toMatchObject({ finishedAt: null, completedLevels: [] });
    expect(rows.map((r) => r.index).sort((a, b) => a - b)).toEqual([...Array(COMPLETED).keys()]);
    expect(rows.every((r) => r.ok && r.outputTokens === 3)).toBe(true);
  });

  test("a write lock held by another connection through the run and its end: the run finishes, every row is saved", async () => {
    const dir = tempDir();
    const db = join(dir, "store.db");
    let lock: Database.Database | null = null;
    let released = 0;
    const server = await startFakeServer({
      script: (_b, i) => {
        // at the 4th request another connection takes the write lock for 1.5 s, past the run's end
        if (i === 3) {
          lock = new Database(db);
          lock.exec("BEGIN IMMEDIATE");
          setTimeout(() => {
            lock!.exec("COMMIT");
            lock!.close();
            released = performance.now();
          }, 1500);
        }
        return quick;
      },
    });
    servers.push(server);
    const io = captureIo({ COSTCURVE_DB: db }, dir);
    const started = performance.now();
    const code = await main(["bench", "--url", server.url, "--model", "m", "--concurrency", "2", "--requests", "30", "--dataset", "random:input=10,output=3", "--save", "--json"], io);
    expect(code, io.err.join("")).toBe(0);
    expect(lock).not.toBeNull();
    // the save waited for the lock (it ended after the lock went) instead of failing or blocking the requests
    expect(released).toBeGreaterThan(0);
    expect(performance.now() - started).toBeLessThan(15_000);
    expect(io.err.join("")).toMatch(/saved run \S+ to /);
    const summary = JSON.parse(io.out.join("")) as { requestsCompleted: number; e2eSeconds: { p99: number } };
    expect(summary.requestsCompleted).toBe(30);
    // no request was held up by the lock: each took milliseconds, not the 1.5 s the lock lasted
    expect(summary.e2eSeconds.p99).toBeLessThan(0.5);
    const { rows, metadata } = await storedRows(db);
    expect(rows.map((r) => r.index).sort((a, b) => a - b)).toEqual([...Array(30).keys()]);
    expect(metadata).toMatchObject({ completedLevels: ["c2"], interrupted: false });
  });
});
