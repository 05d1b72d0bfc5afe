// scaling: compute-optimal parameters and tokens for a FLOP budget under each Chinchilla fit, the 20-tokens-per-
// parameter rule, and the inference-adjusted optimum (Sardana et al. 2023); inputs parsed, rows as data.
import { type Allocation, LOSS_FITS, type LossFit, computeOptimal, inferenceAdjustedOptimal, ruleOfThumbAllocation } from "../core/scaling.js";
import * as v from "./values.js";

/** One allocation of the budget under one fit. */
export interface ScalingRow {
  fit: string;
  approach: string;
  paramCount: number;
  tokenCount: number;
  tokensPerParam: number;
  loss: number;
  trainingFlops: number;
  inferenceFlops: number | null;
  totalFlops: number | null;
}

export interface ScalingText {
  budgetFlops?: string | undefined;
  inferenceTokens?: string | undefined;
  fit?: string | undefined;
}

export interface ScalingQuestion {
  budgetFlops: number;
  inferenceTokens?: number | undefined;
  fits: LossFit[];
}

/** Parses the inputs (throws InputError naming `budget-flops`, `inference-tokens`, `fit`). */
export function parseScalingQuestion(t: ScalingText): ScalingQuestion {
  const budgetFlops = v.parsePositiveQuantity("budget-flops", v.requireValue("budget-flops", t.budgetFlops), v.INPUT_NUMBER_LIMITS.quantity);
  let inferenceTokens: number | undefined;
  if (t.inferenceTokens !== undefined) {
    inferenceTokens = v.parseQuantity("inference-tokens", t.inferenceTokens);
    v.parseAtMost("inference-tokens", Math.abs(inferenceTokens), v.INPUT_NUMBER_LIMITS.quantity);
    if (inferenceTokens < 0) throw new v.InputError([{ code: "described", path: ["inference-tokens"], kind: "out_of_range", text: `must be >= 0, got "${t.inferenceTokens}"` }]);
  }
  let fits = Object.values(LOSS_FITS);
  if (t.fit !== undefined) {
    const fit = LOSS_FITS[t.fit as LossFit["id"]];
    if (!fit) throw new v.InputError([{ code: "invalid_input", path: ["fit"], expected: `one of ${Object.keys(LOSS_FITS).join(", ")}`, received: t.fit }]);
    fits = [fit];
  }
  return { budgetFlops, inferenceTokens, fits };
}

function row(fit: LossFit, approach: string, a: Allocation, inferenceTokens: number | undefined): ScalingRow {
  const inferenceFlops = inferenceTokens === undefined ? null : 2 * a.paramCount * inferenceTokens;
  return {
    fit: fit.id,
    approach,
    paramCount: a.paramCount,
    tokenCount: a.tokenCount,
    tokensPerParam: a.tokensPerParam,
    loss: a.loss,
    trainingFlops: a.trainingFlops,
    inferenceFlops,
    totalFlops: inferenceFlops === null ? null : a.trainingFlops + inferenceFlops,
  };
}

/** Rows for a budget: compute-optimal and 20x-rule allocations per fit, plus the inference-adjusted optimum. */
export function scalingRows(budgetFlops: number, fits: LossFit[], inferenceTokens?: number): ScalingRow[] {
  const rows: ScalingRow[] = [];
  for (const fit of fits) {
    rows.push(row(fit, "compute-optimal", computeOptimal(fit, budgetFlops), inferenceTokens));
    rows.push(row(fit, "20 tokens/param", ruleOfThumbAllocation(fit, budgetFlops), inferenceTokens));
    if (inferenceTokens !== undefined && inferenceTokens > 0) {
      rows.push(row(fit, "inference-adjusted", inferenceAdjustedOptimal(fit, budgetFlops, inferenceTokens), inferenceTokens));
    }
  }
  return rows;
}

/** What `scaling --json` prints: the budget, the fits used and their rows. */
export function answerScaling(q: ScalingQuestion) {
  return { budgetFlops: q.budgetFlops, inferenceTokens: q.inferenceTokens ?? null, fits: q.fits.map((f) => ({ ...f })), rows: scalingRows(q.budgetFlops, q.fits, q.inferenceTokens) };
}
