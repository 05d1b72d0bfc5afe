// The engine's entry point: evaluate plans under offline, concurrency or SLO load and produce the prediction contract.
import type { OperatorProfile } from "./operators.js";
import type { Architecture } from "./architecture.js";
import type { EfficiencyProfile } from "./efficiency.js";
import type { Accelerator } from "./hardware.js";
import { type ModelShape, type Precisions, shapeModel } from "./model-shape.js";
import { capacityFor, candidatePlans, kvBytesPerSequence, ratesFor } from "./plan.js";
import type { Issue } from "./result.js";
import type { Bound, Prediction, Scenario } from "./scenario.js";
import { type Disaggregation, type LoadPoint, type ServingPolicy, closedLoop, disaggregatedLoop, openLoopLatency } from "./serving.js";
import { type Plan, stepTime } from "./step.js";
import { costOf } from "./cost.js";
import { type SimulatedLatency, simulatedPoint } from "./simulated-load.js";
import type { SchedulerKind } from "./simulate.js";

/** Everything predict needs, already resolved from catalogs. */
export interface PredictInput {
  scenario: Scenario;
  architecture: Architecture;
  accelerator: Accelerator;
  profile: EfficiencyProfile;
  precisions: Precisions;
  /** Operator models for the accelerator and engine (measured kernels or microbenchmark rates); absent: roofline rates. */
  operators?: OperatorProfile | null;
}

/** One evaluated configuration. */
export interface Evaluation {
  plan: Plan;
  point: LoadPoint;
  /** Requests in flight in the whole system. */
  systemConcurrency: number;
  bound: Bound;
  fits: boolean;
  issues: Issue[];
  /** Mean latencies reported (open-loop means in SLO mode). */
  ttftSeconds: number;
  tpotSeconds: number;
  /** Sequences whose KV cache fits in one replica (null for embeddings). */
  kvCapacitySequences?: number | null;
  /** In SLO mode, what stopped the batch from growing: a latency limit, KV capacity, or the engine's batch limit. */
  sloBinding?: "ttft" | "tpot" | "capacity" | "max-batch";
  /** Latency distributions when the load point was simulated request by request. */
  latency?: SimulatedLatency;
}

/** Predicts throughput, latency and cost of a scenario: the engine's single entry point. */
export function predict(input: PredictInput): Prediction {
  const shape = shapeModel(input.architecture, input.precisions);
  const evaluation = evaluate(input, shape);
  return toPrediction(input, evaluation);
}

/** Evaluates the scenario's plan, or every candidate plan and keeps the one with the most output throughput. */
export function evaluate(input: PredictInput, shape: ModelShape): Evaluation {
  const { scenario } = input;
  const count = scenario.hardware.count;
  const given = scenario.parallelism;
  const overflow = contextOverflow(input);
  if (overflow) return infeasible(given ? { tp: given.tp, pp: given.pp, ep: given.ep, dpAttention: given.dp, replicas: count / (given.tp * given.pp * given.dp) } : { tp: 1, pp: 1, ep: 1, dpAttention: 1, replicas: count }, [overflow]);
  const plans: Plan[] = given
    ? [{ tp: given.tp, pp: given.pp, ep: given.ep, dpAttention: given.dp, replicas: count / (given.tp * given.pp * given.dp) }]
    : // Engines run tensor/pipeline/expert parallelism by default; data-parallel attention is opt-in in vLLM, SGLang
      // and TensorRT-LLM, so it is chosen only when the scenario asks (frontier and optimize sweep it explicitly).
      candidatePlans(shape, count).filter((p) => p.dpAttention === 1);
  // Plans are ranked with the closed form (fast); the chosen one is then simulated request by request.
  const simulate = wantsSimulation(scenario);
  if (plans.length === 1) return evaluatePlan(input, shape, plans[0]!, simulate);
  let best: Evaluation | undefined;
  let firstFailure: Evaluation | undefined;
  for (const plan of plans) {
    const e = evaluatePlan(input, shape, plan);
    if (!e.fits) {
      if (!firstFailure || failureRank(e) > failureRank(firstFailure)) firstFailure = e;
      continue;
    }
    if (!best || score(e) > score(best)) best = e;
  }
  if (best && simulate) return evaluatePlan(input, shape, best.plan, true);
  return best ?? firstFailure ?? infeasible(plans[0] ?? { tp: 1, pp: 1, ep: 1, dpAttention: 1, replicas: count }, []);
}

