/**
 * Chinchilla-style scaling: the parametric loss L(N, D) = E + A / N^alpha + B / D^beta (Hoffmann et al. 2022,
 * "Training Compute-Optimal Large Language Models", Approach 3), its compute-optimal allocation under C = 6 N D,
 * and the inference-adjusted optimum of Sardana et al. 2023 ("Beyond Chinchilla-Optimal").
 */

export interface LossFit {
  id: "hoffmann" | "epoch";
  name: string;
  irreducibleLoss: number; // E
  paramCoefficient: number; // A
  tokenCoefficient: number; // B
  paramExponent: number; // alpha
  tokenExponent: number; // beta
  sourceUrl: string;
  note: string;
}

/** The two published fits of the parametric loss. */
export const LOSS_FITS: Record<LossFit["id"], LossFit> = {
  hoffmann: {
    id: "hoffmann",
    name: "Hoffmann et al. 2022 (Approach 3, as printed)",
    irreducibleLoss: 1.69,
    paramCoefficient: 406.4,
    tokenCoefficient: 410.7,
    paramExponent: 0.34,
    tokenExponent: 0.28,
    sourceUrl: "https://arxiv.org/abs/2203.15556",
    note: "Eq. 10 of the paper. With these rounded values the compute-optimal ratio is ~80-100 tokens per parameter at 1e23-1e24 FLOPs (it grows as C^0.097), not the ~20 of Approaches 1 and 2 (Besiroglu et al. 2024 trace this to an unconverged fit and rounding).",
  },
  epoch: {
    id: "epoch",
    name: "Besiroglu et al. 2024 (Epoch AI replication)",
    irreducibleLoss: 1.8172,
    paramCoefficient: 482.01,
    tokenCoefficient: 2085.43,
    paramExponent: 0.3478,
    tokenExponent: 0.3658,
    sourceUrl: "https://epochai.org/blog/chinchilla-scaling-a-replication-attempt",
    note: "Refit on data reconstructed from Hoffmann et al.'s Figure 4 (arXiv 2404.10102); gives ~20 tokens per parameter at Chinchilla scale, consistent with Approaches 1 and 2.",
  },
};

/** The "20 tokens per parameter" rule of thumb from Hoffmann et al.'s Approaches 1 and 2 (Chinchilla: 70B on 1.4T). */
export const CHINCHILLA_TOKENS_PER_PARAM = 20;

/** Predicted pre-training loss (nats per token) of a model with paramCount parameters trained on tokenCount tokens. */
export function parametricLoss(fit: LossFit, paramCount: number, tokenCount: number): number {
  return fit.irreducibleLoss + fit.paramCoefficient / paramCount ** fit.paramExponent + fit.tokenCoefficient / tokenCount ** fit.tokenExponent;
}

export interface Allocation {
  paramCount: number;
  tokenCount: number;
  tokensPerParam: number;
  trainingFlops: number;
  loss: number;
}

/**
 * Compute-optimal N and D for a budget of C = 6 N D training FLOPs, in closed form (Hoffmann et al. eq. 4):
 * N = G (C/6)^(beta/(alpha+beta)), D = (C/6)^(alpha/(alpha+beta)) / G, G = (alpha A / (beta B))^(1/(alpha+beta)).
 */
export function computeOptimal(fit: LossFit, budgetFlops: number): Allocation {
  const { paramExponent: a, tokenExponent: b, paramCoefficient: A, tokenCoefficient: B } = fit;
  const g = ((a * A) / (b * B)) ** (1 / (a + b));
  const paramCount = g * (budgetFlops / 6) ** (b / (a + b));
  const tokenCount = budgetFlops / (6 * paramCount);
  return { paramCount, tokenCount, tokensPerParam: tokenCount / paramCount, trainingFlops: budgetFlops, loss: parametricLoss(fit, paramCount, tokenCount) };
}

