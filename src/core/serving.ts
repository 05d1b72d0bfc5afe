// Serving models: closed-loop continuous and static batching, disaggregated pools, SLO latency under Poisson arrivals.
import type { ModelShape } from "./model-shape.js";
import { type Plan, type Rates, type StepLoad, type StepTime, stepTime } from "./step.js";

/** Engine behaviour the serving model needs beyond rates. */
export interface ServingPolicy {
  maxBatchSequences: number;
  mixedBatching: boolean;
  /** Token budget of one engine step (max_num_batched_tokens / max_num_tokens / chunked_prefill_size). */
  maxBatchedTokens: number;
  tpotTail99Ratio: number;
  /** A static batch: all prompts prefilled together, then decoded together (no prefill rides in decode steps). */
  staticBatch?: boolean;
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
  /** The part of TTFT spent queued behind other prefills for the token budget (0 when the budget does not bind). */
  ttftQueueSeconds: number;
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
    // Prefill-only (embeddings, scoring): the running batch goes through in forward passes of at most the token
    // budget each (TEI's max_batch_tokens), each pass paying the step overhead.
    const passes = Math.max(1, Math.ceil((running * Math.max(1, input)) / policy.maxBatchedTokens));
    const onePass = stepTime(shape, plan, rates, prefillLoad(running / passes, input, output));
    const pass = { ...onePass, seconds: onePass.seconds * passes };
    const requestsPerSecond = running / pass.seconds;
    const queueWait = (concurrency - running) / requestsPerSecond;
    return {
      concurrency,
      runningSequences: running,
      requestsPerSecond,
      outputTokensPerSecond: requestsPerSecond * output,
      inputTokensPerSecond: requestsPerSecond * input,
      ttftSeconds: pass.seconds + queueWait,
      tpotSeconds: 0,
      e2eSeconds: pass.seconds + queueWait,
      prefillTimeFraction: 1,
      decodeStep: empty,
      limitedBy,
      ttftQueueSeconds: 0, // TTFT is the whole pass: no queue beyond one step
    };
  }

  const spec = policy.speculative;
  const perStep = spec ? tokensPerSpeculativeStep(spec.draftTokens, spec.acceptanceRate) : 1;
  const fed = spec ? spec.draftTokens + 1 : 1;
  const draftFactor = 1 + (spec ? spec.draftCostFraction * spec.draftTokens : 0);
  const decodeSteps = Math.max(1, (output - 1) / perStep);
  const context = input + output / 2;
  const budget = policy.maxBatchedTokens;
  const decodeLoad = (sequences: number): StepLoad => ({
    decodeSequenceCount: sequences,
    decodeContextTokens: context,
    decodeTokensPerSequence: fed,
    prefillTokenCount: 0,
    prefillContextTokens: 0,
    logitsCount: sequences * fed,
  });

  if (policy.mixedBatching && !policy.staticBatch) {
    // Each step carries decode tokens and prefill chunks up to the token budget. Over one request life the
    // replica must process running * input prefill tokens and running * decodeSteps * fed decode tokens, so
    // it needs at least decodeSteps steps, and more when the budget binds (then prefills queue).
    const tokensPerLife = running * (input + decodeSteps * fed);
    const steps = Math.max(decodeSteps, tokensPerLife / budget);
    const decodingPerStep = (running * decodeSteps) / steps;
    const prefillPerStep = (running * input) / steps;
    const mixedLoad: StepLoad = {
      ...decodeLoad(decodingPerStep),
      prefillTokenCount: prefillPerStep,
      prefillContextTokens: Math.max(1, input) / 2,
      logitsCount: decodingPerStep * fed + running / steps,
    };
    const mixed = stepTime(shape, plan, rates, mixedLoad);
    const decodeOnly = stepTime(shape, plan, rates, decodeLoad(decodingPerStep));
    const step = mixed.seconds * draftFactor;
    // A new request's own prompt goes through in chunks of what the budget leaves beside the running decodes,
    // each chunk in a step that also carries those decodes; before that it waits for the running step to end
    // and for the prefills queued ahead of it when the budget binds.
    const chunk = Math.max(1, Math.min(Math.max(1, input), budget - decodingPerStep * fed));
    const ownSteps = Math.ceil(Math.max(1, input) / chunk);
    const ownStep = stepTime(shape, plan, rates, { ...decodeLoad(decodingPerStep), prefillTokenCount: chunk, prefillContextTokens: Math.max(1, input) / 2, logitsCount: decodingPerStep * fed + 1 }).seconds * draftFactor;
    const queued = Math.max(0, steps - decodeSteps) * step;
    const ttft = ownSteps * ownStep + queued + (running > 1 ? step / 2 : 0);
    const tpot = (decodeSteps * step) / (output - 1);
    const e2e = ttft + tpot * (output - 1);
    return finishPoint(concurrency, running, e2e, ttft, tpot, input, output, mixed.seconds > 0 ? Math.max(0, 1 - decodeOnly.seconds / mixed.seconds) : 0, decodeOnly, limitedBy, queued);
  }

  // Separate prefill steps: new requests are prefilled together (`batch` at a time, within the token budget)
  // while running sequences stall.
  const decode = stepTime(shape, plan, rates, decodeLoad(running));
  const decodeSeconds = decode.seconds * draftFactor;
  const batchLimit = Math.max(1, Math.floor(budget / Math.max(1, input)));
  const batch = policy.staticBatch ? running : Math.max(1, Math.min(running, running / decodeSteps, batchLimit));
  const prefillSeconds = stepTime(shape, plan, rates, prefillLoad(batch, input, output)).seconds;
  const prefillPerLife = (running / batch) * prefillSeconds;
  // A request arriving mid-step waits for the running step to end (none when it is alone).
  const waitSeconds = running > 1 && !policy.staticBatch ? (decodeSeconds / 2) * (1 - 1 / running) : 0;
  const ttft = prefillSeconds + waitSeconds;
  const tpot = (decodeSteps * decodeSeconds + Math.max(0, prefillPerLife - prefillSeconds)) / (output - 1);
  const e2e = ttft + tpot * (output - 1);
  const busy = decodeSteps * decodeSeconds + prefillPerLife;
  return finishPoint(concurrency, running, e2e, ttft, tpot, input, output, busy > 0 ? prefillPerLife / busy : 0, decode, limitedBy);
}