/**
 * The context-window issue of a request longer than the model's context (input plus output tokens over the
 * config's max_position_embeddings), or null when it fits.
 */
export function contextOverflow(input: PredictInput): Issue | null {
  const w = input.scenario.workload;
  const requestTokens = w.inputTokens + (w.kind === "generate" ? w.outputTokens : 0);
  const contextWindowTokens = input.architecture.maxContextTokens;
  if (!(contextWindowTokens > 0) || requestTokens <= contextWindowTokens) return null;
  const parts = w.kind === "generate" ? `${w.inputTokens} input + ${w.outputTokens} output tokens` : `${w.inputTokens} input tokens`;
  return {
    code: "exceeds_context_window",
    field: "workload.inputTokens",
    modelId: input.scenario.model,
    requestTokens,
    contextWindowTokens,
    message: `workload.inputTokens: a request of ${parts} is longer than the ${contextWindowTokens}-token context window of ${input.scenario.model}`,
  };
}

/**
 * How far a failed plan got, so the reported failure is the most telling one: weights that do not fit (0, the
 * plan with the most accelerators per replica first, it needs the least memory each), then a KV cache that does
 * not fit (1), then a plan that fits but misses the load's goal, such as an SLO (2).
 */
function failureRank(e: Evaluation): number {
  const code = e.issues[0]?.code;
  if (code === "exceeds_memory") return (e.plan.tp * e.plan.pp * e.plan.dpAttention) / 1e6;
  return code === "kv_cache_exceeds_memory" ? 1 : 2;
}

/** A concurrency load of a generating workload is simulated unless the scenario asks for the closed form. */
export function wantsSimulation(scenario: Scenario): boolean {
  const w = scenario.workload;
  return w.kind === "generate" && w.load.mode === "concurrency" && w.outputTokens > 1 && !scenario.features?.disaggregation && scenario.features?.benchmark?.method !== "closed-form";
}

/** The scheduler a profile's engine runs (engines without their own policy schedule like vLLM). */
export function schedulerOf(engine: string): SchedulerKind {
  return engine === "sglang" || engine === "trtllm" || engine === "llamacpp" || engine === "tei" ? engine : "vllm";
}

function score(e: Evaluation): number {
  return e.point.outputTokensPerSecond * e.plan.replicas + e.point.inputTokensPerSecond * e.plan.replicas * 1e-6;
}

