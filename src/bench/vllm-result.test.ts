// vLLM --save-result interop. The fixture is a hand-written file in the shape vllm/benchmarks/serve.py writes
// (its result_json keys in its order, default percentiles p99 only, no e2el without --percentile-metrics, goodput
// null without --goodput); the values are illustrative, the arithmetic below is checked by hand.
import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import type { LevelSummary, RequestRecord } from "./schemas.js";
import { fromVllmResult, parseVllmResults, toVllmResult, vllmDate } from "./vllm-result.js";

const close = (actual: number | null, expected: number, rel = 1e-9) => expect(Math.abs(actual! - expected)).toBeLessThanOrEqual(Math.abs(expected) * rel + 1e-12);

const record = (index: number, ttft: number, e2e: number, outputTokens: number, itl: number[], ok = true): RequestRecord => ({
  index,
  ok,
  errorType: ok ? null : "http_error",
  httpStatus: ok ? null : 500,
  errorMessage: null,
  intendedStartSeconds: 0,
  sendDelaySeconds: 0,
  ttftSeconds: ok ? ttft : null,
  e2eSeconds: ok ? e2e : null,
  tpotSeconds: ok && outputTokens > 1 ? (e2e - ttft) / (outputTokens - 1) : null,
  itlSeconds: ok ? itl : [],
  inputTokens: ok ? 100 : 0,
  outputTokens: ok ? outputTokens : 0,
  tokenCountSource: "server",
  contentChunks: outputTokens,
  meetsSlo: ok && ttft <= 0.25,
});

// four good requests and one failure at concurrency 2 over 2 s
const records = [record(0, 0.1, 1.1, 11, [0.1, 0.1]), record(1, 0.2, 1.2, 11, [0.1]), record(2, 0.3, 1.3, 11, [0.1, 0.3]), record(3, 0.4, 1.4, 11, []), record(4, 0, 0, 0, [], false)];
const summary = { level: "c2", load: { kind: "concurrency", concurrency: 2 }, durationSeconds: 2, slo: {} } as unknown as LevelSummary;

describe("export as vllm bench serve --save-result", () => {
  const out = toVllmResult(summary, records, { model: "m", endpoint: "chat", date: vllmDate(new Date("2025-06-10T14:15:03Z")) });

  test("setup and traffic fields as vLLM names them", () => {
    expect(out).toMatchObject({ date: "20250610-141503", backend: "openai-chat", endpoint_type: "openai-chat", model_id: "m", num_prompts: 5, request_rate: "inf", burstiness: 1, max_concurrency: 2 });
  });

  test("totals and throughputs over the level's duration; goodput null without SLOs", () => {
    // 4 ok x 100 input tokens = 400, 4 x 11 = 44 output; / 2 s
    expect(out).toMatchObject({ duration: 2, completed: 4, failed: 1, total_input_tokens: 400, total_output_tokens: 44, request_throughput: 2, output_throughput: 22, total_token_throughput: 222, request_goodput: null });
    // with an SLO: requests 0 and 1 meet ttft <= 0.25 s -> 2 / 2 s = 1 req/s
    expect(toVllmResult({ ...summary, slo: { ttftSeconds: 0.25 } }, records, { model: "m", endpoint: "chat", date: "x" }).request_goodput).toBe(1);
  });

  test("TTFT in ms: numpy mean, median, population std and linear p99", () => {
    // ttft 0.1..0.4 s: mean 250 ms, median (0.2+0.3)/2 = 250 ms; std = sqrt((150^2+50^2+50^2+150^2)/4) = sqrt(12500) = 111.803 ms;
    // p99: rank 0.99 x 3 = 2.97 -> 300 + 0.97 x 100 = 397 ms
    close(out.mean_ttft_ms as number, 250);
    close(out.median_ttft_ms as number, 250);
    close(out.std_ttft_ms as number, Math.sqrt(12500));
    close(out.p99_ttft_ms as number, 397);
  });

  test("TPOT, ITL and E2EL the same way; one percentile key per --metric-percentiles value", () => {
    // every TPOT = 1 s / 10 = 100 ms, std 0
    close(out.mean_tpot_ms as number, 100);
    close(out.std_tpot_ms as number, 0);
    // ITL gaps 0.1, 0.1, 0.1, 0.1, 0.3: mean 140 ms, median 100 ms; p99 rank 3.96 -> 100 + 0.96 x 200 = 292 ms
    close(out.mean_itl_ms as number, 140);
    close(out.median_itl_ms as number, 100);
    close(out.p99_itl_ms as number, 292);
    close(out.mean_e2el_ms as number, 1250);
    const custom = toVllmResult(summary, records, { model: "m", endpoint: "chat", date: "x", percentiles: [50, 90, 99.9] });
    expect(Object.keys(custom).filter((k) => k.endsWith("_ttft_ms"))).toEqual(["mean_ttft_ms", "median_ttft_ms", "std_ttft_ms", "p50_ttft_ms", "p90_ttft_ms", "p99.9_ttft_ms"]);
  });

  test("a metric no request produced is 0, as numpy's `or 0` gives", () => {
    const failedOnly = toVllmResult(summary, [records[4]!], { model: "m", endpoint: "chat", date: "x" });
    expect([failedOnly.mean_ttft_ms, failedOnly.std_ttft_ms, failedOnly.p99_ttft_ms, failedOnly.completed]).toEqual([0, 0, 0, 0]);
  });
});

