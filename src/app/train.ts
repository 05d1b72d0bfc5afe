// train: training FLOPs, wall-clock, cost and energy of a pre-training run; the inputs parsed (named like the flags),
// the model's shape from the catalog or a parameter count, the MFU default from sourced runs, the answer as data.
import { findAccelerator, nearestAcceleratorIds } from "../catalog/accelerators/index.js";
import { nearestModelIds, resolveModelId } from "../catalog/models/index.js";
import { defaultTrainingMfu } from "../catalog/training-mfu.js";
import { parseArchitecture } from "../core/architecture.js";
import { defaultUsdPerHour, type Accelerator } from "../core/hardware.js";
import type { TypedIssue } from "../core/issues.js";
import { countParameters } from "../core/parameters.js";
import { ComputePrecision, peakFor } from "../core/precision.js";
import { type AttentionShape, estimateTraining } from "../core/training.js";
import type { Answer } from "./prices.js";
import * as v from "./values.js";

/** The run's inputs as text, keyed like the CLI's options. */
export interface TrainText {
  model?: string | undefined;
  params?: string | undefined;
  layers?: string | undefined;
  attentionWidth?: string | undefined;
  tokens?: string | undefined;
  accelerator?: string | undefined;
  count?: string | undefined;
  precision?: string | undefined;
  mfu?: string | undefined;
  usdPerHour?: string | undefined;
  seqLen?: string | undefined;
  drawFraction?: string | undefined;
  pue?: string | undefined;
}

export interface TrainingShape {
  label: string;
  paramCount: number;
  totalParamCount: number;
  attention?: Omit<AttentionShape, "sequenceLength">;
}

export interface TrainingQuestion {
  shape: TrainingShape;
  tokenCount: number;
  accelerator: Accelerator;
  acceleratorCount: number;
  precision: ComputePrecision;
  peakFlopsPerSecond: number;
  /** Given, else the sourced default for the accelerator family and precision. */
  mfuFraction: number;
  mfuSource: string;
  usdPerHour: number;
  sequenceLength: number;
  drawFraction: number;
  pue: number;
}

const fail = (issue: TypedIssue) => new v.InputError([issue]);

function shapeOf(t: TrainText): TrainingShape {
  if (t.model !== undefined && t.params !== undefined) throw fail({ code: "choose_one", path: ["model"], others: [["params"]], what: "(give either, not both)" });
  if (t.model !== undefined) {
    const resolved = resolveModelId(t.model);
    if (!resolved) throw fail({ code: "unknown_model", path: ["model"], model: t.model, suggestions: nearestModelIds(t.model), kind: "model" });
    const arch = parseArchitecture(resolved.entry.config);
    if (!arch.ok) throw fail({ code: "described", path: ["model"], kind: "bad_architecture", text: `cannot read the architecture of ${resolved.entry.id}: ${arch.issues.map((i) => i.message).join("; ")}` });
    const counts = countParameters(arch.value);
    const a = arch.value;
    return { label: resolved.entry.id, paramCount: counts.activeCount, totalParamCount: counts.totalCount, attention: { layerCount: a.layerCount, attentionWidth: a.headCount * a.headDim } };
  }
  if (t.params === undefined) throw fail({ code: "required", path: ["params"], hint: "a parameter count such as 70B, or a catalog model instead" });
  const paramCount = v.parsePositiveQuantity("params", t.params, v.INPUT_LIMITS.parameters);
  const shape: TrainingShape = { label: `${paramCount.toExponential(2).replace("e+", "e")} parameters`, paramCount, totalParamCount: paramCount };
  if (t.layers !== undefined || t.attentionWidth !== undefined) {
    if (t.layers === undefined || t.attentionWidth === undefined) throw fail({ code: "required", path: [t.layers === undefined ? "layers" : "attention-width"], hint: "layers and attention-width go together" });
    shape.attention = { layerCount: v.parseWhole("layers", t.layers, v.INPUT_NUMBER_LIMITS.whole), attentionWidth: v.parseWhole("attention-width", t.attentionWidth, v.INPUT_NUMBER_LIMITS.whole) };
  }
  return shape;
}

