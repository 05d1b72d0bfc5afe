import { describe, expect, test } from "vitest";
import { openStore } from "../store/open-store.js";
import { newRunId, RunSaveError, RunSaver, type StoredRunMetadata } from "./save-run.js";
import { REDACTED, secretScrubber } from "./scrub.js";
import type { RequestRecord } from "./schemas.js";
import { summarizeLevel } from "./summary.js";

const KEY = "sk-test-9b1f0c7e2d";

function record(index: number, errorMessage: string | null = null): RequestRecord {
  const ok = errorMessage === null;
  return {
    index,
    ok,
    errorType: ok ? null : "http_error",
    httpStatus: ok ? null : 401,
    errorMessage,
    intendedStartSeconds: 0,
    sendDelaySeconds: 0,
    ttftSeconds: ok ? 0.1 : null,
    e2eSeconds: ok ? 0.5 : null,
    tpotSeconds: ok ? 0.1 : null,
    itlSeconds: ok ? [0.1, 0.1, 0.1, 0.1] : [],
    inputTokens: ok ? 10 : 0,
    outputTokens: ok ? 5 : 0,
    tokenCountSource: "server",
    contentChunks: ok ? 5 : 0,
    meetsSlo: ok,
  };
}

const summary = (concurrency: number, records: RequestRecord[], interrupted = false) => summarizeLevel(records, { load: { kind: "concurrency", concurrency }, endpoint: "chat", durationSeconds: 1, interrupted, slo: {} });

const metadata = (url: string): StoredRunMetadata => ({
  tool: "costcurve bench",
  clientVersion: "0.0.0-test",
  startedAt: "2026-11-22T10:15:00.000Z",
  finishedAt: null,
  url,
  model: "m",
  endpoint: "chat",
  dataset: "random:input=10,output=5",
  levels: ["c1", "c2"],
  loads: [
    { kind: "concurrency", concurrency: 1 },
    { kind: "concurrency", concurrency: 2 },
  ],
  completedLevels: [],
  interrupted: false,
  requestsPerLevel: 2,
  durationSecondsPerLevel: null,
  timeoutSeconds: 600,
  seed: 1,
  slo: {},
});

describe("run ids", () => {
  test("run ids start with the UTC start time to the second", () => {
    expect(newRunId("2026-11-22T10:15:00.123Z")).toMatch(/^20261122T101500Z-[0-9a-f]{6}$/);
  });
});