describe("import", () => {
  test("the vLLM fixture: ms to seconds, the concurrency cap as the load, chat from the backend", () => {
    const parsed = parseVllmResults(readFileSync(new URL("./fixtures/vllm-save-result.json", import.meta.url), "utf8"));
    if (!parsed.ok) throw new Error(parsed.message);
    const s = fromVllmResult(parsed.value[0]!);
    expect(s).toMatchObject({ level: "c16", load: { kind: "concurrency", concurrency: 16 }, endpoint: "chat", requestsCompleted: 198, requestsFailed: 2, durationSeconds: 41.27, totalInputTokens: 202752, totalOutputTokens: 25344 });
    close(s.ttftSeconds.mean, 0.3124);
    close(s.ttftSeconds.p50, 0.2881);
    close(s.ttftSeconds.p99, 0.6119);
    expect(s.ttftSeconds.p90).toBeNull();
    close(s.tpotSeconds.mean, 0.0246);
    close(s.itlSeconds.p99, 0.0632);
    // no e2el keys in a default generative run
    expect(s.e2eSeconds).toEqual({ mean: null, p50: null, p90: null, p99: null, count: 0 });
    close(s.outputTokensPerSecond, 614.1022534528713);
    // no --goodput: goodput is every completed request
    close(s.goodputRequestsPerSecond, 4.797673855100557);
  });

  test("costcurve's own export reads back through the same importer (round trip)", () => {
    const text = JSON.stringify(toVllmResult(summary, records, { model: "m", endpoint: "completions", date: "x", percentiles: [50, 90, 99] }));
    const parsed = parseVllmResults(text);
    if (!parsed.ok) throw new Error(parsed.message);
    const back = fromVllmResult(parsed.value[0]!);
    expect(back).toMatchObject({ level: "c2", endpoint: "completions", requestsCompleted: 4, requestsFailed: 1, totalOutputTokens: 44, durationSeconds: 2 });
    close(back.ttftSeconds.mean, 0.25);
    close(back.ttftSeconds.p90, 0.37); // rank 2.7 -> 0.3 + 0.7 x 0.1
    close(back.itlSeconds.p50, 0.1);
    close(back.e2eSeconds.mean, 1.25);
  });

  test("JSON lines (--append-result), a rate load, and a named bad field", () => {
    const base = { model_id: "m", duration: 10, completed: 10, total_input_tokens: 1000, total_output_tokens: 500, request_throughput: 1, output_throughput: 50, total_token_throughput: 150 };
    const parsed = parseVllmResults(`${JSON.stringify({ ...base, request_rate: 2, max_concurrency: null })}\n${JSON.stringify({ ...base, request_rate: "inf" })}\n`);
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsed.value.map((r) => fromVllmResult(r).load)).toEqual([
      { kind: "rate", requestsPerSecond: 2 },
      { kind: "concurrency", concurrency: 10 },
    ]);
    const bad = parseVllmResults(JSON.stringify({ ...base, request_rate: "fast" }));
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.message).toMatch(/^result 1: request_rate: /);
  });
});
