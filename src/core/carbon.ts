// Facility power, energy and carbon per million tokens.
import { type Issue, type Result, fail, ok } from "./result.js";
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

/**
 * Energy and carbon per million tokens for a serving deployment.
 * kWh/Mtok = count x TDP x draw x PUE x 1e6 / (tokens/s) / 3.6e6; g/Mtok = kWh/Mtok x gCO2e/kWh.
 */
export function estimateEnergyPerMillionTokens(input: { acceleratorCount: number; tdpWatts: number; drawFraction: number; pue: number; tokensPerSecond: number; gramsCo2ePerKwh?: number }): Result<EnergyAndCarbon> {
  const issues: Issue[] = [];
  const bad = (code: string, field: string, value: number, rule: string): void => {
    issues.push({ code, message: `${field} ${rule}, got ${value}`, field, value });
  };
  for (const field of ["acceleratorCount", "tdpWatts", "tokensPerSecond"] as const) {
    const v = input[field];
    if (!Number.isFinite(v) || v <= 0) bad("not_positive", field, v, "must be positive");
  }
  if (!Number.isFinite(input.drawFraction) || input.drawFraction <= 0 || input.drawFraction > 1) {
    bad("out_of_range", "drawFraction", input.drawFraction, "must be in (0, 1]");
  }
  if (!Number.isFinite(input.pue) || input.pue < 1 || input.pue > 3) bad("out_of_range", "pue", input.pue, "must be in [1, 3]");
  const g = input.gramsCo2ePerKwh;
  if (g !== undefined && (!Number.isFinite(g) || g < 0)) bad("out_of_range", "gramsCo2ePerKwh", g, "must be >= 0");
  if (issues.length > 0) return fail(...issues);
  const powerWatts = facilityPowerWatts(input.acceleratorCount, input.tdpWatts, input.drawFraction, input.pue);
  const joules = energyJoulesPerMillionTokens(powerWatts, input.tokensPerSecond);
  const kwh = joulesToKwh(joules);
  const value: EnergyAndCarbon = { powerWatts, energyJoulesPerMillionTokens: joules, energyKwhPerMillionTokens: kwh };
  if (g !== undefined) value.carbonGramsPerMillionTokens = carbonGrams(kwh, g);
  return ok(value);
}
