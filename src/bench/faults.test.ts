import { createServer } from "node:net";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type FakeBehaviour, type RunningFakeServer, DEFAULT_BEHAVIOUR, startFakeServer } from "./fake-server.js";
import { runBench } from "./runner.js";
import { LevelSummary, type RequestRecord } from "./schemas.js";
import { summarizeLevel } from "./summary.js";
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

describe("usage counts a server sends are checked against the request and the stream", () => {
  let usageServer: RunningFakeServer;
  const cases: Array<[string, Record<string, unknown>]> = [
    ["negative completion_tokens", { completion_tokens: -5 }],
    ["fractional completion_tokens", { completion_tokens: 2.5 }],
    ["completion_tokens 1e308", { completion_tokens: 1e308 }],
    ["completion_tokens over max_tokens", { completion_tokens: 11 }],
    ["completion_tokens 0 after streamed text", { completion_tokens: 0 }],
    ["negative prompt_tokens", { prompt_tokens: -1 }],
    ["prompt_tokens 1e308", { prompt_tokens: 1e308 }],
    ["prompt_tokens a string", { prompt_tokens: "6" }],
    ["cached_tokens negative", { prompt_tokens_details: { cached_tokens: -3 } }],
  ];
  beforeAll(async () => {
    usageServer = await startFakeServer({ script: (_b, i) => ({ ...DEFAULT_BEHAVIOUR, firstTokenDelaySeconds: 0.002, tokenIntervalSeconds: 0.001, outputTokens: 5, usageOverride: cases[i]?.[1] ?? {} }) });
  });
  afterAll(async () => usageServer.close());

  test("each impossible count fails its request as invalid_usage, naming the field; none reaches the totals", async () => {
    const records: RequestRecord[] = [];
    const { summaries } = await runBench(testPlan(usageServer.url, "m", { requestsPerLevel: cases.length + 1 }), { onRequest: (_l, r) => void records.push(r) });
    const s = summaries[0]!;
    // the last request gets the honest usage: 5 tokens out, 6 words in
    expect(s).toMatchObject({ requestsCompleted: 1, requestsFailed: cases.length, errors: { invalid_usage: cases.length }, totalOutputTokens: 5, totalInputTokens: 6 });
    expect(s.outputTokensPerSecond).toBeGreaterThan(0);
    for (const [i, [name]] of cases.entries()) {
      const r = records.find((x) => x.index === i)!;
      expect(r.errorType, name).toBe("invalid_usage");
      expect(r.errorMessage, name).toMatch(/server usage (completion_tokens|prompt_tokens|cached_tokens) = /);
    }
    expect(LevelSummary.safeParse(s).success).toBe(true);
  });

  test("a summary with negative or infinite numbers does not parse (calibrate and the store readers refuse it)", () => {
    const negative = { ...JSON.parse(JSON.stringify(summarizeLevel([], { load: { kind: "concurrency", concurrency: 1 }, endpoint: "chat", durationSeconds: 1, interrupted: false, slo: {} }))), outputTokensPerSecond: -3 };
    expect(LevelSummary.safeParse(negative).success).toBe(false);
    expect(LevelSummary.safeParse({ ...negative, outputTokensPerSecond: 1e400 }).success).toBe(false);
    expect(LevelSummary.safeParse({ ...negative, outputTokensPerSecond: 1, totalOutputTokens: 2.5 }).success).toBe(false);
  });
});
