// Upper bounds of numeric flags and the checks the flag parsers leave to the command: the app's input limits
// (src/app/values.ts), each problem a UsageError naming the flag.
import * as values from "../app/values.js";
import { asUsage } from "./cli-issues.js";

/** Defaults of the flag parsers in options.ts (a command passes its own bound where it knows better). */
export const FLAG_NUMBER_LIMITS = values.INPUT_NUMBER_LIMITS;

export const FLAG_LIMITS = values.INPUT_LIMITS;

const field = (flag: string) => flag.replace(/^--/, "");

/** `value` when it is at most `max`, else a UsageError naming the flag and the bound. */
export function atMost(flag: string, value: number, max: number): number {
  return asUsage(() => values.parseAtMost(field(flag).split(" "), value, max));
}

/** A price flag's value checked against the accelerators of the run (null: not known here); see checkPriceIds. */
export function priceForIds<T extends number | Record<string, number> | undefined>(flag: string, price: T, ids: readonly string[] | null): T {
  return asUsage(() => values.checkPriceIds(field(flag), price, ids));
}

/** `date` (already YYYY-MM-DD in shape) when it is a day of the calendar: 2024-13-45 and 2025-02-30 are refused. */
export function calendarDate(flag: string, date: string): string {
  return asUsage(() => values.checkCalendarDate(field(flag), date));
}
