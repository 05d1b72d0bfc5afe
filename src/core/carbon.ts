import { JOULES_PER_KWH, MEGA } from "./units.js";

/** Facility power of a deployment: count x TDP x draw fraction x PUE, in watts. */
export function facilityPowerWatts(acceleratorCount: number, tdpWatts: number, drawFraction: number, pue: number): number {
  return acceleratorCount * tdpWatts * drawFraction * pue;
}

/** Joules per million tokens for a deployment drawing powerWatts while producing tokensPerSecond. */
export function energyJoulesPerMillionTokens(powerWatts: number, tokensPerSecond: number): number {
  return (powerWatts * MEGA) / tokensPerSecond;
}

/** Joules to kilowatt-hours (1 kWh = 3.6e6 J). */
export function joulesToKwh(energyJoules: number): number {
  return energyJoules / JOULES_PER_KWH;
}

/** Grams of CO2e for an energy in kWh at a grid intensity in gCO2e/kWh. */
export function carbonGrams(energyKwh: number, gramsCo2ePerKwh: number): number {
  return energyKwh * gramsCo2ePerKwh;
}

export interface EnergyAndCarbon {
  powerWatts: number;
  energyJoulesPerMillionTokens: number;
  energyKwhPerMillionTokens: number;
  /** Present only when a grid intensity was given. */
  carbonGramsPerMillionTokens?: number;
}

export type EnergyIssue = { code: "not_positive" | "out_of_range"; field: string; value: number };

/**
 * Energy and carbon per million tokens for a serving deployment.
 * kWh/Mtok = count x TDP x draw x PUE x 1e6 / (tokens/s) / 3.6e6; g/Mtok = kWh/Mtok x gCO2e/kWh.
 */
export function estimateEnergyPerMillionTokens(input: {
  acceleratorCount: number;
  tdpWatts: number;
  drawFraction: number;
  pue: number;
  tokensPerSecond: number;
  gramsCo2ePerKwh?: number;
}): { ok: true; value: EnergyAndCarbon } | { ok: false; issues: EnergyIssue[] } {
  const issues: EnergyIssue[] = [];
  for (const field of ["acceleratorCount", "tdpWatts", "tokensPerSecond"] as const) {
    const v = input[field];
    if (!Number.isFinite(v) || v <= 0) issues.push({ code: "not_positive", field, value: v });
  }
  if (!Number.isFinite(input.drawFraction) || input.drawFraction <= 0 || input.drawFraction > 1) {
    issues.push({ code: "out_of_range", field: "drawFraction", value: input.drawFraction });
  }
  if (!Number.isFinite(input.pue) || input.pue < 1 || input.pue > 3) issues.push({ code: "out_of_range", field: "pue", value: input.pue });
  const g = input.gramsCo2ePerKwh;
  if (g !== undefined && (!Number.isFinite(g) || g < 0)) issues.push({ code: "out_of_range", field: "gramsCo2ePerKwh", value: g });
  if (issues.length > 0) return { ok: false, issues };
  const powerWatts = facilityPowerWatts(input.acceleratorCount, input.tdpWatts, input.drawFraction, input.pue);
  const joules = energyJoulesPerMillionTokens(powerWatts, input.tokensPerSecond);
  const kwh = joulesToKwh(joules);
  const value: EnergyAndCarbon = { powerWatts, energyJoulesPerMillionTokens: joules, energyKwhPerMillionTokens: kwh };
  if (g !== undefined) value.carbonGramsPerMillionTokens = carbonGrams(kwh, g);
  return { ok: true, value };
}
