// A load point from the discrete-event simulation: one scheduler (a replica, or one data-parallel attention rank) run
// request by request, with step times from the step model.
import type { ModelShape } from "./model-shape.js";
import { kvBytesPerSequence } from "./plan.js";
import type { LoadPoint, ServingPolicy } from "./serving.js";
import { tokensPerSpeculativeStep } from "./serving.js";
import { type Arrivals, type Distribution, type Lengths, type SchedulerKind, type SimulationResult, simulateServing } from "./simulate.js";
import { type Plan, type Rates, type StepLoad, stepTime } from "./step.js";

/** How the simulated benchmark is run: its arrival process, lengths and size. */
export interface BenchmarkShape {
  arrivals: Arrivals;
  lengths: Lengths;
  /** Requests issued (vllm bench serve's --num-prompts); default 8 x concurrency per scheduler, at least 64, at most 2,048. */
  requestCount?: number;
  seed?: number;
}

/** Latency distributions beside the load point's means, with the bench client's definitions. */
export interface SimulatedLatency {
  ttft: Distribution;
  tpot: Distribution;
  itl: Distribution;
  e2e: Distribution;
  queue: Distribution;
  preemptions: number;
  requestCount: number;
}

export interface SimulatedPoint {
  point: LoadPoint;
  latency: SimulatedLatency;
  result: SimulationResult;
}

/** Default request count of a simulated benchmark at `concurrency` requests per scheduler. */
export function defaultRequestCount(concurrency: number): number {
  return Math.max(64, Math.min(2048, Math.round(8 * concurrency)));
}

/**
 * Simulates one replica of `plan` under a benchmark. With data-parallel attention each of the dp ranks runs its own
 * scheduler over 1/dp of the requests and the ranks step together, so one rank is simulated and its step costs the
 * whole replica's step at dp times its load. `concurrency` is per replica for closed-loop arrivals.
 */
export function simulatedPoint(shape: ModelShape, plan: Plan, rates: Rates, policy: ServingPolicy, scheduler: SchedulerKind, kvCapacityBytes: number, input: number, output: number, bench: BenchmarkShape): SimulatedPoint {
  const dp = Math.max(1, plan.dpAttention);
  const spec = policy.speculative;
  const perStep = spec ? tokensPerSpeculativeStep(spec.draftTokens, spec.acceptanceRate) : 1;
  const fed = spec ? spec.draftTokens + 1 : 1;
  const draftFactor = 1 + (spec ? spec.draftCostFraction * spec.draftTokens : 0);
  const arrivals: Arrivals =
    bench.arrivals.kind === "closed"
      ? { kind: "closed", concurrency: Math.max(1, bench.arrivals.concurrency / dp) }
      : bench.arrivals.kind === "poisson"
        ? { kind: "poisson", requestsPerSecond: bench.arrivals.requestsPerSecond / dp }
        : bench.arrivals.kind === "gamma"
          ? { ...bench.arrivals, requestsPerSecond: bench.arrivals.requestsPerSecond / dp }
          : bench.arrivals;
  const perRankConcurrency = arrivals.kind === "closed" ? arrivals.concurrency : policy.maxBatchSequences / dp;
  const requestCount = bench.requestCount !== undefined ? Math.max(1, Math.round(bench.requestCount / dp)) : defaultRequestCount(perRankConcurrency);
  // Steps repeat with nearly the same load: memoize on the load with the context rounded to 1/64 of itself.
  const memo = new Map<string, number>();
  const scaled: StepLoad = { decodeSequenceCount: 0, decodeContextTokens: 0, decodeTokensPerSequence: fed, prefillTokenCount: 0, prefillContextTokens: 0, logitsCount: 0, prefillSequenceCount: 0 };
  const stepSeconds = (load: StepLoad): number => {
    const ctxBucket = load.decodeContextTokens > 64 ? Math.round(Math.log2(load.decodeContextTokens) * 64) : Math.round(load.decodeContextTokens);
    const preBucket = load.prefillContextTokens > 64 ? Math.round(Math.log2(load.prefillContextTokens) * 64) : Math.round(load.prefillContextTokens);
    const key = `${load.decodeSequenceCount}|${ctxBucket}|${load.prefillTokenCount}|${preBucket}|${load.prefillSequenceCount ?? 0}|${load.logitsCount}`;
    const hit = memo.get(key);
    if (hit !== undefined) return hit;
    scaled.decodeSequenceCount = load.decodeSequenceCount * dp;
    scaled.decodeContextTokens = load.decodeContextTokens;
    scaled.prefillTokenCount = load.prefillTokenCount * dp;
    scaled.prefillContextTokens = load.prefillContextTokens;
    scaled.logitsCount = load.logitsCount * dp;
    scaled.prefillSequenceCount = (load.prefillSequenceCount ?? 0) * dp;
    const seconds = stepTime(shape, plan, rates, scaled).seconds;
    if (memo.size > 200_000) memo.clear();
    memo.set(key, seconds);
    return seconds;
  };
  const result = simulateServing({
    arrivals,
    lengths: bench.lengths,
    inputTokens: input,
    outputTokens: output,
    requestCount,
    seed: bench.seed ?? 1,
    policy: {
      scheduler,
      maxBatchSequences: Math.max(1, Math.floor(policy.maxBatchSequences / dp)),
      maxBatchedTokens: policy.maxBatchedTokens,
      kvCapacityBytes: kvCapacityBytes / dp,
      kvBytesAt: (ctx) => kvBytesPerSequence(shape, plan, ctx),
      blockTokens: scheduler === "trtllm" ? 32 : scheduler === "sglang" ? 1 : 16,
      tokensPerDecodeStep: perStep,
      tokensFedPerDecode: fed,
      draftFactor,
    },
    stepSeconds,
  });
  const running = Math.max(1, result.meanDecodeBatch);
  const decodeStep = stepTime(shape, plan, rates, { decodeSequenceCount: running * dp, decodeContextTokens: input + output / 2, decodeTokensPerSequence: fed, prefillTokenCount: 0, prefillContextTokens: 0, logitsCount: running * dp * fed });
  const concurrencyPerReplica = arrivals.kind === "closed" ? arrivals.concurrency * dp : result.peakRunning * dp;
  const batchCap = Math.floor(policy.maxBatchSequences / dp);
  const limitedBy: LoadPoint["limitedBy"] = result.kvLimited ? "memory-capacity" : arrivals.kind === "closed" && arrivals.concurrency > batchCap ? "max-batch" : null;
  const point: LoadPoint = {
    concurrency: concurrencyPerReplica,
    runningSequences: result.peakRunning * dp,
    requestsPerSecond: result.requestsPerSecond * dp,
    outputTokensPerSecond: result.outputTokensPerSecond * dp,
    inputTokensPerSecond: result.inputTokensPerSecond * dp,
    ttftSeconds: result.ttft.meanSeconds,
    tpotSeconds: result.tpot.meanSeconds,
    e2eSeconds: result.e2e.meanSeconds,
    prefillTimeFraction: result.prefillTimeFraction,
    decodeStep,
    limitedBy,
    ttftQueueSeconds: result.queue.meanSeconds,
  };
  return {
    point,
    latency: { ttft: result.ttft, tpot: result.tpot, itl: result.itl, e2e: result.e2e, queue: result.queue, preemptions: result.preemptions, requestCount: requestCount * dp },
    result,
  };
}
