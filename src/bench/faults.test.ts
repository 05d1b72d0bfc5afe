import { createServer } from "node:net";
import { afterAll, beforeAll, expect, test } from "vitest";
import { type FakeBehaviour, type RunningFakeServer, DEFAULT_BEHAVIOUR, startFakeServer } from "./fake-server.js";
import { runBench } from "./runner.js";
import { testPlan } from "./test-support/plan.js";

// One scripted fault per request index; request 0 and 9 succeed. Every fault is counted by type
// and the run still completes all 10 requests.
const FAULTS: Array<Partial<FakeBehaviour>> = [
  {},
  { status: 500 },
  { status: 429 },
  { fault: "hang" },
  { fault: "drop", faultAfterTokens: 3 },
  { fault: "no_done", faultAfterTokens: 2 },
  { fault: "malformed", faultAfterTokens: 1 },
  { fault: "empty" },
  { fault: "error_event", faultAfterTokens: 2 },
  {},
];

let server: RunningFakeServer;
beforeAll(async () => {
  server = await startFakeServer({ script: (_b, i) => ({ ...DEFAULT_BEHAVIOUR, firstTokenDelaySeconds: 0.005, tokenIntervalSeconds: 0.002, outputTokens: 5, ...FAULTS[i % FAULTS.length] }) });
});
afterAll(async () => server.close());

test("every fault type is counted by type and the run completes", async () => {
  const plan = testPlan(server.url, "m", { requestsPerLevel: 10 });
  plan.target.timeoutSeconds = 0.3;
  const { summaries, interrupted } = await runBench(plan);
  const s = summaries[0]!;
  expect(interrupted).toBe(false);
  expect(s.requestsCompleted).toBe(2);
  expect(s.requestsFailed).toBe(8);
  expect(s.errors).toEqual({
    http_500: 1,
    http_429: 1,
    timeout: 1,
    connection_dropped: 2,
    malformed_sse: 1,
    empty_response: 1,
    stream_error: 1,
  });
  // failed requests add no tokens: 2 good requests x 5 tokens
  expect(s.totalOutputTokens).toBe(10);
});

test("a refused connection is counted and the level still ends", async () => {
  // take a free port, then close it so nothing listens there
  const port = await new Promise<number>((resolve) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const p = (probe.address() as { port: number }).port;
      probe.close(() => resolve(p));
    });
  });
  const { summaries } = await runBench(testPlan(`http://127.0.0.1:${port}`, "m", { requestsPerLevel: 2 }));
  expect(summaries[0]!.errors).toEqual({ connection_refused: 2 });
  expect(summaries[0]!.requestsCompleted).toBe(0);
  expect(summaries[0]!.e2eSeconds.mean).toBeNull();
  expect(summaries[0]!.requestsPerSecond).toBe(0);
});