describe("RunSaver", () => {
  test("metadata first, request rows in batches as they complete, each summary at its level's end, final metadata at finish; no secret is stored", async () => {
    const store = await openStore({ COSTCURVE_DB: ":memory:" });
    try {
      const saver = new RunSaver(store, { id: "run-1", label: "mine", metadata: metadata("http://bob:hunter22@127.0.0.1:9/"), scrub: secretScrubber([KEY, "hunter22"]), batchRows: 2, flushMs: 20 });
      saver.levelStart();
      saver.request(record(0));
      // one row waits for its batch at most flushMs (20 ms)
      await new Promise((r) => setTimeout(r, 60));
      await saver.settled();
      let stored = await store.getBenchRun("run-1");
      expect(stored?.requests.map((r) => `${r.levelIndex}:${r.seq}`)).toEqual(["0:0"]);
      expect(stored?.levels).toEqual([]);
      const c1 = [record(0), record(1, `HTTP 401: Incorrect API key provided: ${KEY}`)];
      saver.request(c1[1]!);
      saver.levelEnd(summary(1, c1));
      await saver.settled();
      stored = await store.getBenchRun("run-1");
      // level 0's summary and both its rows are there as soon as it ends
      expect(stored?.levels.map((l) => l.levelIndex)).toEqual([0]);
      expect(stored?.requests.map((r) => `${r.levelIndex}:${r.seq}`)).toEqual(["0:0", "0:1"]);
      expect(stored?.run.metadata).toMatchObject({ url: "http://127.0.0.1:9/", completedLevels: ["c1"], finishedAt: null });

      saver.levelStart();
      const c2 = [record(0), record(1), record(2)];
      for (const r of c2) saver.request(r);
      // Ctrl-C during c2: its summary is marked interrupted and it is not a completed level
      saver.levelEnd(summary(2, c2, true));
      await saver.finish({ interrupted: true, finishedAt: "2026-11-22T10:16:00.000Z" });

      stored = await store.getBenchRun("run-1");
      expect(stored?.run).toMatchObject({ id: "run-1", label: "mine", startedAt: "2026-11-22T10:15:00.000Z" });
      expect(stored?.run.metadata).toMatchObject({ completedLevels: ["c1"], interrupted: true, finishedAt: "2026-11-22T10:16:00.000Z", clientVersion: "0.0.0-test" });
      // 2 rows in level 0, 3 in level 1
      expect(stored?.requests.map((r) => `${r.levelIndex}:${r.seq}`)).toEqual(["0:0", "0:1", "1:0", "1:1", "1:2"]);
      expect(stored?.levels.map((l) => (l.summary as { requestsCompleted: number }).requestsCompleted)).toEqual([1, 3]);
      const text = JSON.stringify(stored);
      expect(text).not.toContain(KEY);
      expect(text).not.toContain("hunter22");
      expect((stored?.requests[1]?.data as RequestRecord).errorMessage).toBe(`HTTP 401: Incorrect API key provided: ${REDACTED}`);
    } finally {
      await store.close();
    }
  });

  test("a store that fails and comes back loses nothing: failed writes stay queued and are written again", async () => {
    const store = await openStore({ COSTCURVE_DB: ":memory:" });
    let down = true;
    const problems: unknown[] = [];
    const flaky = {
      saveBenchRun: async (run: Parameters<typeof store.saveBenchRun>[0]) => (down ? Promise.reject(new Error("connection terminated")) : store.saveBenchRun(run)),
      saveBenchLevel: async (id: string, i: number, s: unknown) => (down ? Promise.reject(new Error("connection terminated")) : store.saveBenchLevel(id, i, s)),
      addBenchRequests: async (id: string, rows: Parameters<typeof store.addBenchRequests>[1]) => (down ? Promise.reject(new Error("connection terminated")) : store.addBenchRequests(id, rows)),
    };
    try {
      const saver = new RunSaver(flaky, { id: "r", label: "", metadata: metadata("http://127.0.0.1:9"), scrub: secretScrubber([]), batchRows: 2, flushMs: 5, retryDelayMs: 10, onProblem: (e) => void problems.push(e) });
      saver.levelStart();
      const rows = [0, 1, 2, 3, 4].map((i) => record(i));
      for (const r of rows) saver.request(r);
      expect(() => saver.levelEnd(summary(1, rows))).not.toThrow();
      await saver.settled();
      // told once, however many writes failed
      expect(problems).toHaveLength(1);
      expect(saver.pending()).toBe(5 + 1 + 1);
      setTimeout(() => void (down = false), 15);
      await saver.finish({ interrupted: false, finishedAt: "2026-11-22T10:16:00.000Z" });
      const stored = await store.getBenchRun("r");
      expect(stored?.requests.map((r) => r.seq)).toEqual([0, 1, 2, 3, 4]);
      expect(stored?.levels).toHaveLength(1);
      expect(stored?.run.metadata).toMatchObject({ finishedAt: "2026-11-22T10:16:00.000Z", completedLevels: ["c1"] });
    } finally {
      await store.close();
    }
  });

  test("a store that stays down: finish() retries, then throws RunSaveError holding every unsaved row", async () => {
    const calls: string[] = [];
    const fail = (what: string) => async () => {
      calls.push(what);
      throw new Error("disk full");
    };
    const sink = { saveBenchRun: fail("run"), saveBenchLevel: fail("level"), addBenchRequests: fail("requests") };
    const saver = new RunSaver(sink, { id: "r", label: "", metadata: metadata("http://127.0.0.1:9"), scrub: secretScrubber([KEY]), finishRetries: 2, retryDelayMs: 1 });
    saver.levelStart();
    saver.request(record(0));
    saver.request(record(1, `bad key ${KEY}`));
    expect(() => saver.levelEnd(summary(1, [record(0)]))).not.toThrow();
    const error = await saver.finish({ interrupted: false, finishedAt: "2026-11-22T10:16:00.000Z" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RunSaveError);
    const unsaved = (error as RunSaveError).unsaved;
    expect(unsaved.requests.map((r) => r.seq)).toEqual([0, 1]);
    expect(unsaved.levels.map((l) => l.levelIndex)).toEqual([0]);
    expect(JSON.stringify(unsaved)).not.toContain(KEY);
    // the run row goes first (rows refer to it): each sync stops at its failure; 1 at the start + 1 at the level end + 3 finish rounds
    expect(calls.every((c) => c === "run")).toBe(true);
    expect(calls.length).toBeGreaterThanOrEqual(3);
  });
});
