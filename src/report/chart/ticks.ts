// Tick values for linear (1-2-5 steps) and log (1-2-5 or whole decades) axes, and their SI labels.
import { formatSi } from "../format.js";

/** Removes binary noise such as 0.30000000000000004 from a tick value. */
export function cleanTick(value: number): number {
  const cleaned = Number(value.toPrecision(12));
  return Object.is(cleaned, -0) ? 0 : cleaned;
}

/** The 1-2-5 x 10^n step that cuts `span` into about `count` intervals. */
export function niceStep(span: number, count: number): number {
  const raw = span / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  const fraction = raw / power;
  const nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
  return cleanTick(nice * power);
}

export interface TickSet {
  domain: [number, number];
  values: number[];
  /** Distance between neighbouring linear ticks (0 for log and time). */
  step: number;
  /** Unlabelled minor grid positions (log axes over whole decades). */
  minor: number[];
}

/**
 * Linear ticks on a 1-2-5 step for about `count` intervals; with `nice` the domain grows to whole steps,
 * otherwise ticks are the step multiples inside [min, max].
 */
export function linearTicks(min: number, max: number, count: number, nice = true): TickSet {
  const step = niceStep(max - min, count);
  const epsilon = 1e-9;
  const first = nice ? Math.floor(min / step + epsilon) : Math.ceil(min / step - epsilon);
  const last = nice ? Math.ceil(max / step - epsilon) : Math.floor(max / step + epsilon);
  const values: number[] = [];
  for (let i = first; i <= last && values.length < 1000; i++) values.push(cleanTick(i * step));
  const domain: [number, number] = nice ? [values[0] ?? min, values[values.length - 1] ?? max] : [min, max];
  return { domain, values, step, minor: [] };
}

const MANTISSAS = [1, 2, 5] as const;

function decade(value: number): number {
  return Math.floor(Math.log10(value) + 1e-12);
}

/** The largest 1-2-5 x 10^n value not above `value` (> 0). */
export function floor125(value: number): number {
  const power = decade(value);
  const fraction = value / 10 ** power;
  const mantissa = [...MANTISSAS].reverse().find((m) => m <= fraction * (1 + 1e-9)) ?? 1;
  return cleanTick(mantissa * 10 ** power);
}

/** The smallest 1-2-5 x 10^n value not below `value` (> 0). */
export function ceil125(value: number): number {
  const power = decade(value);
  const fraction = value / 10 ** power;
  const mantissa = MANTISSAS.find((m) => m >= fraction * (1 - 1e-9));
  return cleanTick(mantissa === undefined ? 10 ** (power + 1) : mantissa * 10 ** power);
}

/**
 * Log ticks for positive [min, max]: every 1-2-5 value when at most `maxCount` fit, else whole decades
 * (every 1st, 2nd, 3rd, ... decade) with unlabelled minor lines at 2-9 x 10^n. With `nice` the domain grows
 * to 1-2-5 values.
 */
export function logTicks(min: number, max: number, maxCount: number, nice = true): TickSet {
  const lo = nice ? floor125(min) : min;
  const hi = nice ? ceil125(max) : max;
  const inside = (v: number): boolean => v >= lo * (1 - 1e-9) && v <= hi * (1 + 1e-9);
  const firstDecade = decade(lo);
  const lastDecade = decade(hi);
  const all125: number[] = [];
  for (let p = firstDecade; p <= lastDecade; p++) {
    for (const m of MANTISSAS) {
      const v = cleanTick(m * 10 ** p);
      if (inside(v)) all125.push(v);
    }
  }
  if (all125.length <= maxCount) return { domain: [lo, hi], values: all125, step: 0, minor: [] };
  for (const stride of [1, 2, 3, 4, 5, 10, 20, 50, 100]) {
    const values: number[] = [];
    for (let p = Math.ceil(firstDecade / stride) * stride; p <= lastDecade; p += stride) {
      const v = cleanTick(10 ** p);
      if (inside(v)) values.push(v);
    }
    if (values.length <= maxCount || stride === 100) {
      const minor: number[] = [];
      if (stride === 1) {
        for (let p = firstDecade; p <= lastDecade; p++) {
          for (let m = 2; m <= 9; m++) {
            const v = cleanTick(m * 10 ** p);
            if (inside(v)) minor.push(v);
          }
        }
      }
      return { domain: [lo, hi], values, step: 0, minor };
    }
  }
  return { domain: [lo, hi], values: [], step: 0, minor: [] };
}

/**
 * An SI tick label with just enough digits to tell neighbours `step` apart (step 0: up to 3 digits):
 * (1500, 500) -> "1.5k", (0.25, 0.05) -> "0.25", (2e6, 0) -> "2M".
 */
export function formatTickSi(value: number, step: number): string {
  if (value === 0) return "0";
  if (!(step > 0)) return formatSi(value, 3);
  const digits = Math.floor(Math.log10(Math.abs(value)) + 1e-9) - Math.floor(Math.log10(step) + 1e-9) + 1;
  return formatSi(value, Math.min(15, Math.max(1, digits)));
}
