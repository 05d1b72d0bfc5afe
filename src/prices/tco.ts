// Self-hosting total cost of ownership per accelerator-hour: rent or buy, plus power, host and network overhead.
import type { Accelerator, RentalPrice } from "../core/hardware.js";
import { fail, ok, type Issue, type Result } from "../core/result.js";

/** Calendar hours in a year: owned hardware depreciates whether busy or idle. */
export const HOURS_PER_YEAR = 8760;

export type Acquisition =
  | { kind: "rent"; usdPerHour: number; pricing?: RentalPrice["kind"]; date?: string }
  | {
      kind: "buy";
      purchaseUsd: number;
      depreciationYears: number;
      /** Resale value at the end, as a fraction of the purchase price (0-1). Default 0. */
      residualFraction?: number;
      /** Annual cost of capital (e.g. 0.08); the capital cost is an annuity. Default 0 (straight line). */
      costOfCapitalFraction?: number;
    };

export interface Power {
  tdpWatts: number;
  /** Average draw as a fraction of TDP (0-1). */
  drawFraction: number;
  /** Power usage effectiveness of the facility (>= 1). */
  pue: number;
  usdPerKwh: number;
}

export interface TcoInput {
  acquisition: Acquisition;
  /** Omit for rentals whose price includes power. */
  power?: Power;
  /** Host share per accelerator (CPU, RAM, chassis, rack space), USD per hour. Default 0. */
  hostUsdPerHour?: number;
  /** Network share per accelerator, USD per hour. Default 0. */
  networkUsdPerHour?: number;
}

export interface TcoLine {
  item: string;
  usdPerHour: number;
  note: string;
}

export interface Tco {
  lines: TcoLine[];
  usdPerHour: number;
}

/**
 * Level annual payment that repays `principalUsd` over `years` at `rate` (annuity formula
 * A = P r / (1 - (1 + r)^-n)); straight line P / n when rate is 0.
 */
export function annuityUsdPerYear(principalUsd: number, years: number, rate: number): number {
  if (rate === 0) return principalUsd / years;
  return (principalUsd * rate) / (1 - (1 + rate) ** -years);
}

function check(issues: Issue[], field: string, value: number | undefined, ok: (v: number) => boolean, allowed: string): void {
  if (value !== undefined && !(Number.isFinite(value) && ok(value))) {
    issues.push({ code: "out_of_range", field, value, allowed, message: `${field} must be ${allowed}, got ${String(value)}` });
  }
}

/** USD per accelerator-hour with a breakdown; capital for purchases is the annuity on price minus discounted residual. */
export function computeTco(input: TcoInput): Result<Tco> {
  const issues: Issue[] = [];
  const a = input.acquisition;
  if (a.kind === "rent") check(issues, "usdPerHour", a.usdPerHour, (v) => v >= 0, "a number >= 0");
  else {
    check(issues, "purchaseUsd", a.purchaseUsd, (v) => v > 0, "a number > 0");
    check(issues, "depreciationYears", a.depreciationYears, (v) => v > 0, "a number > 0");
    check(issues, "residualFraction", a.residualFraction, (v) => v >= 0 && v <= 1, "a fraction between 0 and 1");
    check(issues, "costOfCapitalFraction", a.costOfCapitalFraction, (v) => v >= 0 && v <= 1, "a fraction between 0 and 1");
  }
  if (input.power) {
    check(issues, "tdpWatts", input.power.tdpWatts, (v) => v > 0, "a number > 0");
    check(issues, "drawFraction", input.power.drawFraction, (v) => v >= 0 && v <= 1, "a fraction between 0 and 1");
    check(issues, "pue", input.power.pue, (v) => v >= 1 && v <= 5, "a number between 1 and 5");
    check(issues, "usdPerKwh", input.power.usdPerKwh, (v) => v >= 0, "a number >= 0");
  }
  check(issues, "hostUsdPerHour", input.hostUsdPerHour, (v) => v >= 0, "a number >= 0");
  check(issues, "networkUsdPerHour", input.networkUsdPerHour, (v) => v >= 0, "a number >= 0");
  if (issues.length > 0) return fail(...issues);

  const lines: TcoLine[] = [];
  if (a.kind === "rent") {
    lines.push({ item: "rent", usdPerHour: a.usdPerHour, note: [a.pricing, a.date].filter(Boolean).join(", ") });
  } else {
    const rate = a.costOfCapitalFraction ?? 0;
    const residualUsd = a.purchaseUsd * (a.residualFraction ?? 0);
    const presentResidualUsd = residualUsd / (1 + rate) ** a.depreciationYears;
    const perYear = annuityUsdPerYear(a.purchaseUsd - presentResidualUsd, a.depreciationYears, rate);
    lines.push({
      item: "capital",
      usdPerHour: perYear / HOURS_PER_YEAR,
      note: `$${a.purchaseUsd} over ${a.depreciationYears} y, residual ${(a.residualFraction ?? 0) * 100}%, capital ${rate * 100}%/y`,
    });
  }
  if (input.power) {
    const p = input.power;
    const kw = (p.tdpWatts * p.drawFraction * p.pue) / 1000;
    lines.push({ item: "power", usdPerHour: kw * p.usdPerKwh, note: `${p.tdpWatts} W x ${p.drawFraction} draw x PUE ${p.pue} at $${p.usdPerKwh}/kWh` });
  }
  if (input.hostUsdPerHour) lines.push({ item: "host", usdPerHour: input.hostUsdPerHour, note: "CPU, memory, chassis share" });
  if (input.networkUsdPerHour) lines.push({ item: "network", usdPerHour: input.networkUsdPerHour, note: "fabric and egress share" });
  return ok({ lines, usdPerHour: lines.reduce((sum, l) => sum + l.usdPerHour, 0) });
}

/** The accelerator's rental row of `kind` in force on `date` (newest not after it), or null. */
export function rentalAt(accelerator: Accelerator, kind: RentalPrice["kind"], date: string): RentalPrice | null {
  return (
    accelerator.rental
      .filter((r) => r.kind === kind && r.date <= date)
      .sort((x, y) => x.date.localeCompare(y.date))
      .at(-1) ?? null
  );
}
