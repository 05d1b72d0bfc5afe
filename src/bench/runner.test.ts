import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type RunningFakeServer, DEFAULT_BEHAVIOUR, startFakeServer } from "./fake-server.js";
import { poissonArrivalSeconds, seededRandom } from "./rng.js";
import { runBench } from "./runner.js";
import { testPlan } from "./test-support/plan.js";

// Timing tolerances. The fake server never sends a chunk early (fake-server.ts `at` re-arms timers
// until performance.now() has passed the target), so every measured latency is the scripted value
// plus a non-negative delay (loopback, event-loop turns, a busy machine). LOW allows for the
// microsecond rounding of the HDR histogram (3 significant digits: 8 us steps near 10 ms, 64 us
// near 100 ms); HIGH allows 15 ms of lateness on a loaded 2-core machine running tests in parallel.
const LOW = 0.0002;
const HIGH = 0.015;

let server: RunningFakeServer;
beforeAll(async () => void (server = await startFakeServer()));
afterAll(async () => server.close());

describe("exact metrics against the scripted server", () => {
  test("TTFT skips the role-only first chunk; ITL, TPOT and E2E match the script", async () => {
    // script: role chunk at 0, first content at 100 ms, then a token every 20 ms, 10 tokens.
    // TTFT = 0.100 s; ITL = 0.020 s (9 gaps per request); E2E = 0.100 + 9 * 0.020 = 0.280 s;
    // TPOT = (0.280 - 0.100) / (10 - 1) = 0.020 s.
    const { summaries } = await runBench(testPlan(server.url, "fake:ttft=0.1,itl=0.02,tokens=10,role=1"));
    const s = summaries[0]!;
    expect(s.requestsCompleted).toBe(3);
    expect(s.ttftSeconds.p50!).toBeGreaterThan(0.1 - LOW);
    expect(s.ttftSeconds.p50!).toBeLessThan(0.1 + HIGH);
    expect(s.itlSeconds.count).toBe(27);
    expect(Math.abs(s.itlSeconds.p50! - 0.02)).toBeLessThan(0.004);
    expect(Math.abs(s.itlSeconds.mean! - 0.02)).toBeLessThan(0.002);
    expect(s.e2eSeconds.p50!).toBeGreaterThan(0.28 - LOW);
    expect(s.e2eSeconds.p50!).toBeLessThan(0.28 + HIGH);
    expect(Math.abs(s.tpotSeconds.mean! - 0.02)).toBeLessThan(0.002);
    // usage from the server: 10 output tokens; the prompt "the cat sat on the mat" is 6 words
    expect(s.totalOutputTokens).toBe(30);
    expect(s.totalInputTokens).toBe(18);
    expect(s.localTokenCountRequests).toBe(0);
    // throughput: 3 sequential requests of ~0.28 s -> duration ~0.84 s, ~3.57 requests/s, 10/0.28 = 35.7 tokens/s
    expect(s.durationSeconds).toBeGreaterThan(0.84 - 3 * LOW);
    expect(s.requestsPerSecond).toBeCloseTo(3 / s.durationSeconds, 9);
    expect(s.outputTokensPerSecond).toBeCloseTo(30 / s.durationSeconds, 9);
    expect(s.inputTokensPerSecond).toBeCloseTo(18 / s.durationSeconds, 9);
    expect(s.goodputRequestsPerSecond).toBe(s.requestsPerSecond);
  });

  test("reasoning text counts as the first token", async () => {
    // 3 reasoning tokens then content: first text of any kind at 50 ms, so TTFT = 0.050 s
    const { summaries } = await runBench(testPlan(server.url, "fake:ttft=0.05,itl=0.005,tokens=6,reasoning=3"));
    expect(summaries[0]!.ttftSeconds.p50!).toBeGreaterThan(0.05 - LOW);
    expect(summaries[0]!.ttftSeconds.p50!).toBeLessThan(0.05 + HIGH);
    expect(summaries[0]!.itlSeconds.count).toBe(15);
  });

  test("without usage the token counts are local and flagged", async () => {
    // 8 content chunks -> 8 output tokens counted locally; input falls back to the prompt's estimate (6)
    const { summaries } = await runBench(testPlan(server.url, "fake:ttft=0.01,itl=0.002,tokens=8,usage=0"));
    const s = summaries[0]!;
    expect(s.localTokenCountRequests).toBe(3);
    expect(s.totalOutputTokens).toBe(24);
    expect(s.totalInputTokens).toBe(18);
  });

  test("completions endpoint streams text chunks", async () => {
    // TTFT 30 ms, 5 tokens 10 ms apart: E2E = 0.030 + 4 * 0.010 = 0.070 s
    const { summaries } = await runBench(testPlan(server.url, "fake:ttft=0.03,itl=0.01,tokens=5", { endpoint: "completions" }));
    const s = summaries[0]!;
    expect(s.requestsCompleted).toBe(3);
    expect(s.e2eSeconds.p50!).toBeGreaterThan(0.07 - LOW);
    expect(s.e2eSeconds.p50!).toBeLessThan(0.07 + HIGH);
    expect(s.totalOutputTokens).toBe(15);
  });

  test("embeddings: E2E only, input tokens from usage", async () => {
    // the server answers after 40 ms; 6 words -> 6 prompt tokens; no TTFT, TPOT or ITL
    const { summaries } = await runBench(testPlan(server.url, "fake:ttft=0.04", { endpoint: "embeddings" }));
    const s = summaries[0]!;
    expect(s.requestsCompleted).toBe(3);
    expect(s.e2eSeconds.p50!).toBeGreaterThan(0.04 - LOW);
    expect(s.e2eSeconds.p50!).toBeLessThan(0.04 + HIGH);
    expect(s.ttftSeconds).toEqual({ mean: null, p50: null, p90: null, p99: null, count: 0 });
    expect(s.totalInputTokens).toBe(18);
    expect(s.totalOutputTokens).toBe(0);
  });
});