/** Evaluates one plan: memory, rates, and the load mode. */
export function evaluatePlan(input: PredictInput, shape: ModelShape, plan: Plan, simulate = false): Evaluation {
  const { scenario, accelerator, profile } = input;
  const work = scenario.workload;
  const issues: Issue[] = [];
  const capacity = capacityFor(shape, plan, accelerator, profile);
  if (!capacity.fits) {
    issues.push({
      code: "exceeds_memory",
      requiredBytes: Math.round(capacity.weightBytesPerAccelerator),
      availableBytes: Math.round(Math.max(0, capacity.usableBytesPerAccelerator)),
      message: `weights need ${(capacity.weightBytesPerAccelerator / 1e9).toFixed(1)} GB per accelerator, ${(Math.max(0, capacity.usableBytesPerAccelerator) / 1e9).toFixed(1)} GB usable on ${accelerator.id} with tp=${plan.tp} pp=${plan.pp}`,
    });
    return infeasible(plan, issues);
  }
  const routing = scenario.features?.routing ?? { skew: 0, imbalanceFactor: 1 };
  const rated = ratesFor(accelerator, profile, input.precisions, plan, routing, input.operators);
  if (!rated.ok) return infeasible(plan, [rated.issue]);
  // KV held per running sequence: the mean context when pages grow with the sequence, the whole request when the
  // scheduler reserves prompt + output at admission.
  const meanContext = work.inputTokens + (profile.kvAllocation === "reserved" ? work.outputTokens : work.outputTokens / 2);
  const seqBytes = kvBytesPerSequence(shape, plan, Math.max(1, meanContext));
  const kvCapacitySequences = work.kind === "embed" ? Number.MAX_SAFE_INTEGER : Math.floor(capacity.kvCapacityBytes / seqBytes);
  if (kvCapacitySequences < 1) {
    issues.push({
      code: "kv_cache_exceeds_memory",
      requiredBytes: Math.round(seqBytes),
      availableBytes: Math.round(capacity.kvCapacityBytes),
      message: `one sequence of ${Math.round(meanContext)} tokens needs ${(seqBytes / 1e9).toFixed(2)} GB of KV cache, ${(capacity.kvCapacityBytes / 1e9).toFixed(2)} GB remain after weights`,
    });
    return infeasible(plan, issues);
  }
  const reportedCapacity = work.kind === "embed" ? null : kvCapacitySequences;
  const policy: ServingPolicy = {
    // Each data-parallel attention rank schedules its own batch (SGLang/vLLM DP attention).
    maxBatchSequences: profile.maxBatchSequences * plan.dpAttention,
    mixedBatching: profile.mixedBatching,
    maxBatchedTokens: profile.maxBatchedTokens,
    tpotTail99Ratio: profile.tpotTail99Ratio,
    kvCapacitySequences,
    speculative: scenario.features?.speculative ?? null,
    staticBatch: scenario.features?.batching === "static",
  };
  const rates = rated.rates;
  const load = work.load;
  const split = scenario.features?.disaggregation;
  let disaggregation: Disaggregation | undefined;
  if (split && work.kind === "generate") {
    const perReplica = plan.tp * plan.pp * plan.dpAttention;
    const prefillReplicas = split.prefillAcceleratorCount / perReplica;
    const decodeReplicas = (scenario.hardware.count - split.prefillAcceleratorCount) / perReplica;
    if (!Number.isInteger(prefillReplicas) || prefillReplicas < 1 || decodeReplicas < 1 || !Number.isInteger(decodeReplicas)) {
      return infeasible(plan, [
        {
          code: "impossible_disaggregation",
          field: "features.disaggregation.prefillAcceleratorCount",
          message: `features.disaggregation.prefillAcceleratorCount: ${split.prefillAcceleratorCount} must be a whole number of ${perReplica}-accelerator replicas and leave at least one replica of the ${scenario.hardware.count} for decode`,
        },
      ]);
    }
    const link = scenario.hardware.count <= accelerator.scaleUp.domainSize ? accelerator.scaleUp : (accelerator.scaleOut ?? accelerator.scaleUp);
    disaggregation = {
      prefillReplicas,
      decodeReplicas,
      kvTransferBytes: kvBytesPerSequence(shape, plan, Math.max(1, work.inputTokens)) / perReplica,
      link: { bytesPerSecond: link.bandwidthBytesPerSecond * profile.linkBandwidthFraction, latencySeconds: link.latencySeconds },
    };
  }
  const run = (perReplica: number): LoadPoint =>
    disaggregation ? disaggregatedLoop(shape, plan, rates, policy, perReplica * plan.replicas, work.inputTokens, work.outputTokens, disaggregation) : closedLoop(shape, plan, rates, policy, perReplica, work.inputTokens, work.outputTokens);

  if (load.mode === "concurrency" && simulate && !disaggregation) {
    const perReplica = Math.max(1, load.concurrency / plan.replicas);
    if (load.concurrency / plan.replicas < 1 && plan.replicas > 1) {
      issues.push({ code: "idle_replicas", message: `concurrency ${load.concurrency} leaves some of the ${plan.replicas} replicas idle` });
    }
    const bench = scenario.features?.benchmark;
    const simPolicy = policy.staticBatch ? { ...policy, maxBatchSequences: Math.min(policy.maxBatchSequences, Math.round(perReplica)) } : policy;
    const sim = simulatedPoint(shape, plan, rates, simPolicy, policy.staticBatch ? "vllm" : schedulerOf(profile.engine), capacity.kvCapacityBytes, work.inputTokens, work.outputTokens, {
      arrivals: policy.staticBatch ? { kind: "static" } : { kind: "closed", concurrency: perReplica },
      lengths: bench?.lengths === "uniform" ? { kind: "uniform", rangeRatio: bench.rangeRatio } : bench?.lengths === "sharegpt" ? { kind: "sharegpt" } : { kind: "fixed" },
      ...(bench?.requestCount !== undefined ? { requestCount: Math.max(1, Math.round(bench.requestCount / plan.replicas)) } : policy.staticBatch ? { requestCount: Math.round(perReplica) } : {}),
      seed: bench?.seed ?? 1,
    });
    const active = Math.min(plan.replicas, load.concurrency);
    shiftLatency(sim, profile.requestOverheadSeconds ?? 0);
    const point = load.concurrency / plan.replicas < 1 ? scalePoint(sim.point, active / plan.replicas) : sim.point;
    return { ...finish(plan, point, load.concurrency, reportedCapacity, issues), latency: sim.latency };
  }
  if (load.mode === "concurrency") {
    const perReplica = load.concurrency / plan.replicas;
    if (perReplica < 1 && plan.replicas > 1) {
      issues.push({ code: "idle_replicas", message: `concurrency ${load.concurrency} leaves some of the ${plan.replicas} replicas idle` });
    }
    const point = run(Math.max(perReplica, 1e-9) < 1 ? 1 : perReplica);
    const active = Math.min(plan.replicas, load.concurrency);
    const scaled = perReplica < 1 ? scalePoint(point, active / plan.replicas) : point;
    return finish(plan, scaled, load.concurrency, reportedCapacity, issues);
  }
  const maxBatch = Math.max(1, Math.min(policy.maxBatchSequences, kvCapacitySequences));
  if (load.mode === "offline") {
    const point = run(maxBatch);
    return finish(plan, point, maxBatch * plan.replicas, reportedCapacity, issues);
  }
  // SLO: the largest running batch whose percentile latencies under Poisson arrivals meet both limits.
  const prefillSeconds = (tokens: number): number =>
    stepTime(shape, plan, rates, { decodeSequenceCount: 0, decodeContextTokens: 0, decodeTokensPerSequence: 1, prefillTokenCount: tokens, prefillContextTokens: Math.max(1, work.inputTokens) / 2, logitsCount: 1 }).seconds;
  const latencyAt = (point: LoadPoint) => openLoopLatency(point, prefillSeconds, work.inputTokens, maxBatch, load.percentile, profile.tpotTail99Ratio);
  const grid = batchGrid(maxBatch);
  const feasible = (i: number) => {
    const point = run(grid[i]!);
    const latency = latencyAt(point);
    return { point, latency, ttftOk: latency.ttftSeconds <= load.ttftSeconds, tpotOk: latency.tpotSeconds <= load.tpotSeconds };
  };
  // Latencies grow with the running batch, so the largest feasible batch is found by bisection over the grid.
  let lo = feasible(0);
  if (!lo.ttftOk || !lo.tpotOk) {
    issues.push({
      code: "slo_unreachable",
      ttftSeconds: lo.latency.ttftSeconds,
      tpotSeconds: lo.latency.tpotSeconds,
      message: `even one request at a time gives p${load.percentile} TTFT ${lo.latency.ttftSeconds.toPrecision(3)} s and TPOT ${lo.latency.tpotSeconds.toPrecision(3)} s against limits ${load.ttftSeconds} s / ${load.tpotSeconds} s`,
    });
    const e = finish(plan, lo.point, plan.replicas, reportedCapacity, issues);
    return { ...e, fits: false, sloBinding: !lo.tpotOk ? "tpot" : "ttft" };
  }
  let loIndex = 0;
  let hiIndex = grid.length;
  let blocker: ReturnType<typeof feasible> | undefined;
  while (hiIndex - loIndex > 1) {
    const mid = (loIndex + hiIndex) >> 1;
    const probe = feasible(mid);
    if (probe.ttftOk && probe.tpotOk) {
      loIndex = mid;
      lo = probe;
    } else {
      hiIndex = mid;
      blocker = probe;
    }
  }
  const atCap = loIndex === grid.length - 1;
  const sloBinding: Evaluation["sloBinding"] = atCap ? (kvCapacitySequences <= policy.maxBatchSequences ? "capacity" : "max-batch") : blocker && !blocker.tpotOk ? "tpot" : "ttft";
  const e = finish(plan, lo.point, lo.point.runningSequences * plan.replicas, reportedCapacity, issues);
  return { ...e, ttftSeconds: lo.latency.ttftMeanSeconds, sloBinding };
}