function finishPoint(
  concurrency: number,
  running: number,
  e2e: number,
  ttft: number,
  tpot: number,
  input: number,
  output: number,
  prefillTimeFraction: number,
  decodeStep: StepTime,
  limitedBy: LoadPoint["limitedBy"],
  budgetQueueSeconds?: number,
): LoadPoint {
  const requestsPerSecond = running / e2e;
  const queueWait = (concurrency - running) / requestsPerSecond;
  // Without a budget model, everything in TTFT beyond one step counts as queueing.
  const ttftQueueSeconds = budgetQueueSeconds ?? Math.max(0, ttft + queueWait - (tpot > 0 ? tpot : e2e + queueWait));
  return {
    concurrency,
    runningSequences: running,
    requestsPerSecond,
    outputTokensPerSecond: requestsPerSecond * output,
    inputTokensPerSecond: requestsPerSecond * input,
    ttftSeconds: ttft + queueWait,
    tpotSeconds: tpot,
    e2eSeconds: e2e + queueWait,
    prefillTimeFraction,
    decodeStep,
    limitedBy,
    ttftQueueSeconds,
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
    prefillSequenceCount: requests,
  };
}

/** Percentile latencies under Poisson arrivals at the load point's rate. */
export interface OpenLoopLatency {
  ttftSeconds: number;
  tpotSeconds: number;
  ttftMeanSeconds: number;
}

/**
 * Erlang C: the probability that an arrival waits in an M/M/c queue with c servers at utilization rho
 * (Erlang B by the stable recursion B_k = a B_{k-1} / (k + a B_{k-1}), a = c rho; C = B / (1 - rho (1 - B))).
 */
export function erlangC(servers: number, utilization: number): number {
  if (utilization <= 0) return 0;
  if (utilization >= 1) return 1;
  const offered = servers * utilization;
  let b = 1;
  for (let k = 1; k <= servers; k++) b = (offered * b) / (k + offered * b);
  return b / (1 - utilization * (1 - b));
}

/** Smallest k with P(Poisson(mean) <= k) >= p. */
export function poissonQuantile(mean: number, p: number): number {
  if (mean <= 0) return 0;
  if (mean > 50) return Math.max(0, Math.ceil(mean + normalQuantile(p) * Math.sqrt(mean)));
  let term = Math.exp(-mean);
  let cdf = term;
  let k = 0;
  while (cdf < p && k < 1000) {
    k += 1;
    term *= mean / k;
    cdf += term;
  }
  return k;
}

/** Standard normal quantile (Acklam's rational approximation, |error| < 1.2e-9 is not needed here: 1e-4 suffices). */
function normalQuantile(p: number): number {
  const t = Math.sqrt(-2 * Math.log(1 - p));
  return t - (2.515517 + 0.802853 * t + 0.010328 * t * t) / (1 + 1.432788 * t + 0.189269 * t * t + 0.001308 * t * t * t);
}

/**
 * Latency percentiles when requests arrive as a Poisson process at the rate a running batch sustains
 * (MLPerf Server). A new request waits for the running step to end, then is prefilled together with the
 * others that arrived in that step (Poisson count, its p-quantile for the tail). Admission to the running batch
 * is an M/M/c queue over the engine's sequence slots (Erlang C), which stays negligible until the slots are
 * nearly all busy; its wait is exponential beyond that, so the p-quantile is drain * ln(C / (1 - p)). TPOT's
 * tail is the profile's p99/mean ratio, scaled to the percentile on the same exponential scale.
 */
