import { describe, expect, it } from "vitest";
import { simulateServing, type SimulationInput, type SimulationPolicy } from "./simulate.js";
import type { StepLoad } from "./step.js";

const policy = (over: Partial<SimulationPolicy> = {}): SimulationPolicy => ({
  scheduler: "vllm",
  maxBatchSequences: 256,
  maxBatchedTokens: 8192,
  kvCapacityBytes: 1e12,
  kvBytesAt: (ctx) => ctx * 1000,
  blockTokens: 16,
  tokensPerDecodeStep: 1,
  tokensFedPerDecode: 1,
  draftFactor: 1,
  ...over,
});

// A step costs 10 ms fixed, 0.1 ms per prefill token and 0.5 ms per decoding sequence.
const linearStep = (load: StepLoad): number => 0.01 + 1e-4 * load.prefillTokenCount + 5e-4 * load.decodeSequenceCount;

const base = (over: Partial<SimulationInput>): SimulationInput => ({
  arrivals: { kind: "closed", concurrency: 1 },
  lengths: { kind: "fixed" },
  inputTokens: 100,
  outputTokens: 10,
  requestCount: 1,
  seed: 1,
  policy: policy(),
  stepSeconds: linearStep,
  ...over,
});

describe("simulateServing", () => {
  it("one request: TTFT is one prefill step, TPOT one decode step", () => {
    const r = simulateServing(base({}));
    // prefill step: 0.01 + 100 x 1e-4 = 0.020 s; decode step: 0.01 + 5e-4 = 0.0105 s; 9 decode steps.
    expect(r.ttft.meanSeconds).toBeCloseTo(0.02, 9);
    expect(r.tpot.meanSeconds).toBeCloseTo(0.0105, 9);
    expect(r.e2e.meanSeconds).toBeCloseTo(0.02 + 9 * 0.0105, 9);
    expect(r.steps).toBe(10);
    expect(r.outputTokensPerSecond).toBeCloseTo(10 / (0.02 + 9 * 0.0105), 6);
  });

  it("a static batch prefills together then decodes together", () => {
    const r = simulateServing(base({ arrivals: { kind: "static" }, requestCount: 8 }));
    // one prefill step of 800 tokens: 0.01 + 0.08 = 0.09 s; then 9 decode steps of 8: 0.01 + 0.004 = 0.014 s.
    expect(r.ttft.meanSeconds).toBeCloseTo(0.09, 9);
    expect(r.ttft.p99Seconds).toBeCloseTo(0.09, 9);
    expect(r.tpot.meanSeconds).toBeCloseTo(0.014, 9);
    expect(r.durationSeconds).toBeCloseTo(0.09 + 9 * 0.014, 9);
  });

  it("a closed loop at concurrency 8 starts every slot at once: the first wave queues behind the token budget", () => {
    // budget 200 tokens: two prompts per step. Wave 1: steps at 0.03 s each carry 2 new prompts (plus decodes).
    const r = simulateServing(base({ arrivals: { kind: "closed", concurrency: 8 }, requestCount: 8, policy: policy({ maxBatchedTokens: 200 }) }));
    expect(r.queue.p99Seconds).toBeGreaterThan(0.05);
    expect(r.ttft.p99Seconds).toBeGreaterThan(r.ttft.p50Seconds * 0.99);
    expect(r.peakRunning).toBe(8);
  });

  it("a queue at a known rate: single server, constant service, Poisson arrivals give M/D/1 waits", () => {
    // Prefill-only requests (1 output token), one sequence at a time, service s = 0.01 + 0.01 = 0.02 s.
    // lambda = 25/s, rho = 0.5: Wq = lambda s^2 / (2 (1 - rho)) = 25 x 4e-4 / 1 = 0.010 s; TTFT = Wq + s = 0.030 s.
    const r = simulateServing(base({ arrivals: { kind: "poisson", requestsPerSecond: 25 }, outputTokens: 1, requestCount: 40_000, policy: policy({ maxBatchSequences: 1 }) }));
    expect(r.queue.meanSeconds).toBeGreaterThan(0.01 * 0.93);
    expect(r.queue.meanSeconds).toBeLessThan(0.01 * 1.07);
    expect(r.ttft.meanSeconds).toBeCloseTo(0.03, 2);
    expect(r.requestsPerSecond).toBeGreaterThan(25 * 0.97);
    expect(r.requestsPerSecond).toBeLessThan(25 * 1.03);
  });

  it("is deterministic for a seed and varies with it", () => {
    const input = base({ arrivals: { kind: "poisson", requestsPerSecond: 20 }, lengths: { kind: "uniform", rangeRatio: 0.5 }, requestCount: 200 });
    const a = simulateServing(input);
    const b = simulateServing(input);
    const c = simulateServing({ ...input, seed: 2 });
    expect(a).toEqual(b);
    expect(c.ttft.meanSeconds).not.toBe(a.ttft.meanSeconds);
  });

  it("preempts and recomputes when the KV cache fills (vLLM), never under TensorRT-LLM's reservation", () => {
    // Cache for 1,000 tokens; 8 requests of 100 + 200 tokens at once need 2,400.
    const tight = { kvCapacityBytes: 1000 * 1000 };
    const v = simulateServing(base({ arrivals: { kind: "closed", concurrency: 8 }, outputTokens: 200, requestCount: 8, policy: policy(tight) }));
    expect(v.preemptions).toBeGreaterThan(0);
    expect(v.kvLimited).toBe(true);
    const t = simulateServing(base({ arrivals: { kind: "closed", concurrency: 8 }, outputTokens: 200, requestCount: 8, policy: policy({ ...tight, scheduler: "trtllm" }) }));
    expect(t.preemptions).toBe(0);
    // TensorRT-LLM reserves prompt + output (300 tokens) per request: at most 3 run at once.
    expect(t.peakRunning).toBe(3);
    expect(v.completedRequests).toBe(8);
    expect(t.completedRequests).toBe(8);
  });

  it("SGLang pauses decodes for a prefill batch; vLLM mixes them", () => {
    const args = base({ arrivals: { kind: "poisson", requestsPerSecond: 30 }, outputTokens: 50, requestCount: 300 });
    const v = simulateServing(args);
    const s = simulateServing({ ...args, policy: policy({ scheduler: "sglang" }) });
    // Separate prefill steps stretch the decodes' gaps: SGLang's p99 ITL is one prefill step, vLLM's a mixed one.
    expect(s.itl.p99Seconds).toBeGreaterThan(0);
    expect(v.completedRequests).toBe(300);
    expect(s.completedRequests).toBe(300);
    expect(Number.isFinite(s.tpot.meanSeconds) && Number.isFinite(v.tpot.meanSeconds)).toBe(true);
  });

  it("speculative decoding emits several tokens per step", () => {
    const r = simulateServing(base({ policy: policy({ tokensPerDecodeStep: 2, tokensFedPerDecode: 3 }), outputTokens: 11 }));
    // after the prefill's first token, 10 more at 2 per step: 5 decode steps of 0.0105 s.
    expect(r.steps).toBe(6);
    expect(r.tpot.meanSeconds).toBeCloseTo((5 * 0.0105) / 10, 9);
  });
});
