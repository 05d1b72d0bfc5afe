// Discrete-event simulation of one serving replica: arrivals, each engine's scheduler, KV blocks, preemption, metrics.
import type { StepLoad } from "./step.js";

/**
 * How requests arrive, as benchmark clients issue them. "closed": `concurrency` slots that all start at t = 0 and
 * each send the next request the moment one finishes (`vllm bench serve --max-concurrency`, sglang.bench_serving);
 * "poisson"/"gamma": open-loop arrivals at a rate, gamma with a burstiness (shape; 1 = Poisson, vLLM's
 * --burstiness); "static": one batch prefilled together and decoded together; "offline": everything at t = 0.
 */
export type Arrivals = { kind: "closed"; concurrency: number } | { kind: "poisson"; requestsPerSecond: number } | { kind: "gamma"; requestsPerSecond: number; burstiness: number } | { kind: "offline" } | { kind: "static" };

/** Prompt and output lengths: fixed, uniform within +-rangeRatio of the mean (vLLM's --random-range-ratio), or ShareGPT-like (lognormal). */
export type Lengths = { kind: "fixed" } | { kind: "uniform"; rangeRatio: number } | { kind: "sharegpt" };

/**
 * A serving engine's scheduler as its documented policy:
 * - "vllm" (V1): running decodes first, then waiting prompts in chunks under max_num_batched_tokens and max_num_seqs;
 *   KV pages allocated as tokens arrive; when a decode cannot get a page the newest running request is preempted and
 *   recomputed later (vllm/v1/core/sched/scheduler.py).
 * - "sglang": a step is either a prefill batch (new prompts up to chunked_prefill_size, decodes paused) or a decode
 *   batch; prefill has priority while requests wait and memory allows (python/sglang/srt/managers/scheduler.py,
 *   mixed chunking off by default).
 * - "trtllm": in-flight batching under max_batch_size and max_num_tokens, whole prompts (chunked only when longer than
 *   the budget); GUARANTEED_NO_EVICT admits a request only when prompt + maximum output fit, and never evicts.
 * - "llamacpp": n_parallel slots over one unified KV cache; each step carries every decoding slot and prompt chunks
 *   up to n_batch.
 * - "tei": embeddings, token-budget batches (max_batch_tokens), each a single forward pass.
 */
export type SchedulerKind = "vllm" | "sglang" | "trtllm" | "llamacpp" | "tei";

export interface SimulationPolicy {
  scheduler: SchedulerKind;
  maxBatchSequences: number;
  maxBatchedTokens: number;
  /** KV cache bytes one replica holds for all sequences. */
  kvCapacityBytes: number;
  /** Bytes the KV cache (and recurrent state) of one sequence occupies at `contextTokens`. */
  kvBytesAt: (contextTokens: number) => number;
  /** Tokens per KV page (vLLM/SGLang 16/1, TensorRT-LLM 32): allocation granularity. */
  blockTokens: number;
  /** Speculative decoding: tokens emitted per decode step on average and tokens fed per sequence per step. */
  tokensPerDecodeStep: number;
  tokensFedPerDecode: number;
  /** Multiplier on a step's time for drafting (1 = none). */
  draftFactor: number;
}

export interface SimulationInput {
  arrivals: Arrivals;
  lengths: Lengths;
  inputTokens: number;
  outputTokens: number;
  /** Requests to complete (the benchmark's num_prompts). */
  requestCount: number;
  seed: number;
  policy: SimulationPolicy;
  /** Time of one engine step of the replica for a load (from the operator model). */
  stepSeconds: (load: StepLoad) => number;
}

/** Distribution summary of one metric, in seconds. */
export interface Distribution {
  meanSeconds: number;
  p50Seconds: number;
  p90Seconds: number;
  p99Seconds: number;
}

