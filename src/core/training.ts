// Training compute (6N + attention), wall-clock time at an MFU, cost and energy.
import { z } from "zod";
import { type Issue, type Result, fail, ok } from "./result.js";
import { SECONDS_PER_HOUR, JOULES_PER_KWH } from "./units.js";

/**
 * Attention shape for the sequence-length-dependent term of training FLOPs.
 * attentionWidth is heads x head dimension (the width of Q, usually the hidden size).
 */
export const AttentionShape = z.strictObject({
  layerCount: z.number().int().positive(),
  attentionWidth: z.number().int().positive(),
  sequenceLength: z.number().int().positive(),
});
export type AttentionShape = z.infer<typeof AttentionShape>;

export const TrainingInput = z.strictObject({
  /** Parameters touched per token: all of them for a dense model, the active ones for an MoE. */
  paramCount: z.number(),
  tokenCount: z.number(),
  attention: AttentionShape.optional(),
  acceleratorCount: z.number(),
  /** Dense peak of one accelerator in the training format. */
  peakFlopsPerSecond: z.number(),
  /** Model FLOPs utilization: achieved model FLOP/s over peak, 0 < mfu <= 1. */
  mfuFraction: z.number(),
  /** Hourly price of one accelerator. */
  usdPerHour: z.number(),
  tdpWatts: z.number(),
  /** Average board power over TDP while training. */
  drawFraction: z.number(),
  /** Power usage effectiveness of the facility (>= 1). */
  pue: z.number(),
});
export type TrainingInput = z.infer<typeof TrainingInput>;

export interface TrainingEstimate {
  flopsPerToken: number;
  attentionFlopsPerToken: number;
  totalFlops: number;
  wallClockSeconds: number;
  acceleratorHours: number;
  costUsd: number;
  powerWatts: number;
  energyJoules: number;
  energyKwh: number;
}

/**
 * Training FLOPs per token: 6N + 12 L H Q T (PaLM, Chowdhery et al. 2022, appendix B), where the 6N term is
 * Kaplan et al. 2020's forward (2N) plus backward (4N) matmul count and 12 L (H Q) T counts the QK^T and AV
 * products of every layer over a sequence of T tokens, forward and backward, without causal-mask savings.
 */
export function trainingFlopsPerToken(paramCount: number, attention?: AttentionShape): { flopsPerToken: number; attentionFlopsPerToken: number } {
  const attentionFlopsPerToken = attention ? 12 * attention.layerCount * attention.attentionWidth * attention.sequenceLength : 0;
  return { flopsPerToken: 6 * paramCount + attentionFlopsPerToken, attentionFlopsPerToken };
}

/**
 * Training compute, wall-clock time at an MFU, rental cost and facility energy.
 * time = FLOPs / (count x peak x MFU); cost = count x hours x usdPerHour;
 * energy = count x TDP x drawFraction x PUE x time.
 */
export function estimateTraining(input: TrainingInput): Result<TrainingEstimate> {
  const issues = validateTraining(input);
  if (issues.length > 0) return fail(...issues);
  const { flopsPerToken, attentionFlopsPerToken } = trainingFlopsPerToken(input.paramCount, input.attention);
  const totalFlops = flopsPerToken * input.tokenCount;
  const wallClockSeconds = totalFlops / (input.acceleratorCount * input.peakFlopsPerSecond * input.mfuFraction);
  const acceleratorHours = (input.acceleratorCount * wallClockSeconds) / SECONDS_PER_HOUR;
  const powerWatts = input.acceleratorCount * input.tdpWatts * input.drawFraction * input.pue;
  const energyJoules = powerWatts * wallClockSeconds;
  const warnings: Issue[] = [];
  if (input.mfuFraction > 0.7) {
    warnings.push({ code: "mfu_above_published", message: `MFU ${input.mfuFraction} is above any published large-scale training run (about 0.55)`, value: input.mfuFraction });
  }
  return ok(
    {
      flopsPerToken,
      attentionFlopsPerToken,
      totalFlops,
      wallClockSeconds,
      acceleratorHours,
      costUsd: acceleratorHours * input.usdPerHour,
      powerWatts,
      energyJoules,
      energyKwh: energyJoules / JOULES_PER_KWH,
    },
    warnings,
  );
}

function validateTraining(input: TrainingInput): Issue[] {
  const issues: Issue[] = [];
  const positive: (keyof TrainingInput)[] = ["paramCount", "tokenCount", "acceleratorCount", "peakFlopsPerSecond", "tdpWatts"];
  for (const field of positive) {
    const value = input[field] as number;
    if (!Number.isFinite(value) || value <= 0) issues.push({ code: "not_positive", message: `${field} must be a positive number, got ${value}`, field, value });
  }
  if (!Number.isFinite(input.usdPerHour) || input.usdPerHour < 0) issues.push({ code: "not_positive", message: `usdPerHour must be >= 0, got ${input.usdPerHour}`, field: "usdPerHour", value: input.usdPerHour });
  const ranged: [keyof TrainingInput, number, number][] = [
    ["mfuFraction", 0, 1],
    ["drawFraction", 0, 1],
    ["pue", 1, 3],
  ];
  for (const [field, min, max] of ranged) {
    const value = input[field] as number;
    const bad = !Number.isFinite(value) || value > max || (field === "pue" ? value < min : value <= min);
    if (bad) issues.push({ code: "out_of_range", message: `${field} must be in ${field === "pue" ? "[" : "("}${min}, ${max}], got ${value}`, field, value, min, max });
  }
  return issues;
}