/** Adds the per-request latency outside engine steps to every TTFT and E2E (the client sees it; steps do not). */
function shiftLatency(sim: ReturnType<typeof simulatedPoint>, seconds: number): void {
  if (seconds <= 0) return;
  for (const d of [sim.latency.ttft, sim.latency.e2e]) {
    d.meanSeconds += seconds;
    d.p50Seconds += seconds;
    d.p90Seconds += seconds;
    d.p99Seconds += seconds;
  }
  sim.point.ttftSeconds += seconds;
  sim.point.e2eSeconds += seconds;
}

/** Running batch sizes to try in SLO mode: geometric steps of about 6%, then the cap. */
function batchGrid(maxBatch: number): number[] {
  const out: number[] = [];
  for (let b = 1; b < maxBatch; b = Math.max(b + 1, Math.floor(b * 1.06))) out.push(b);
  out.push(maxBatch);
  return out;
}

function scalePoint(point: LoadPoint, share: number): LoadPoint {
  return { ...point, requestsPerSecond: point.requestsPerSecond * share, outputTokensPerSecond: point.outputTokensPerSecond * share, inputTokensPerSecond: point.inputTokensPerSecond * share };
}

function finish(plan: Plan, point: LoadPoint, systemConcurrency: number, kvCapacitySequences: number | null, issues: Issue[]): Evaluation {
  const step = point.decodeStep;
  let bound: Bound;
  if (point.limitedBy === "memory-capacity") bound = "capacity";
  else if (step.seconds === 0) bound = "compute";
  else if (step.interconnectSeconds > step.computeSeconds && step.interconnectSeconds > step.memorySeconds) bound = "interconnect";
  else bound = step.computeSeconds > step.memorySeconds ? "compute" : "memory";
  if (point.limitedBy) {
    issues.push({
      code: point.limitedBy === "memory-capacity" ? "kv_capacity_limits_batch" : "max_batch_limits_batch",
      runningSequences: point.runningSequences,
      message: `only ${Math.floor(point.runningSequences)} sequences run at once per replica (${point.limitedBy === "memory-capacity" ? "KV cache capacity" : "engine batch limit"}); the rest queue`,
    });
  }
  return { plan, point, systemConcurrency, bound, fits: true, issues, ttftSeconds: point.ttftSeconds, tpotSeconds: point.tpotSeconds, kvCapacitySequences };
}