/** Results with the bench client's metric definitions (vLLM's benchmark_serving). */
export interface SimulationResult {
  completedRequests: number;
  /** First arrival to last completion. */
  durationSeconds: number;
  requestsPerSecond: number;
  outputTokensPerSecond: number;
  inputTokensPerSecond: number;
  ttft: Distribution;
  /** Per request: (E2E - TTFT) / (output tokens - 1). */
  tpot: Distribution;
  /** Gaps between consecutive output tokens, over all tokens. */
  itl: Distribution;
  e2e: Distribution;
  /** Arrival to first scheduled step. */
  queue: Distribution;
  preemptions: number;
  steps: number;
  /** Mean sequences decoding per step and mean share of busy time in steps that carry prefill. */
  meanDecodeBatch: number;
  prefillTimeFraction: number;
  /** Most sequences ever running at once. */
  peakRunning: number;
  /** True when KV capacity, not the sequence limit or the load, capped the running batch at some point. */
  kvLimited: boolean;
}

/** A small seeded PRNG (mulberry32), so a simulation is a pure function of its input. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function gammaSample(shape: number, random: () => number): number {
  // Marsaglia-Tsang for shape >= 1; boost for shape < 1.
  if (shape < 1) return gammaSample(shape + 1, random) * Math.pow(random() || 1e-12, 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = normal(random);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = random();
    if (u < 1 - 0.0331 * x * x * x * x || Math.log(u || 1e-12) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

function normal(random: () => number): number {
  const u = random() || 1e-12;
  const v = random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

function sampleLength(mean: number, lengths: Lengths, random: () => number): number {
  if (mean <= 1 || lengths.kind === "fixed") return Math.max(mean > 0 ? 1 : 0, Math.round(mean));
  if (lengths.kind === "uniform") {
    const lo = Math.max(1, Math.floor(mean * (1 - lengths.rangeRatio)));
    const hi = Math.max(lo, Math.ceil(mean * (1 + lengths.rangeRatio)));
    return lo + Math.floor(random() * (hi - lo + 1));
  }
  // ShareGPT-like: lognormal with sigma 1 around the mean (mean = exp(mu + sigma^2 / 2)).
  const sigma = 1;
  const mu = Math.log(mean) - (sigma * sigma) / 2;
  return Math.max(1, Math.round(Math.exp(mu + sigma * normal(random))));
}

const WAITING = 0;
const RUNNING = 1;
const DONE = 2;

/**
 * Simulates one replica serving `requestCount` requests and returns benchmark metrics. Deterministic for a seed.
 * Each step: the scheduler picks decodes and prompt chunks under its limits, the step lasts stepSeconds(load),
 * then tokens are emitted at the step's end (a prompt's last chunk emits its first token).
 */