export function openLoopLatency(point: LoadPoint, prefillSeconds: (tokens: number) => number, input: number, maxRunning: number, percentile: number, tpotTail99Ratio: number): OpenLoopLatency {
  const p = percentile / 100;
  const step = point.tpotSeconds > 0 ? point.tpotSeconds : point.e2eSeconds;
  const arrivalsPerStep = point.requestsPerSecond * step;
  const kTail = Math.max(1, poissonQuantile(arrivalsPerStep, p));
  const tailFactor = Math.log(1 / (1 - p));
  // Waiting for the token budget (prefills queued behind others) as the closed loop found it.
  const budgetQueue = point.ttftQueueSeconds;
  // Admission waits for a free slot (a sequence's KV cache): an M/M/c queue with c = slots, each held for one E2E.
  const slots = Math.max(1, Math.round(maxRunning));
  const busy = Math.min(0.999, point.runningSequences / slots);
  const waiting = erlangC(slots, busy);
  const drain = point.e2eSeconds / (slots * (1 - busy));
  const slotQueueMean = waiting * drain;
  const slotQueueTail = waiting > 1 - p ? drain * Math.log(waiting / (1 - p)) : 0;
  const tpotTail = 1 + ((tpotTail99Ratio - 1) * tailFactor) / Math.log(100);
  return {
    ttftMeanSeconds: point.ttftSeconds + slotQueueMean,
    ttftSeconds: Math.max(point.ttftSeconds - budgetQueue, step + prefillSeconds(kTail * Math.max(1, input))) + budgetQueue * tailFactor + slotQueueTail,
    tpotSeconds: point.tpotSeconds * tpotTail,
  };
}

/** Prefill and decode on separate pools of replicas, with the KV cache moved between them. */
export interface Disaggregation {
  prefillReplicas: number;
  decodeReplicas: number;
  /** KV cache bytes of one prompt, moved from the prefill pool to the decode pool. */
  kvTransferBytes: number;
  link: { bytesPerSecond: number; latencySeconds: number };
}

/**
 * Disaggregated serving (prefill pool + decode pool): decode steps carry no prefill chunks, so TPOT is the bare
 * decode step; prompts are prefilled in budget-sized batches on their own replicas and their KV cache crosses the
 * link before the first token. The system sustains the smaller of the two pools' request rates. The returned point
 * is normalized per replica of the whole system (total replicas = prefill + decode) like closedLoop's.
 */
export function disaggregatedLoop(shape: ModelShape, plan: Plan, rates: Rates, policy: ServingPolicy, systemConcurrency: number, input: number, output: number, d: Disaggregation): LoadPoint {
  const perDecode = systemConcurrency / d.decodeReplicas;
  const cap = Math.max(1, Math.min(policy.maxBatchSequences, policy.kvCapacitySequences));
  const running = Math.max(1, Math.min(perDecode, cap));
  const spec = policy.speculative;
  const perStep = spec ? tokensPerSpeculativeStep(spec.draftTokens, spec.acceptanceRate) : 1;
  const fed = spec ? spec.draftTokens + 1 : 1;
  const decodeSteps = Math.max(1, (Math.max(2, output) - 1) / perStep);
  const decode = stepTime(shape, plan, rates, { decodeSequenceCount: running, decodeContextTokens: input + output / 2, decodeTokensPerSequence: fed, prefillTokenCount: 0, prefillContextTokens: 0, logitsCount: running * fed });
  const step = decode.seconds * (1 + (spec ? spec.draftCostFraction * spec.draftTokens : 0));
  const decodeRate = (running / (decodeSteps * step)) * d.decodeReplicas;
  const batch = Math.max(1, Math.floor(policy.maxBatchedTokens / Math.max(1, input)));
  const prefill = stepTime(shape, plan, rates, prefillLoad(batch, input, output)).seconds;
  const prefillRate = (batch / prefill) * d.prefillReplicas;
  const rate = Math.min(decodeRate, prefillRate);
  const busy = Math.min(0.99, rate / prefillRate);
  const transfer = d.kvTransferBytes / d.link.bytesPerSecond + d.link.latencySeconds;
  // Prompts wait for the prefill pool like an M/D/1 queue: mean wait = service * rho / (2 (1 - rho)).
  const ttft = prefill + transfer + (prefill * busy) / (2 * (1 - busy));
  const tpot = step / perStep;
  const e2e = ttft + tpot * (output - 1);
  const replicas = d.prefillReplicas + d.decodeReplicas;
  const requestsPerSecond = rate / replicas;
  return {
    concurrency: systemConcurrency / replicas,
    runningSequences: running,
    requestsPerSecond,
    outputTokensPerSecond: requestsPerSecond * output,
    inputTokensPerSecond: requestsPerSecond * input,
    ttftSeconds: ttft,
    tpotSeconds: tpot,
    e2eSeconds: e2e,
    prefillTimeFraction: d.prefillReplicas / replicas,
    decodeStep: decode,
    limitedBy: perDecode > cap ? (policy.kvCapacitySequences < policy.maxBatchSequences ? "memory-capacity" : "max-batch") : null,
    ttftQueueSeconds: Math.max(0, ttft - tpot),
  };
}