function infeasible(plan: Plan, issues: Issue[]): Evaluation {
  const zero: LoadPoint = {
    concurrency: 0,
    runningSequences: 0,
    requestsPerSecond: 0,
    outputTokensPerSecond: 0,
    inputTokensPerSecond: 0,
    ttftSeconds: 0,
    tpotSeconds: 0,
    e2eSeconds: 0,
    prefillTimeFraction: 0,
    decodeStep: { seconds: 0, computeSeconds: 0, memorySeconds: 0, interconnectSeconds: 0, overheadSeconds: 0 },
    limitedBy: null,
    ttftQueueSeconds: 0,
  };
  return { plan, point: zero, systemConcurrency: 0, bound: "capacity", fits: false, issues, ttftSeconds: 0, tpotSeconds: 0 };
}

/** The prediction contract for an evaluation `evaluate` returned (predict = predictionOf(input, evaluate(...))). */
export function predictionOf(input: PredictInput, e: Evaluation): Prediction {
  return toPrediction(input, e);
}

function toPrediction(input: PredictInput, e: Evaluation): Prediction {
  const { scenario } = input;
  const generate = scenario.workload.kind === "generate";
  // With data-parallel attention the replica's group is tp x dp wide; tp reports that width so that
  // replicas = count / (tp x pp) holds, and dp says how much of it is attention data parallelism.
  const parallelism = { tp: e.plan.tp * e.plan.dpAttention, pp: e.plan.pp, ep: e.plan.ep, replicas: e.plan.replicas, dp: e.plan.dpAttention };
  if (!e.fits && e.point.requestsPerSecond === 0) {
    return {
      id: scenario.id ?? null,
      fits: false,
      outputTokensPerSecond: null,
      inputTokensPerSecond: null,
      ttftSeconds: null,
      tpotSeconds: null,
      concurrency: null,
      parallelism,
      bound: "capacity",
      usdPerMillionOutputTokens: null,
      usdPerMillionInputTokens: null,
      issues: e.issues,
      requestsPerSecond: null,
      e2eSeconds: null,
      kwhPerMillionTokens: null,
      gramsCo2PerMillionTokens: null,
      kvCapacitySequences: null,
    };
  }
  const replicas = e.plan.replicas;
  const out = e.point.outputTokensPerSecond * replicas;
  const inp = e.point.inputTokensPerSecond * replicas;
  const cost = costOf({
    acceleratorCount: scenario.hardware.count,
    tdpWatts: input.accelerator.tdpWatts,
    outputTokensPerSecond: out,
    inputTokensPerSecond: inp,
    prefillTimeFraction: e.point.prefillTimeFraction,
    pricing: scenario.pricing,
    defaultPowerDrawFraction: input.profile.powerDrawFraction,
  });
  const prediction: Prediction = {
    id: scenario.id ?? null,
    fits: e.fits,
    outputTokensPerSecond: generate ? finite(out) : 0,
    inputTokensPerSecond: finite(inp),
    ttftSeconds: finite(e.ttftSeconds),
    tpotSeconds: generate && scenario.workload.outputTokens > 1 ? finite(e.tpotSeconds) : null,
    concurrency: finite(e.systemConcurrency),
    parallelism,
    bound: e.bound,
    usdPerMillionOutputTokens: generate ? cost.usdPerMillionOutputTokens : null,
    usdPerMillionInputTokens: cost.usdPerMillionInputTokens,
    issues: e.issues,
    requestsPerSecond: finite(e.point.requestsPerSecond * replicas),
    e2eSeconds: finite(e.point.e2eSeconds),
    kwhPerMillionTokens: cost.kwhPerMillionTokens,
    kvCapacitySequences: e.kvCapacitySequences ?? null,
    gramsCo2PerMillionTokens: cost.gramsCo2PerMillionTokens,
  };
  if (e.latency) prediction.latency = e.latency;
  const bands = input.profile.predictionBands;
  if (bands && bands.length > 0 && e.fits) {
    const intervals: NonNullable<Prediction["intervals"]> = {};
    for (const b of bands) {
      const v = prediction[b.field];
      if (typeof v === "number" && v > 0) intervals[b.field] = { low: v * Math.min(1, b.lowFactor), high: v * Math.max(1, b.highFactor) };
    }
    prediction.intervals = intervals;
  }
  return prediction;
}

function finite(x: number): number | null {
  return Number.isFinite(x) ? x : null;
}
