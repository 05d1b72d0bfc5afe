import { describe, expect, test } from "vitest";
import { openStore } from "../store/open-store.js";
import { newRunId, RunSaver, type StoredRunMetadata } from "./save-run.js";
import { REDACTED, secretScrubber } from "./scrub.js";
import type { RequestRecord } from "./schemas.js";
import { summarizeLevel } from "./summary.js";

const KEY = "sk-test-9b1f0c7e2d";

function record(index: number, errorMessage: string | null = null): RequestRecord {
  const ok = errorMessage === null;
  return {
    index, ok, errorType: ok ? null : "http_error", httpStatus: ok ? null : 401, errorMessage,
    intendedStartSeconds: 0, sendDelaySeconds: 0, ttftSeconds: ok ? 0.1 : null, e2eSeconds: ok ? 0.5 : null, tpotSeconds: ok ? 0.1 : null,
    itlSeconds: ok ? [0.1, 0.1, 0.1, 0.1] : [], inputTokens: ok ? 10 : 0, outputTokens: ok ? 5 : 0, tokenCountSource: "server", contentChunks: ok ? 5 : 0, meetsSlo: ok,
  };
}

const summary = (concurrency: number, records: RequestRecord[], interrupted = false) =>
  summarizeLevel(records, { load: { kind: "concurrency", concurrency }, endpoint: "chat", durationSeconds: 1, interrupted, slo: {} });

const metadata = (url: string): StoredRunMetadata => ({
  tool: "costcurve bench", clientVersion: "0.0.0-test", startedAt: "2026-11-22T10:15:00.000Z", finishedAt: null, url, model: "m", endpoint: "chat",
  dataset: "random:input=10,output=5", levels: ["c1", "c2"], loads: [{ kind: "concurrency", concurrency: 1 }, { kind: "concurrency", concurrency: 2 }],
  completedLevels: [], interrupted: false, requestsPerLevel: 2, durationSecondsPerLevel: null, timeoutSeconds: 600, seed: 1, slo: {},
});

describe("run ids", () => {
  test("run ids start with the UTC start time to the second", () => {
    expect(newRunId("2026-11-22T10:15:00.123Z")).toMatch(/^20261122T101500Z-[0-9a-f]{6}$/);
  });
});

describe("RunSaver", () => {
  test("metadata first, each summary at its level's end, request rows and final metadata at finish; no secret is stored", async () => {
    const store = await openStore({ COSTCURVE_DB: ":memory:" });
    try {
      const saver = new RunSaver(store, { id: "run-1", label: "mine", metadata: metadata("http://bob:hunter22@127.0.0.1:9/"), scrub: secretScrubber([KEY, "hunter22"]) });
      saver.levelStart();
      const c1 = [record(0), record(1, `HTTP 401: Incorrect API key provided: ${KEY}`)];
      for (const r of c1) saver.request(r);
      saver.levelEnd(summary(1, c1));
      await saver.settled();
      let stored = await store.getBenchRun("run-1");
      // level 0's summary is there as soon as it ends; its request rows wait for the run's end
      expect(stored?.levels.map((l) => l.levelIndex)).toEqual([0]);
      expect(stored?.requests).toEqual([]);
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

  test("a failing store does not stop the run; finish() reports the first failure and skips later writes", async () => {
    const calls: string[] = [];
    const sink = {
      saveBenchRun: async () => void calls.push("run"),
      saveBenchLevel: async () => {
        calls.push("level");
        throw new Error("disk full");
      },
      addBenchRequests: async () => void calls.push("requests"),
    };
    const saver = new RunSaver(sink, { id: "r", label: "", metadata: metadata("http://127.0.0.1:9"), scrub: secretScrubber([]) });
    saver.levelStart();
    saver.request(record(0));
    expect(() => saver.levelEnd(summary(1, [record(0)]))).not.toThrow();
    await expect(saver.finish({ interrupted: false, finishedAt: "2026-11-22T10:16:00.000Z" })).rejects.toThrow("disk full");
    expect(calls).toEqual(["run", "level"]);
  });
});
