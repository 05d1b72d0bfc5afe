// The engine's evaluation kept beside its prediction: the plan, the operating point, the step at that point operator
// by operator, what binds and by how much, host overhead included. `predict --explain`, the bound sentence and the
// web's roofline format it; nothing re-runs the plan search.
import { type ModelShape, shapeModel } from "./model-shape.js";
import { ratesFor } from "./plan.js";
import { type Evaluation, type PredictInput, evaluate, predictionOf } from "./predict.js";
import type { Bound, Prediction } from "./scenario.js";
import type { LoadPoint } from "./serving.js";
import { type Plan, type Rates, type StepLoad, type StepTime, stepTime } from "./step.js";

/** One operator's cost in a step, per accelerator, summed over layers. */
export interface OperatorTime {
  operator: string;
  flops: number;
  bytes: number;
  seconds: number;
  /** seconds / the step's seconds. */
  shareFraction: number;
  bound: "compute" | "memory" | "interconnect" | "host";
}

/** One engine step at the operating point: a decode step of the running batch, or the forward pass of embeddings. */
export interface StepBreakdown {
  kind: "decode" | "forward";
  /** Sequences in the step, per replica. */
  sequenceCount: number;
  load: StepLoad;
  time: StepTime;
  /** Every operator, then the visible host overhead as "step overhead". */
  operators: OperatorTime[];
}

/** What sets the pace of a step: a device resource, host work between kernels, or KV capacity (the batch cannot grow). */
export type Binding = "compute" | "memory" | "interconnect" | "host" | "capacity";

export interface PredictionEvaluation {
  plan: Plan;
  point: LoadPoint;
  fits: boolean;
  /** The prediction's `bound`: the device resource its decode step spends most time on (host work aside). */
  bound: Bound;
  shape: ModelShape;
  /** Achieved rates of the plan (null when the accelerator lacks a rate for these precisions). */
  rates: Rates | null;
  step: StepBreakdown | null;
  /** The largest share of the step, host overhead counted: "host" where most of the step is not device work. */
  binding: Binding;
  /** Share of the step time the binding resource takes, 0-1 (1 for capacity). */
  bindingFraction: number;
  /** The binding share over the next largest share (>= 1; Infinity when nothing else takes time). */
  bindingMarginRatio: number;
  /** Visible host overhead as a share of the step, 0-1. */
  hostOverheadFraction: number;
  /** In SLO mode, what stopped the batch from growing. */
  sloBinding?: Evaluation["sloBinding"];
}

export interface Explained {
  prediction: Prediction;
  evaluation: PredictionEvaluation;
}

/** A step's operators (per accelerator) and its time, the host overhead as the last row. */
export function stepOperators(shape: ModelShape, plan: Plan, rates: Rates, load: StepLoad): { time: StepTime; operators: OperatorTime[] } {
  const ops = new Map<string, { flops: number; bytes: number; seconds: number; bound: OperatorTime["bound"] }>();
  const time = stepTime(shape, plan, rates, load, (name, flops, bytes, seconds, bound) => {
    const o = ops.get(name) ?? { flops: 0, bytes: 0, seconds: 0, bound };
    o.flops += flops;
    o.bytes += bytes;
    o.seconds += seconds;
    ops.set(name, o);
  });
  const share = (seconds: number) => (time.seconds > 0 ? seconds / time.seconds : 0);
  const operators: OperatorTime[] = [...ops.entries()].map(([operator, o]) => ({ operator, ...o, shareFraction: share(o.seconds) }));
  operators.push({ operator: "step overhead", flops: 0, bytes: 0, seconds: time.overheadSeconds, shareFraction: share(time.overheadSeconds), bound: "host" });
  return { time, operators };
}

/** The step `predict` explains: one decode step of the running batch at mid-output context, or one forward pass. */
export function representativeLoad(input: PredictInput, runningSequences: number): { kind: StepBreakdown["kind"]; load: StepLoad } {
  const w = input.scenario.workload;
  const batch = Math.max(1, runningSequences);
  if (w.kind === "generate" && w.outputTokens > 1) {
    return { kind: "decode", load: { decodeSequenceCount: batch, decodeContextTokens: w.inputTokens + w.outputTokens / 2, decodeTokensPerSequence: 1, prefillTokenCount: 0, prefillContextTokens: 0, logitsCount: batch } };
  }
  const tokens = Math.max(1, w.inputTokens);
  return { kind: "forward", load: { decodeSequenceCount: 0, decodeContextTokens: 0, decodeTokensPerSequence: 1, prefillTokenCount: batch * tokens, prefillContextTokens: tokens / 2, logitsCount: 0, prefillSequenceCount: batch } };
}

/** Shares of the step by resource: device time split by the operators' own bounds, host overhead as itself. */
function shares(step: StepBreakdown): Record<"compute" | "memory" | "interconnect" | "host", number> {
  const t = step.time;
  const total = t.seconds > 0 ? t.seconds : 1;
  const device = Math.max(0, t.seconds - t.overheadSeconds);
  const by = { compute: 0, memory: 0, interconnect: 0 };
  for (const o of step.operators) if (o.bound !== "host") by[o.bound] += o.seconds;
  const visited = by.compute + by.memory + by.interconnect;
  // pipeline hops and pp stage scaling are outside the operator visits: device time is split in the visits' proportions
  const scale = visited > 0 ? device / visited : 0;
  return { compute: (by.compute * scale) / total, memory: (by.memory * scale) / total, interconnect: (by.interconnect * scale) / total, host: t.overheadSeconds / total };
}

/** The evaluation of `e` made explicit (the rates and the representative step computed once, from its plan). */
export function describeEvaluation(input: PredictInput, shape: ModelShape, e: Evaluation): PredictionEvaluation {
  const routing = input.scenario.features?.routing ?? { skew: 0, imbalanceFactor: 1 };
  const rated = e.fits ? ratesFor(input.accelerator, input.profile, input.precisions, e.plan, routing, input.operators) : null;
  const rates = rated?.ok ? rated.rates : null;
  let step: StepBreakdown | null = null;
  if (rates) {
    const { kind, load } = representativeLoad(input, e.point.runningSequences);
    step = { kind, sequenceCount: Math.max(1, e.point.runningSequences), load, ...stepOperators(shape, e.plan, rates, load) };
  }
  const base = { plan: e.plan, point: e.point, fits: e.fits, bound: e.bound, shape, rates, step, ...(e.sloBinding ? { sloBinding: e.sloBinding } : {}) };
  if (!e.fits || !step || e.bound === "capacity") return { ...base, binding: "capacity", bindingFraction: 1, bindingMarginRatio: Number.POSITIVE_INFINITY, hostOverheadFraction: step ? shares(step).host : 0 };
  const s = shares(step);
  const ranked = (Object.entries(s) as Array<[Binding, number]>).sort((a, b) => b[1] - a[1]);
  const [first, second] = [ranked[0]!, ranked[1]!];
  return { ...base, binding: first[0], bindingFraction: first[1], bindingMarginRatio: second[1] > 0 ? first[1] / second[1] : Number.POSITIVE_INFINITY, hostOverheadFraction: s.host };
}

/** Predicts and keeps the evaluation: the same prediction as `predict(input)`, with what it was computed from. */
export function predictExplained(input: PredictInput): Explained {
  const shape = shapeModel(input.architecture, input.precisions);
  const e = evaluate(input, shape);
  return { prediction: predictionOf(input, e), evaluation: describeEvaluation(input, shape, e) };
}