export function simulateServing(input: SimulationInput): SimulationResult {
  const { policy, arrivals } = input;
  const random = rng(input.seed);
  const n = Math.max(1, Math.floor(input.requestCount));
  const promptLen = new Float64Array(n);
  const outputLen = new Float64Array(n);
  const arrival = new Float64Array(n).fill(Infinity);
  const firstScheduled = new Float64Array(n).fill(-1);
  const firstToken = new Float64Array(n).fill(-1);
  const finish = new Float64Array(n).fill(-1);
  const prefilled = new Float64Array(n); // prompt tokens already processed
  const generated = new Float64Array(n); // output tokens emitted
  const allocatedTokens = new Float64Array(n); // KV tokens allocated (page-rounded)
  const allocatedBytes = new Float64Array(n);
  const lastTokenTime = new Float64Array(n);
  const state = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    promptLen[i] = sampleLength(input.inputTokens, input.lengths, random);
    outputLen[i] = Math.max(1, sampleLength(input.outputTokens, input.lengths, random));
  }
  const originalPrompt = Float64Array.from(promptLen);
  const originalOutput = Float64Array.from(outputLen);
  // Arrival times (closed-loop arrivals are set as slots free up).
  let released = 0;
  if (arrivals.kind === "closed") {
    const c = Math.max(1, Math.min(n, Math.round(arrivals.concurrency)));
    for (let i = 0; i < c; i++) arrival[i] = 0;
    released = c;
  } else if (arrivals.kind === "poisson" || arrivals.kind === "gamma") {
    const shape = arrivals.kind === "gamma" ? Math.max(1e-3, arrivals.burstiness) : 1;
    const rate = Math.max(1e-12, arrivals.requestsPerSecond);
    let t = 0;
    for (let i = 0; i < n; i++) {
      arrival[i] = t;
      t += gammaSample(shape, random) / (rate * shape);
    }
    released = n;
  } else {
    for (let i = 0; i < n; i++) arrival[i] = 0;
    released = n;
  }

  const itlValues: number[] = [];
  const itlWeights: number[] = [];
  let now = 0;
  let used = 0;
  let nextWaiting = 0; // index of the oldest request never admitted (requests are admitted in arrival order)
  const preempted: number[] = []; // requests pushed back to the head of the queue
  const running: number[] = [];
  let completed = 0;
  let preemptions = 0;
  let steps = 0;
  let decodeTokenSum = 0;
  let prefillBusy = 0;
  let busy = 0;
  let peakRunning = 0;
  let kvLimited = false;
  const budget = Math.max(1, policy.maxBatchedTokens);
  const maxSeqs = Math.max(1, policy.maxBatchSequences);
  const page = Math.max(1, policy.blockTokens);
  const reserveWhole = policy.scheduler === "trtllm";
  const staticBatch = arrivals.kind === "static";

  const bytesFor = (tokens: number): number => policy.kvBytesAt(Math.max(1, tokens));
  /** Grows request i's allocation to hold `tokens`; false when the cache is full. */
  const grow = (i: number, tokens: number): boolean => {
    if (tokens <= allocatedTokens[i]!) return true;
    const target = reserveWhole ? promptLen[i]! + outputLen[i]! : Math.ceil(tokens / page) * page;
    const bytes = bytesFor(target);
    const extra = bytes - allocatedBytes[i]!;
    if (used + extra > policy.kvCapacityBytes) return false;
    used += extra;
    allocatedBytes[i] = bytes;
    allocatedTokens[i] = target;
    return true;
  };
  const preempt = (victim: number): void => {
    preemptions++;
    kvLimited = true;
    const at = running.lastIndexOf(victim);
    if (at >= 0) running.splice(at, 1);
    release(victim);
    // Recompute: the prompt and the tokens generated so far are prefilled again.
    promptLen[victim] = promptLen[victim]! + Math.max(0, generated[victim]! - 1);
    outputLen[victim] = outputLen[victim]! - Math.max(0, generated[victim]! - 1);
    prefilled[victim] = 0;
    generated[victim] = 0;
    state[victim] = WAITING;
    preempted.push(victim);
  };
  const release = (i: number): void => {
    used -= allocatedBytes[i]!;
    allocatedBytes[i] = 0;
    allocatedTokens[i] = 0;
  };
  const waitingHead = (): number => {
    if (preempted.length) return preempted[preempted.length - 1]!;
    while (nextWaiting < released && state[nextWaiting] !== WAITING) nextWaiting++;
    return nextWaiting < released && arrival[nextWaiting]! <= now ? nextWaiting : -1;
  };
  const popWaitingHead = (i: number): void => {
    if (preempted.length && preempted[preempted.length - 1] === i) preempted.pop();
    else nextWaiting = i + 1;
  };

  /**
   * Runs k decode-only steps at once when nothing can change the batch before then: every running prompt is done, no
   * request can be admitted (none waiting, or the sequence limit is reached) and none arrives, the KV pages for k more
   * tokens fit, and no request finishes before the k-th step. Step time is nearly linear in context, so k steps cost k
   * times the step at the middle context. This turns the simulation's cost from one iteration per token into one per
   * event (an arrival, a finish, a page shortage).
   */
  const leapDecodes = (): boolean => {
    if (running.length === 0) return false;
    const perStep = policy.tokensPerDecodeStep;
    let minSteps = Infinity;
    let contextSum = 0;
    for (const i of running) {
      if (prefilled[i]! < promptLen[i]!) return false;
      const left = Math.ceil((outputLen[i]! - generated[i]!) / perStep);
      if (left < minSteps) minSteps = left;
      contextSum += promptLen[i]! + generated[i]!;
    }
    let k = minSteps - 1;
    if (k < 2) return false;
    const head = waitingHead();
    if (head >= 0 && running.length < maxSeqs && !staticBatch) {
      // Admission blocked by the cache stays blocked while nothing finishes (allocations only grow): leap anyway.
      const first = reserveWhole ? promptLen[head]! + outputLen[head]! : Math.ceil(Math.min(promptLen[head]!, budget) / page) * page;
      if (used + bytesFor(first) <= policy.kvCapacityBytes) return false;
    }
    // The next open-loop arrival bounds the leap (closed-loop arrivals only follow finishes).
    let nextArrival = Infinity;
    for (let i = nextWaiting; i < released; i++)
      if (state[i] === WAITING) {
        nextArrival = arrival[i]!;
        break;
      }
    const count = running.length;
    const meanContext = contextSum / count;
    load.decodeSequenceCount = count;
    load.prefillTokenCount = 0;
    load.prefillContextTokens = 0;
    load.prefillSequenceCount = 0;
    load.logitsCount = count * policy.tokensFedPerDecode;
    load.decodeContextTokens = meanContext + ((k - 1) / 2) * perStep;
    let step = input.stepSeconds(load) * policy.draftFactor;
    if (nextArrival < Infinity && running.length < maxSeqs) {
      k = Math.min(k, Math.floor((nextArrival - now) / step));
      if (k < 2) return false;
      load.decodeContextTokens = meanContext + ((k - 1) / 2) * perStep;
      step = input.stepSeconds(load) * policy.draftFactor;
    }
    // Pages for k more tokens per sequence must fit without preempting anyone.
    let extra = 0;
    for (const i of running) {
      const tokens = promptLen[i]! + generated[i]! + k * perStep + policy.tokensFedPerDecode;
      if (tokens <= allocatedTokens[i]!) continue;
      const target = reserveWhole ? promptLen[i]! + outputLen[i]! : Math.ceil(tokens / page) * page;
      extra += bytesFor(target) - allocatedBytes[i]!;
    }
    if (used + extra > policy.kvCapacityBytes) return false;
    for (const i of running) {
      grow(i, promptLen[i]! + generated[i]! + k * perStep + policy.tokensFedPerDecode);
      generated[i] = generated[i]! + k * perStep;
    }
    now += k * step;
    for (const i of running) lastTokenTime[i] = now;
    steps += k;
    busy += k * step;
    decodeTokenSum += count * k;
    if (count > peakRunning) peakRunning = count;
    itlValues.push(step / perStep);
    itlWeights.push(count * perStep * k);
    return true;
  };

  const load: StepLoad = { decodeSequenceCount: 0, decodeContextTokens: 0, decodeTokensPerSequence: policy.tokensFedPerDecode, prefillTokenCount: 0, prefillContextTokens: 0, logitsCount: 0, prefillSequenceCount: 0 };
  const chunkOf = new Map<number, number>();
  const guard = 50_000_000;
  while (completed < n) {
    if (steps > guard) throw new Error(`simulateServing: no progress after ${guard} steps`);
    // Idle: jump to the next arrival.
    if (running.length === 0 && waitingHead() < 0) {
      let next = Infinity;
      for (let i = nextWaiting; i < released; i++)
        if (state[i] === WAITING) {
          next = arrival[i]!;
          break;
        }
      if (next === Infinity) throw new Error("simulateServing: nothing to run and nothing to arrive");
      now = Math.max(now, next);
      continue;
    }
    if (leapDecodes()) continue;
    chunkOf.clear();
    let decodeSeqs = 0;
    let decodeContext = 0;
    let prefillTokens = 0;
    let prefillContextWeighted = 0;
    let prefillSeqs = 0;
    let logits = 0;
    // Decodes of running requests whose prompt is done.
    const decoding: number[] = [];
    const continuing: number[] = [];
    for (const i of running) {
      if (prefilled[i]! >= promptLen[i]!) decoding.push(i);
      else continuing.push(i);
    }
    let tokensLeft = budget;
    const reserveDecodes = (): void => {
      // Reserve each decode's next KV slot; preempt the newest running request when the cache is full (vLLM V1).
      for (let d = 0; d < decoding.length; d++) {
        const i = decoding[d]!;
        if (state[i] !== RUNNING) continue;
        const need = promptLen[i]! + generated[i]! + policy.tokensFedPerDecode;
        while (!grow(i, need)) {
          if (running.length <= 1) break;
          const victim = running[running.length - 1]!;
          preempt(victim);
          if (victim === i) break;
        }
      }
      for (const i of decoding) {
        if (state[i] !== RUNNING) continue;
        decodeSeqs++;
        decodeContext += promptLen[i]! + generated[i]!;
      }
      tokensLeft -= decodeSeqs * policy.tokensFedPerDecode;
    };
    const schedulePrefills = (): void => {
      // Prompts already admitted continue their chunks first, then new admissions in arrival order.
      const chunkFor = (i: number): number => {
        const remaining = promptLen[i]! - prefilled[i]!;
        // TensorRT-LLM takes whole prompts where they fit beside the decodes and chunks the rest (enable_chunked_prefill,
        // as the serving recipes set it; without it a prompt as long as max_num_tokens would wait for an empty batch).
        return Math.min(remaining, Math.max(0, tokensLeft));
      };
      for (const i of continuing) {
        if (tokensLeft <= 0) break;
        if (state[i] !== RUNNING) continue;
        const k = chunkFor(i);
        if (k <= 0) continue;
        if (!grow(i, prefilled[i]! + k)) {
          kvLimited = true;
          continue;
        }
        chunkOf.set(i, k);
        tokensLeft -= k;
      }
      for (;;) {
        if (tokensLeft <= 0 || running.length >= maxSeqs) break;
        if (staticBatch && decodeSeqs > 0) break;
        const i = waitingHead();
        if (i < 0) break;
        const k = chunkFor(i);
        if (k <= 0) break;
        const need = reserveWhole ? promptLen[i]! + outputLen[i]! : prefilled[i]! + k;
        if (!grow(i, need)) {
          kvLimited = true;
          break;
        }
        popWaitingHead(i);
        state[i] = RUNNING;
        running.push(i);
        if (firstScheduled[i]! < 0) firstScheduled[i] = now;
        chunkOf.set(i, k);
        tokensLeft -= k;
      }
    };
    if (policy.scheduler === "sglang" || staticBatch) {
      // SGLang: a prefill batch when prompts wait and fit, else a decode batch. A static batch prefills every
      // prompt before any decode.
      if (!staticBatch || continuing.length > 0 || decoding.length === 0) schedulePrefills();
      if (chunkOf.size === 0) reserveDecodes();
    } else {
      reserveDecodes();
      schedulePrefills();
    }
    if (decodeSeqs === 0 && chunkOf.size === 0) {
      if (running.length > 0) {
        // Running prompts cannot grow and nothing decodes: recompute the newest to free its pages.
        preempt(running[running.length - 1]!);
        continue;
      }
      // A prompt larger than the whole cache: admit it alone so that the run ends (its KV overflows, flagged).
      const i = waitingHead();
      if (i < 0) throw new Error("simulateServing: deadlock");
      popWaitingHead(i);
      state[i] = RUNNING;
      running.push(i);
      kvLimited = true;
      if (firstScheduled[i]! < 0) firstScheduled[i] = now;
      chunkOf.set(i, Math.min(promptLen[i]! - prefilled[i]!, budget));
    }
    for (const [i, k] of chunkOf) {
      prefillTokens += k;
      prefillContextWeighted += k * (prefilled[i]! + k / 2);
      prefillSeqs++;
      if (prefilled[i]! + k >= promptLen[i]!) logits++;
    }
    load.decodeSequenceCount = decodeSeqs;
    load.decodeContextTokens = decodeSeqs > 0 ? decodeContext / decodeSeqs : 0;
    load.prefillTokenCount = prefillTokens;
    load.prefillContextTokens = prefillTokens > 0 ? prefillContextWeighted / prefillTokens : 0;
    load.logitsCount = decodeSeqs * policy.tokensFedPerDecode + logits;
    load.prefillSequenceCount = prefillSeqs;
    const seconds = input.stepSeconds(load) * (decodeSeqs > 0 ? policy.draftFactor : 1);
    now += seconds;
    steps++;
    busy += seconds;
    if (prefillTokens > 0) prefillBusy += seconds;
    decodeTokenSum += decodeSeqs;
    if (running.length > peakRunning) peakRunning = running.length;
    // Emit: prompts advance (a finished prompt emits its first token), decodes emit their tokens.
    for (const [i, k] of chunkOf) {
      prefilled[i] = prefilled[i]! + k;
      if (prefilled[i]! >= promptLen[i]!) {
        generated[i] = 1;
        if (firstToken[i]! < 0) firstToken[i] = now;
        lastTokenTime[i] = now;
      }
    }
    if (decodeSeqs > 0) {
      itlValues.push(seconds / policy.tokensPerDecodeStep);
      itlWeights.push(decodeSeqs * policy.tokensPerDecodeStep);
    }
    for (const i of decoding) {
      if (state[i] !== RUNNING || chunkOf.has(i)) continue;
      generated[i] = generated[i]! + policy.tokensPerDecodeStep;
      lastTokenTime[i] = now;
    }
    // Finish requests that have all their tokens.
    let w = 0;
    for (let r = 0; r < running.length; r++) {
      const i = running[r]!;
      if (generated[i]! >= outputLen[i]! && prefilled[i]! >= promptLen[i]!) {
        state[i] = DONE;
        finish[i] = now;
        release(i);
        completed++;
        if (arrivals.kind === "closed" && released < n) {
          arrival[released] = now;
          released++;
        }
      } else running[w++] = i;
    }
    running.length = w;
  }

  // Metrics over completed requests (original lengths for TPOT: a recomputed request keeps its emitted tokens).
  const ttft = new Float64Array(n);
  const tpot: number[] = [];
  const e2e = new Float64Array(n);
  const queue = new Float64Array(n);
  let firstArrival = Infinity;
  let lastFinish = 0;
  let outputTokens = 0;
  let inputTokens = 0;
  for (let i = 0; i < n; i++) {
    ttft[i] = firstToken[i]! - arrival[i]!;
    e2e[i] = finish[i]! - arrival[i]!;
    queue[i] = Math.max(0, firstScheduled[i]! - arrival[i]!);
    if (arrival[i]! < firstArrival) firstArrival = arrival[i]!;
    if (finish[i]! > lastFinish) lastFinish = finish[i]!;
    const out = originalOutput[i]!;
    outputTokens += out;
    inputTokens += originalPrompt[i]!;
    if (out > 1) tpot.push((e2e[i]! - ttft[i]!) / (out - 1));
  }
  const duration = Math.max(1e-12, lastFinish - firstArrival);
  return {
    completedRequests: n,
    durationSeconds: duration,
    requestsPerSecond: n / duration,
    outputTokensPerSecond: outputTokens / duration,
    inputTokensPerSecond: inputTokens / duration,
    ttft: distribution(Array.from(ttft)),
    tpot: distribution(tpot.length ? tpot : [0]),
    itl: weightedDistribution(itlValues, itlWeights),
    e2e: distribution(Array.from(e2e)),
    queue: distribution(Array.from(queue)),
    preemptions,
    steps,
    meanDecodeBatch: steps > 0 ? decodeTokenSum / steps : 0,
    prefillTimeFraction: busy > 0 ? prefillBusy / busy : 0,
    peakRunning,
    kvLimited,
  };
}

