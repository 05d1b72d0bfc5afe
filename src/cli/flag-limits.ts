// Upper bounds of numeric flags and the checks the flag parsers leave to the command: far above any real input,
// low enough that every product a command forms stays finite (train --tokens 1e308 printed "Infinity MWh").
import { isCalendarDate } from "../core/calendar-date.js";
import { UsageError } from "./io.js";

/** Defaults of the flag parsers in options.ts (a command passes its own bound where it knows better). */
export const FLAG_NUMBER_LIMITS = {
  /** Prices, rates, latencies, token and request counts. */
  number: 1e15,
  /** Whole numbers: accelerators, layers, sequences, rows, days. */
  whole: 1e9,
  /** Quantities with suffixes (parameters, tokens, FLOPs): 1e40 FLOPs is 1e15 times GPT-4's training compute. */
  quantity: 1e40,
} as const;

export const FLAG_LIMITS = {
  /** Tokens in one sequence or request, as a scenario's inputTokens (src/core/scenario.ts SCENARIO_LIMITS). */
  sequenceTokens: 100_000_000,
  /** Sequences in one batch. */
  batchSequences: 1_000_000,
  /** Training tokens: 1e18, about 60,000 times Llama 3's 15T. */
  trainingTokens: 1e18,
  /** Parameters: 1e16, about 5,000 times the largest published model. */
  parameters: 1e16,
  /** Accelerators in one system or run. */
  acceleratorCount: 1_000_000,
  /** USD per accelerator-hour. */
  usdPerAcceleratorHour: 10_000,
} as const;

/** A bound as people write it: 1000000 -> "1,000,000", 1e18 -> "1e18". */
function limitText(max: number): string {
  return max >= 1e10 ? max.toExponential().replace("e+", "e") : max.toLocaleString("en-US");
}

/** `value` when it is at most `max`, else a UsageError naming the flag and the bound. */
export function atMost(flag: string, value: number, max: number): number {
  if (!(value <= max)) throw new UsageError(`${flag}: must be at most ${limitText(max)}, got ${limitText(value)}`);
  return value;
}

/**
 * A price flag's value checked against the accelerators of the run (null: not known here): every id of an id=usd
 * pair must be one of `ids` (a price for an accelerator the run does not use was ignored silently), every price at
 * most the bound.
 */
export function priceForIds<T extends number | Record<string, number> | undefined>(flag: string, price: T, ids: readonly string[] | null): T {
  if (price === undefined) return price;
  if (typeof price === "number") return atMost(flag, price, FLAG_LIMITS.usdPerAcceleratorHour) as T;
  for (const [id, usd] of Object.entries(price)) {
    if (ids !== null && !ids.includes(id)) throw new UsageError(`${flag}: "${id}" is not one of the accelerators given (${ids.join(", ")})`);
    atMost(`${flag} ${id}`, usd, FLAG_LIMITS.usdPerAcceleratorHour);
  }
  return price;
}

/** `date` (already YYYY-MM-DD in shape) when it is a day of the calendar: 2024-13-45 and 2025-02-30 are refused. */
export function calendarDate(flag: string, date: string): string {
  if (!isCalendarDate(date)) throw new UsageError(`${flag}: ${date} is not a calendar date (YYYY-MM-DD with a real month and day)`);
  return date;
}