describe("latency counts from the intended send time", () => {
  test("Poisson arrivals follow the seeded schedule", async () => {
    const plan = testPlan(server.url, "fake:ttft=0.005,itl=0.001,tokens=2", { levels: [{ kind: "rate", requestsPerSecond: 40 }], requestsPerLevel: 12, seed: 7 });
    const records: Array<{ index: number; intendedStartSeconds: number }> = [];
    await runBench(plan, { onRequest: (_level, r) => void records.push(r) });
    // runner seeds level 0 with seed * 1000 + 0 = 7000
    const expected = poissonArrivalSeconds(12, 40, seededRandom(7000));
    records.sort((a, b) => a.index - b.index);
    expect(records.map((r) => r.intendedStartSeconds)).toEqual(expected.map((t) => expect.closeTo(t, 9)));
  });

  test("a slow client cannot hide queueing: its delay lands in TTFT", async () => {
    // the client blocks 60 ms after each finished request; at concurrency 1 the next request was
    // intended the moment the slot freed, so requests 2 and 3 show TTFT >= 0.060 + 0.020 s
    const plan = testPlan(server.url, "fake:ttft=0.02,itl=0.001,tokens=2");
    const ttfts: number[] = [];
    await runBench(plan, {
      onRequest: (_l, r) => {
        ttfts.push(r.ttftSeconds!);
        const until = performance.now() + 60;
        while (performance.now() < until);
      },
    });
    expect(ttfts[0]!).toBeLessThan(0.02 + HIGH);
    expect(ttfts[1]!).toBeGreaterThan(0.08 - LOW);
    expect(ttfts[2]!).toBeGreaterThan(0.08 - LOW);
  });

  test("goodput counts only requests meeting every SLO", async () => {
    // even requests answer in 10 ms, odd ones in 200 ms; SLO TTFT 100 ms -> 2 of 4 meet it
    const slow = await startFakeServer({ script: (_b, i) => ({ ...DEFAULT_BEHAVIOUR, firstTokenDelaySeconds: i % 2 ? 0.2 : 0.01, tokenIntervalSeconds: 0.001 }) });
    const { summaries } = await runBench(testPlan(slow.url, "m", { requestsPerLevel: 4, slo: { ttftSeconds: 0.1 } }));
    await slow.close();
    const s = summaries[0]!;
    expect(s.requestsCompleted).toBe(4);
    expect(s.goodputRequestsPerSecond).toBeCloseTo(2 / s.durationSeconds, 9);
  });

  test("the API key goes out as a Bearer header", async () => {
    const before = server.requests.length;
    await runBench(testPlan(server.url, "fake:ttft=0.001,tokens=1", { apiKey: "sk-test-123", requestsPerLevel: 1 }));
    expect(server.requests[before]!.headers.authorization).toBe("Bearer sk-test-123");
    expect(server.requests[before]!.body.stream_options).toEqual({ include_usage: true });
  });
});

describe("prompts per level", () => {
  const prompts = ["a b", "c d", "e f", "g h", "i j", "k l"].map((text) => ({ text, inputTokensEstimate: 2, outputTokens: 3 }));
  const sent = (from: number) => server.requests.slice(from).map((r) => (r.body.messages as Array<{ content: string }>)[0]!.content);
  const levels = [
    { kind: "concurrency" as const, concurrency: 1 },
    { kind: "concurrency" as const, concurrency: 2 },
  ];

  test("each level gets its own prompts by default, so a prompt cache cannot flatter the later levels", async () => {
    const from = server.requests.length;
    await runBench(testPlan(server.url, "fake:ttft=0.001,itl=0.001,tokens=3", { prompts, levels }));
    const texts = sent(from);
    expect(texts.slice(0, 3)).toEqual(["a b", "c d", "e f"]);
    expect([...texts.slice(3)].sort()).toEqual(["g h", "i j", "k l"]);
  });

  test("--reuse-prompts (reusePrompts) sends the same prompts at every level", async () => {
    const from = server.requests.length;
    await runBench(testPlan(server.url, "fake:ttft=0.001,itl=0.001,tokens=3", { prompts, levels, reusePrompts: true }));
    const texts = sent(from);
    expect([...texts.slice(3)].sort()).toEqual(texts.slice(0, 3));
  });
});
