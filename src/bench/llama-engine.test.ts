// Real-engine tests: llama.cpp (node-llama-cpp's prebuilt CPU build, 1 thread) serving a generated
// random-weight GGUF model behind costcurve's OpenAI-compatible server. In CI (CI=true) they must run:
// an engine that cannot load fails the suite; elsewhere they are skipped with a printed reason.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { randomPrompts } from "./dataset.js";
import { type RunningLlamaServer, startLlamaServer } from "./llama-server.js";
import { runBench } from "./runner.js";
import { testPlan } from "./test-support/plan.js";
import { tinyModelPath } from "./gguf-model.js";

let server: RunningLlamaServer | null = null;
let loadError: unknown = null;
beforeAll(async () => {
  try {
    server = await startLlamaServer({ modelPath: tinyModelPath("f16"), sequenceCount: 4, threads: 1 });
  } catch (error) {
    loadError = error;
    if (process.env.CI === "true") throw new Error(`llama.cpp engine failed to load in CI: ${String(error)}`);
    console.warn(`skipping real-engine tests: node-llama-cpp could not load (${String(error)})`);
  }
});
afterAll(async () => server?.close());

const engine = () => {
  if (server === null) throw new Error(`engine not loaded: ${String(loadError)}`);
  return server;
};

describe("benchmark client against llama.cpp", () => {
  test("streaming completions: exact token counts from usage, every metric present", async (ctx) => {
    if (server === null && process.env.CI !== "true") return ctx.skip();
    // 32 random words -> BOS + 32 word tokens = 33 prompt tokens (each word is one vocabulary token);
    // ignore_eos and max_tokens 16 -> exactly 16 output tokens and 15 ITL gaps per request
    const prompts = randomPrompts({ inputTokens: 32, outputTokens: 16, spreadFraction: 0 }, 6, 3);
    const plan = testPlan(engine().url, "tiny", {
      endpoint: "completions",
      prompts,
      requestsPerLevel: 6,
      levels: [
        { kind: "concurrency", concurrency: 1 },
        { kind: "concurrency", concurrency: 2 },
      ],
    });
    const { summaries } = await runBench(plan);
    for (const s of summaries) {
      expect(s.errors).toEqual({});
      expect(s.requestsCompleted).toBe(6);
      expect(s.totalInputTokens).toBe(6 * 33);
      expect(s.totalOutputTokens).toBe(6 * 16);
      expect(s.localTokenCountRequests).toBe(0);
      expect(s.itlSeconds.count).toBe(6 * 15);
      expect(s.ttftSeconds.p50!).toBeGreaterThan(0);
      expect(s.tpotSeconds.p50!).toBeGreaterThan(0);
      // decode of a 64-wide, 2-layer model takes well under 50 ms per token even on a busy CPU
      expect(s.tpotSeconds.p50!).toBeLessThan(0.05);
      expect(s.e2eSeconds.p50!).toBeGreaterThan(s.ttftSeconds.p50!);
    }
  });

  test("streaming chat: the role-only first chunk is not the first token", async (ctx) => {
    if (server === null && process.env.CI !== "true") return ctx.skip();
    const prompts = randomPrompts({ inputTokens: 20, outputTokens: 8, spreadFraction: 0 }, 4, 5);
    const records: Array<{ contentChunks: number; outputTokens: number; ttftSeconds: number | null }> = [];
    const { summaries } = await runBench(testPlan(engine().url, "tiny", { prompts, requestsPerLevel: 4 }), { onRequest: (_l, r) => void records.push(r) });
    expect(summaries[0]!.errors).toEqual({});
    // the server sends a role chunk before any token; only the 8 token chunks are content
    for (const r of records) expect(r).toMatchObject({ contentChunks: 8, outputTokens: 8 });
  });

  test("embeddings: E2E and input tokens from usage", async (ctx) => {
    if (server === null && process.env.CI !== "true") return ctx.skip();
    // 12 words -> 12 tokens (the server counts the input without BOS)
    const prompts = randomPrompts({ inputTokens: 12, outputTokens: 1, spreadFraction: 0 }, 3, 9);
    const { summaries } = await runBench(testPlan(engine().url, "tiny", { endpoint: "embeddings", prompts, requestsPerLevel: 3 }));
    const s = summaries[0]!;
    expect(s.errors).toEqual({});
    expect(s.totalInputTokens).toBe(36);
    expect(s.e2eSeconds.p50!).toBeGreaterThan(0);
    expect(s.ttftSeconds.count).toBe(0);
  });

  test("no prompt caching: the same long prompt costs a full prefill every time", async (ctx) => {
    if (server === null && process.env.CI !== "true") return ctx.skip();
    // with a cached prefix the second TTFT would be one token's work instead of 1500 tokens' prefill
    const [prompt] = randomPrompts({ inputTokens: 1500, outputTokens: 2, spreadFraction: 0 }, 1, 11);
    const ttfts: number[] = [];
    await runBench(testPlan(engine().url, "tiny", { endpoint: "completions", prompts: [prompt!], requestsPerLevel: 4 }), { onRequest: (_l, r) => void ttfts.push(r.ttftSeconds!) });
    const first = Math.min(ttfts[0]!, ttfts[1]!);
    expect(Math.min(ttfts[2]!, ttfts[3]!)).toBeGreaterThan(first * 0.5);
  });
});

describe("generated GGUF models in every precision load and generate", () => {
  test.each(["f32", "q8_0"] as const)("%s", async (precision) => {
    if (server === null && process.env.CI !== "true") return;
    const other = await startLlamaServer({ modelPath: tinyModelPath(precision), sequenceCount: 1 });
    try {
      const { summaries } = await runBench(testPlan(other.url, "tiny", { endpoint: "completions", requestsPerLevel: 1 }));
      expect(summaries[0]!.errors).toEqual({});
      expect(summaries[0]!.totalOutputTokens).toBe(10);
    } finally {
      await other.close();
    }
  });
});
