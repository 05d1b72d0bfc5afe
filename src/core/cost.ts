// USD per million input and output tokens from an hourly price and utilization; energy and carbon per million tokens.
import { carbonGrams, energyJoulesPerMillionTokens, facilityPowerWatts, joulesToKwh } from "./carbon.js";
import { MEGA, SECONDS_PER_HOUR } from "./units.js";

export interface CostInput {
  acceleratorCount: number;
  tdpWatts: number;
  outputTokensPerSecond: number;
  inputTokensPerSecond: number;
  /** Share of busy time spent on prefill: the default split of cost between input and output tokens. */
  prefillTimeFraction: number;
  pricing?: {
    usdPerAcceleratorHour: number;
    utilization: number;
    inputPriceRatio?: number | undefined;
    powerDrawFraction?: number | undefined;
    pue: number;
    gridGramsCo2PerKwh?: number | undefined;
  } | undefined;
  defaultPowerDrawFraction: number;
}

export interface Cost {
  usdPerMillionOutputTokens: number | null;
  usdPerMillionInputTokens: number | null;
  /** Energy per million tokens processed (input plus output), facility overhead (PUE) included. */
  kwhPerMillionTokens: number | null;
  gramsCo2PerMillionTokens: number | null;
}

/**
 * USD per million input and output tokens. The system costs count x usdPerHour / utilization per busy hour.
 * By default that cost is split by time: prefill time is charged to input tokens, decode time to output
 * tokens. With `inputPriceRatio` r, one input token is priced at r output tokens instead (the convention of
 * Tensor Economics' cost tables): usdPerOutputToken = usdPerSecond / (output/s + r * input/s).
 */
export function costOf(input: CostInput): Cost {
  const pricing = input.pricing;
  const tokensPerSecond = input.outputTokensPerSecond + input.inputTokensPerSecond;
  const drawFraction = pricing?.powerDrawFraction ?? input.defaultPowerDrawFraction;
  const watts = facilityPowerWatts(input.acceleratorCount, input.tdpWatts, drawFraction, pricing?.pue ?? 1);
  const utilization = pricing?.utilization ?? 1;
  // Energy is spent on busy time only; idle draw at low utilization is not modelled here.
  const kwh = tokensPerSecond > 0 ? joulesToKwh(energyJoulesPerMillionTokens(watts, tokensPerSecond)) : null;
  const grams = kwh !== null && pricing?.gridGramsCo2PerKwh !== undefined ? carbonGrams(kwh, pricing.gridGramsCo2PerKwh) : null;
  if (!pricing || tokensPerSecond <= 0) {
    return { usdPerMillionOutputTokens: null, usdPerMillionInputTokens: null, kwhPerMillionTokens: safe(kwh), gramsCo2PerMillionTokens: safe(grams) };
  }
  const usdPerSecond = (input.acceleratorCount * pricing.usdPerAcceleratorHour) / SECONDS_PER_HOUR / utilization;
  let outputUsd: number | null = null;
  let inputUsd: number | null = null;
  if (pricing.inputPriceRatio !== undefined) {
    const perOutput = usdPerSecond / (input.outputTokensPerSecond + pricing.inputPriceRatio * input.inputTokensPerSecond);
    outputUsd = input.outputTokensPerSecond > 0 ? perOutput * MEGA : null;
    inputUsd = input.inputTokensPerSecond > 0 ? perOutput * pricing.inputPriceRatio * MEGA : null;
  } else if (input.outputTokensPerSecond <= 0) {
    inputUsd = (usdPerSecond / input.inputTokensPerSecond) * MEGA;
  } else {
    const prefillShare = input.inputTokensPerSecond > 0 ? input.prefillTimeFraction : 0;
    outputUsd = ((usdPerSecond * (1 - prefillShare)) / input.outputTokensPerSecond) * MEGA;
    inputUsd = input.inputTokensPerSecond > 0 ? ((usdPerSecond * prefillShare) / input.inputTokensPerSecond) * MEGA : null;
  }
  return { usdPerMillionOutputTokens: safe(outputUsd), usdPerMillionInputTokens: safe(inputUsd), kwhPerMillionTokens: safe(kwh), gramsCo2PerMillionTokens: safe(grams) };
}

function safe(x: number | null): number | null {
  return x !== null && Number.isFinite(x) ? x : null;
}
