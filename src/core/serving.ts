import type { ModelShape } from "./model-shape.js";
import { type Plan, type Rates, type StepLoad, type StepTime, stepTime } from "./step.js";

/** Engine behaviour the serving model needs beyond rates. */
export interface ServingPolicy {
  maxBatchSequences: number;
  mixedBatching: boolean;
  tpotTail99Ratio: number;
  /** Sequences whose KV cache fits in one replica at the workload's mean context. */
  kvCapacitySequences: number;
  /** Speculative decoding: draft tokens per step, per-token acceptance, draft cost per step as a fraction of a decode step. */
  speculative: { draftTokens: number; acceptanceRate: number; draftCostFraction: number } | null;
}

/** Steady state of one replica at a number of requests in flight. */
export interface LoadPoint {
  /** Requests in flight per replica (running plus queued). */
  concurrency: number;
  /** Sequences in the running batch. */
  runningSequences: number;
  requestsPerSecond: number;
  outputTokensPerSecond: number;
  inputTokensPerSecond: number;
  ttftSeconds: number;
  tpotSeconds: number;
  e2eSeconds: number;
  /** Share of busy time spent on prefill (for the input/output cost split). */
  prefillTimeFraction: number;
  decodeStep: StepTime;
  /** What capped the running batch below the concurrency, if anything. */
  limitedBy: "memory-capacity" | "max-batch" | null;
}

/** Mean expected tokens emitted per decode step with d drafts accepted independently at rate a: (1 - a^(d+1)) / (1 - a). */
export function tokensPerSpeculativeStep(draftTokens: number, acceptanceRate: number): number {
  if (acceptanceRate >= 1) return draftTokens + 1;
  return (1 - Math.pow(acceptanceRate, draftTokens + 1)) / (1 - acceptanceRate);
}

/**
 * Closed-loop continuous batching at `concurrency` requests per replica, each with `input` prompt and
 * `output` generated tokens. Over one request's life the replica runs (output - 1) decode steps for the
 * running batch and prefills as many new requests as finish, batched k = concurrency / output at a time;
 * running sequences stall while those prefills run (or share their steps under mixed batching).
 */