/** The 20-tokens-per-parameter allocation of a budget: N = sqrt(C / (6 x 20)), D = 20 N. */
export function ruleOfThumbAllocation(fit: LossFit, budgetFlops: number, tokensPerParam = CHINCHILLA_TOKENS_PER_PARAM): Allocation {
  const paramCount = Math.sqrt(budgetFlops / (6 * tokensPerParam));
  const tokenCount = tokensPerParam * paramCount;
  return { paramCount, tokenCount, tokensPerParam, trainingFlops: budgetFlops, loss: parametricLoss(fit, paramCount, tokenCount) };
}

/** Training tokens a model of paramCount parameters needs to reach targetLoss; undefined if it never can. */
export function tokensForLoss(fit: LossFit, paramCount: number, targetLoss: number): number | undefined {
  const remaining = targetLoss - fit.irreducibleLoss - fit.paramCoefficient / paramCount ** fit.paramExponent;
  if (!(remaining > 0)) return undefined;
  return (fit.tokenCoefficient / remaining) ** (1 / fit.tokenExponent);
}

export interface InferenceAdjusted extends Allocation {
  inferenceTokens: number;
  inferenceFlops: number;
  totalFlops: number;
  /** The Chinchilla-optimal model of the same loss, with its own lifetime FLOPs, for comparison. */
  chinchilla: Allocation & { totalFlops: number };
}

/**
 * Sardana et al. 2023: the N and D_train that minimize lifetime FLOPs 6 N D_train + 2 N D_inference while
 * matching the loss of the Chinchilla-optimal model at budgetFlops. D_train follows from N through the loss
 * constraint, so this is a one-dimensional search over log N: a 400-point scan, then golden-section refinement.
 */
export function inferenceAdjustedOptimal(fit: LossFit, budgetFlops: number, inferenceTokens: number): InferenceAdjusted {
  const base = computeOptimal(fit, budgetFlops);
  const target = base.loss;
  const lifetime = (n: number): number => {
    const d = tokensForLoss(fit, n, target);
    return d === undefined ? Infinity : 6 * n * d + 2 * n * inferenceTokens;
  };
  // Smallest N that can reach the target loss at all (D -> infinity).
  const minParams = (fit.paramCoefficient / (target - fit.irreducibleLoss)) ** (1 / fit.paramExponent);
  const lo = Math.log(minParams) + 1e-9;
  const hi = Math.log(base.paramCount) + Math.log(100);
  const steps = 400;
  let best = 0;
  let bestValue = Infinity;
  for (let i = 0; i <= steps; i++) {
    const v = lifetime(Math.exp(lo + ((hi - lo) * i) / steps));
    if (v < bestValue) [best, bestValue] = [i, v];
  }
  let a = lo + ((hi - lo) * Math.max(0, best - 1)) / steps;
  let b = lo + ((hi - lo) * Math.min(steps, best + 1)) / steps;
  const phi = (Math.sqrt(5) - 1) / 2;
  for (let i = 0; i < 200 && b - a > 1e-12; i++) {
    const c = b - phi * (b - a);
    const d = a + phi * (b - a);
    if (lifetime(Math.exp(c)) <= lifetime(Math.exp(d))) b = d;
    else a = c;
  }
  const paramCount = Math.exp((a + b) / 2);
  const tokenCount = tokensForLoss(fit, paramCount, target) ?? Infinity;
  const trainingFlops = 6 * paramCount * tokenCount;
  const inferenceFlops = 2 * paramCount * inferenceTokens;
  return {
    paramCount,
    tokenCount,
    tokensPerParam: tokenCount / paramCount,
    trainingFlops,
    loss: parametricLoss(fit, paramCount, tokenCount),
    inferenceTokens,
    inferenceFlops,
    totalFlops: trainingFlops + inferenceFlops,
    chinchilla: { ...base, totalFlops: base.trainingFlops + 2 * base.paramCount * inferenceTokens },
  };
}