/** Parses the inputs (throws InputError naming `tokens`, `accelerator`, `mfu`, `usd-per-hour`, ...). */
export function parseTrainingQuestion(t: TrainText): TrainingQuestion {
  const shape = shapeOf(t);
  const tokenCount = v.parsePositiveQuantity("tokens", v.requireValue("tokens", t.tokens), v.INPUT_LIMITS.trainingTokens);
  const id = v.requireValue("accelerator", t.accelerator);
  const accelerator = findAccelerator(id);
  if (!accelerator) throw fail({ code: "unknown_accelerator", path: ["accelerator"], value: id, suggestions: nearestAcceleratorIds(id) });
  const acceleratorCount = v.parseWhole("count", v.requireValue("count", t.count), v.INPUT_LIMITS.acceleratorCount);
  const precision = ComputePrecision.safeParse(t.precision);
  if (!precision.success) throw fail({ code: "invalid_input", path: ["precision"], expected: `one of ${ComputePrecision.options.join(", ")}`, received: String(t.precision) });
  const peak = peakFor(accelerator.denseFlopsPerSecond, precision.data);
  if (!peak) throw fail({ code: "described", path: ["precision"], kind: "unsupported_precision", text: `${accelerator.id} has no ${precision.data} (or wider) peak` });
  const mfuDefault = defaultTrainingMfu(accelerator.family, peak.precision);
  const mfuFraction = t.mfu === undefined ? mfuDefault.mfuFraction : v.parseRange("mfu", t.mfu, 0, 1, false);
  const usdPerHour = t.usdPerHour === undefined ? defaultUsdPerHour(accelerator) : v.parseAtMost("usd-per-hour", v.parsePositive("usd-per-hour", t.usdPerHour, "a price in USD per hour > 0"), v.INPUT_NUMBER_LIMITS.number);
  return {
    shape,
    tokenCount,
    accelerator,
    acceleratorCount,
    precision: peak.precision,
    peakFlopsPerSecond: peak.flopsPerSecond,
    mfuFraction,
    mfuSource: t.mfu !== undefined ? "given" : `${mfuDefault.basis}: ${mfuDefault.rows.map((r) => r.run).join(", ")}`,
    usdPerHour,
    sequenceLength: v.parseWhole("seq-len", v.requireValue("seq-len", t.seqLen), v.INPUT_LIMITS.sequenceTokens),
    drawFraction: v.parseRange("draw-fraction", v.requireValue("draw-fraction", t.drawFraction), 0, 1, false),
    pue: v.parseRange("pue", v.requireValue("pue", t.pue), 1, 3, true),
  };
}

export type TrainingAnswer = ReturnType<typeof trainingRecord>;

function trainingRecord(q: TrainingQuestion, estimate: Extract<ReturnType<typeof estimateTraining>, { ok: true }>) {
  const s = q.shape;
  return {
    model: s.label,
    paramCount: s.paramCount,
    totalParamCount: s.totalParamCount,
    tokenCount: q.tokenCount,
    tokensPerParam: q.tokenCount / s.paramCount,
    sequenceLength: s.attention ? q.sequenceLength : null,
    accelerator: q.accelerator.id,
    acceleratorCount: q.acceleratorCount,
    precision: q.precision,
    peakFlopsPerSecond: q.peakFlopsPerSecond,
    mfuFraction: q.mfuFraction,
    mfuSource: q.mfuSource,
    usdPerHour: q.usdPerHour,
    ...estimate.value,
    warnings: estimate.warnings.map((w) => w.message),
  };
}

/** The run's FLOPs (6N + 12 L H Q T per token), wall-clock at the MFU, rental cost and energy. */
export function answerTraining(q: TrainingQuestion): Answer<TrainingAnswer> {
  const result = estimateTraining({
    paramCount: q.shape.paramCount,
    tokenCount: q.tokenCount,
    attention: q.shape.attention ? { ...q.shape.attention, sequenceLength: q.sequenceLength } : undefined,
    acceleratorCount: q.acceleratorCount,
    peakFlopsPerSecond: q.peakFlopsPerSecond,
    mfuFraction: q.mfuFraction,
    usdPerHour: q.usdPerHour,
    tdpWatts: q.accelerator.tdpWatts,
    drawFraction: q.drawFraction,
    pue: q.pue,
  });
  if (!result.ok) return { ok: false, issues: result.issues.map((i): TypedIssue => ({ code: "described", path: [], kind: i.code, text: i.message })) };
  return { ok: true, value: trainingRecord(q, result) };
}