export function closedLoop(shape: ModelShape, plan: Plan, rates: Rates, policy: ServingPolicy, concurrency: number, input: number, output: number): LoadPoint {
  const cap = Math.max(1, Math.min(policy.maxBatchSequences, policy.kvCapacitySequences));
  const running = Math.max(Math.min(concurrency, cap), Math.min(concurrency, 1));
  const limitedBy = concurrency > cap ? (policy.kvCapacitySequences < policy.maxBatchSequences ? "memory-capacity" : "max-batch") : null;
  const empty: StepTime = { seconds: 0, computeSeconds: 0, memorySeconds: 0, interconnectSeconds: 0, overheadSeconds: 0 };

  if (output <= 1) {
    // Prefill-only (embeddings, scoring): the whole running batch is one forward pass.
    const pass = stepTime(shape, plan, rates, prefillLoad(running, input, output));
    const requestsPerSecond = running / pass.seconds;
    const queueWait = (concurrency - running) / requestsPerSecond;
    return {
      concurrency, runningSequences: running, requestsPerSecond,
      outputTokensPerSecond: requestsPerSecond * output, inputTokensPerSecond: requestsPerSecond * input,
      ttftSeconds: pass.seconds + queueWait, tpotSeconds: 0, e2eSeconds: pass.seconds + queueWait,
      prefillTimeFraction: 1, decodeStep: empty, limitedBy,
    };
  }

  const spec = policy.speculative;
  const perStep = spec ? tokensPerSpeculativeStep(spec.draftTokens, spec.acceptanceRate) : 1;
  const decodeLoad: StepLoad = {
    decodeSequenceCount: running,
    decodeContextTokens: input + output / 2,
    decodeTokensPerSequence: spec ? spec.draftTokens + 1 : 1,
    prefillTokenCount: 0,
    prefillContextTokens: 0,
    logitsCount: running * (spec ? spec.draftTokens + 1 : 1),
  };
  const decode = stepTime(shape, plan, rates, decodeLoad);
  const decodeSeconds = decode.seconds * (1 + (spec ? spec.draftCostFraction * spec.draftTokens : 0));
  const decodeSteps = Math.max(1, (output - 1) / perStep);

  // New requests arrive as others finish: `batch` per prefill, `running / batch` prefills per request life.
  const batch = Math.max(1, Math.min(running, running / decodeSteps));
  let prefillSeconds: number;
  let ttftOwn: number;
  if (policy.mixedBatching && running > 1) {
    const mixed = stepTime(shape, plan, rates, { ...decodeLoad, prefillTokenCount: batch * input, prefillContextTokens: input / 2, logitsCount: decodeLoad.logitsCount + batch });
    prefillSeconds = Math.max(0, mixed.seconds - decode.seconds);
    ttftOwn = mixed.seconds;
  } else {
    prefillSeconds = stepTime(shape, plan, rates, prefillLoad(batch, input, output)).seconds;
    ttftOwn = prefillSeconds;
  }
  const prefillPerLife = (running / batch) * prefillSeconds;
  // A request arriving mid-step waits for the running step to end (none when it is alone).
  const waitSeconds = running > 1 ? (decodeSeconds / 2) * (1 - 1 / running) : 0;
  const ttft = ttftOwn + waitSeconds;
  const tpot = (decodeSteps * decodeSeconds + Math.max(0, prefillPerLife - ttftOwn)) / (output - 1);
  const e2e = ttft + tpot * (output - 1);
  const requestsPerSecond = running / e2e;
  const queueWait = (concurrency - running) / requestsPerSecond;
  const busy = decodeSteps * decodeSeconds + prefillPerLife;
  return {
    concurrency,
    runningSequences: running,
    requestsPerSecond,
    outputTokensPerSecond: requestsPerSecond * output,
    inputTokensPerSecond: requestsPerSecond * input,
    ttftSeconds: ttft + queueWait,
    tpotSeconds: tpot,
    e2eSeconds: e2e + queueWait,
    prefillTimeFraction: busy > 0 ? prefillPerLife / busy : 0,
    decodeStep: decode,
    limitedBy,
  };
}

function prefillLoad(requests: number, input: number, output: number): StepLoad {
  return {
    decodeSequenceCount: 0,
    decodeContextTokens: 0,
    decodeTokensPerSequence: 1,
    prefillTokenCount: requests * Math.max(1, input),
    prefillContextTokens: Math.max(1, input) / 2,
    logitsCount: output > 0 ? requests : 0,
  };
}

/** Percentile latencies under Poisson arrivals at the load point's rate. */
export interface OpenLoopLatency {
  ttftSeconds: number;
  tpotSeconds: number;
  ttftMeanSeconds: number;
}

/**
 * Latency percentiles when requests arrive as a Poisson process at the rate a running batch sustains.
 * Admission waits form a queue whose utilization is that rate over the replica's capacity; its waiting
 * time is taken as exponential (M/M/1 sojourn), so the p-th percentile is mean * ln(1 / (1 - p)).
 */
export function openLoopLatency(point: LoadPoint, capacity: LoadPoint, percentile: number, tpotTail99Ratio: number): OpenLoopLatency {
  const utilization = Math.min(0.999, point.requestsPerSecond / capacity.requestsPerSecond);
  const residual = point.ttftSeconds - ownPrefill(point);
  const meanWait = (residual + ownPrefill(point) * utilization) / (1 - utilization);
  const tailFactor = Math.log(1 / (1 - percentile / 100));
  const tpotTail = 1 + ((tpotTail99Ratio - 1) * tailFactor) / Math.log(100);
  return {
    ttftSeconds: ownPrefill(point) + meanWait * tailFactor,
    ttftMeanSeconds: ownPrefill(point) + meanWait,
    tpotSeconds: point.tpotSeconds * tpotTail,
  };
}

function ownPrefill(point: LoadPoint): number {
  const wait = point.runningSequences > 1 ? (point.decodeStep.seconds / 2) * (1 - 1 / point.runningSequences) : 0;
  return Math.max(0, point.ttftSeconds - wait);
}
