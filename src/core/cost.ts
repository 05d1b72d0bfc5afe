// The one definition of cost per token (system cost split between input and output by busy time); energy and carbon per million tokens.
import { carbonGrams, energyJoulesPerMillionTokens, facilityPowerWatts, joulesToKwh } from "./carbon.js";
import { MEGA, SECONDS_PER_HOUR } from "./units.js";

export interface CostInput {
  acceleratorCount: number;
  tdpWatts: number;
  outputTokensPerSecond: number;
  inputTokensPerSecond: number;
  /** Share of busy time spent on prefill: the default split of cost between input and output tokens. */
  prefillTimeFraction: number;
  pricing?:
    | {
        usdPerAcceleratorHour: number;
        utilization: number;
        inputPriceRatio?: number | undefined;
        powerDrawFraction?: number | undefined;
        pue: number;
        gridGramsCo2PerKwh?: number | undefined;
      }
    | undefined;
  defaultPowerDrawFraction: number;
}

export interface Cost {
  usdPerMillionOutputTokens: number | null;
  usdPerMillionInputTokens: number | null;
  /** Energy per million tokens processed (input plus output), facility overhead (PUE) included. */
  kwhPerMillionTokens: number | null;
  gramsCo2PerMillionTokens: number | null;
}

/** USD per second of busy time for `count` accelerators rented at `usdPerAcceleratorHour`: count x price / 3600 / utilization. */
export function systemUsdPerSecond(count: number, usdPerAcceleratorHour: number, utilizationFraction = 1): number {
  return (count * usdPerAcceleratorHour) / SECONDS_PER_HOUR / utilizationFraction;
}

export interface TokenCostInput {
  /** What the system costs per second of busy time (systemUsdPerSecond). */
  usdPerSecond: number;
  outputTokensPerSecond: number;
  inputTokensPerSecond: number;
  /** Share of busy time spent on prefill: the default split of cost between input and output tokens. */
  prefillTimeFraction: number;
  /** Price one input token at this many output tokens instead of splitting by time (Tensor Economics' tables). */
  inputPriceRatio?: number | undefined;
}

export interface TokenCost {
  usdPerMillionOutputTokens: number | null;
  usdPerMillionInputTokens: number | null;
  /** The whole system over every token processed (input plus output): what a request mix of this shape costs per token. */
  usdPerMillionTokens: number | null;
}

/**
 * The one definition of cost per token (docs/cost-per-token.md). The system's cost per second is split between
 * input and output tokens by busy time: the prefill share of busy time is charged to input tokens, the rest to
 * output tokens, so outputTokens x outputPrice + inputTokens x inputPrice = the system's cost, nothing counted twice
 * or left out. With `inputPriceRatio` r, an input token is priced at r output tokens instead:
 * usdPerOutputToken = usdPerSecond / (output/s + r x input/s). A workload with no output charges everything to input.
 */
export function tokenCost(input: TokenCostInput): TokenCost {
  const out = input.outputTokensPerSecond;
  const inp = input.inputTokensPerSecond;
  const usd = input.usdPerSecond;
  const blended = out + inp > 0 ? (usd / (out + inp)) * MEGA : null;
  let outputUsd: number | null = null;
  let inputUsd: number | null = null;
  if (input.inputPriceRatio !== undefined) {
    const perOutput = usd / (out + input.inputPriceRatio * inp);
    outputUsd = out > 0 ? perOutput * MEGA : null;
    inputUsd = inp > 0 ? perOutput * input.inputPriceRatio * MEGA : null;
  } else if (out <= 0) {
    inputUsd = inp > 0 ? (usd / inp) * MEGA : null;
  } else {
    const prefillShare = inp > 0 ? Math.min(1, Math.max(0, input.prefillTimeFraction)) : 0;
    outputUsd = ((usd * (1 - prefillShare)) / out) * MEGA;
    inputUsd = inp > 0 ? ((usd * prefillShare) / inp) * MEGA : null;
  }
  return { usdPerMillionOutputTokens: safe(outputUsd), usdPerMillionInputTokens: safe(inputUsd), usdPerMillionTokens: safe(blended) };
}

/** USD per million input and output tokens (tokenCost) plus energy and carbon per million tokens, from a scenario's pricing. */
export function costOf(input: CostInput): Cost {
  const pricing = input.pricing;
  const tokensPerSecond = input.outputTokensPerSecond + input.inputTokensPerSecond;
  const drawFraction = pricing?.powerDrawFraction ?? input.defaultPowerDrawFraction;
  const watts = facilityPowerWatts(input.acceleratorCount, input.tdpWatts, drawFraction, pricing?.pue ?? 1);
  // Energy is spent on busy time only; idle draw at low utilization is not modelled here.
  const kwh = tokensPerSecond > 0 ? joulesToKwh(energyJoulesPerMillionTokens(watts, tokensPerSecond)) : null;
  const grams = kwh !== null && pricing?.gridGramsCo2PerKwh !== undefined ? carbonGrams(kwh, pricing.gridGramsCo2PerKwh) : null;
  if (!pricing || tokensPerSecond <= 0) {
    return { usdPerMillionOutputTokens: null, usdPerMillionInputTokens: null, kwhPerMillionTokens: safe(kwh), gramsCo2PerMillionTokens: safe(grams) };
  }
  const cost = tokenCost({
    usdPerSecond: systemUsdPerSecond(input.acceleratorCount, pricing.usdPerAcceleratorHour, pricing.utilization ?? 1),
    outputTokensPerSecond: input.outputTokensPerSecond,
    inputTokensPerSecond: input.inputTokensPerSecond,
    prefillTimeFraction: input.prefillTimeFraction,
    inputPriceRatio: pricing.inputPriceRatio,
  });
  return { usdPerMillionOutputTokens: cost.usdPerMillionOutputTokens, usdPerMillionInputTokens: cost.usdPerMillionInputTokens, kwhPerMillionTokens: safe(kwh), gramsCo2PerMillionTokens: safe(grams) };
}

function safe(x: number | null): number | null {
  return x !== null && Number.isFinite(x) ? x : null;
}