/** Mean and percentiles of a list (linear interpolation, numpy's default). */
export function distribution(values: number[]): Distribution {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number): number => {
    if (sorted.length === 0) return 0;
    const pos = (sorted.length - 1) * q;
    const lo = Math.floor(pos);
    const hi = Math.ceil(pos);
    return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
  };
  let sum = 0;
  for (const v of sorted) sum += v;
  return { meanSeconds: sorted.length ? sum / sorted.length : 0, p50Seconds: at(0.5), p90Seconds: at(0.9), p99Seconds: at(0.99) };
}

function weightedDistribution(values: number[], weights: number[]): Distribution {
  if (values.length === 0) return { meanSeconds: 0, p50Seconds: 0, p90Seconds: 0, p99Seconds: 0 };
  const order = values.map((_, i) => i).sort((a, b) => values[a]! - values[b]!);
  let total = 0;
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    total += weights[i]!;
    sum += values[i]! * weights[i]!;
  }
  const at = (q: number): number => {
    let acc = 0;
    for (const i of order) {
      acc += weights[i]!;
      if (acc >= q * total) return values[i]!;
    }
    return values[order[order.length - 1]!]!;
  };
  return { meanSeconds: sum / total, p50Seconds: at(0.5), p90Seconds: at(0.9), p99Seconds: at(0.99) };
}
