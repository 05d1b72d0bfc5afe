// Input values as the shells receive them (flag values, query parameters): parsed and range-checked, each problem
// an invalid_input issue whose path is the shell's own name for the input (the shell turns it into words).
import { isCalendarDate } from "../core/calendar-date.js";
import type { IssuePath, TypedIssue } from "../core/issues.js";
import { Engine } from "../core/efficiency.js";
import { Precision } from "../core/precision.js";

/** Bad input, as issues; the CLI prints them naming flags, the web answers 400 naming fields. */
export class InputError extends Error {
  constructor(readonly issues: TypedIssue[]) {
    super(issues.map((i) => `${i.path.join(".")}: ${i.code}`).join("; "));
    this.name = "InputError";
  }
}

const invalid = (field: string | IssuePath, expected: string, received: string): InputError => new InputError([{ code: "invalid_input", path: Array.isArray(field) ? field : [field], expected, received }]);

/**
 * Upper bounds of numeric inputs: far above any real input, low enough that every product a question forms stays
 * finite (train --tokens 1e308 printed "Infinity MWh"). A question passes its own bound where it knows better.
 */
export const INPUT_NUMBER_LIMITS = {
  /** Prices, rates, latencies, token and request counts. */
  number: 1e15,
  /** Whole numbers: accelerators, layers, sequences, rows, days. */
  whole: 1e9,
  /** Quantities with suffixes (parameters, tokens, FLOPs): 1e40 FLOPs is 1e15 times GPT-4's training compute. */
  quantity: 1e40,
} as const;

/** Bounds of inputs that feed a scenario or a sweep. */
export const INPUT_LIMITS = {
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

/** `value` when it is at most `max`, else a too_large issue. */
export function parseAtMost(field: string | IssuePath, value: number, max: number): number {
  if (!(value <= max)) throw new InputError([{ code: "too_large", path: Array.isArray(field) ? field : [field], max, received: value }]);
  return value;
}

/**
 * A price checked against the accelerators of the question (null: not known here): every id of an id=usd pair must
 * be one of `ids` (a price for an accelerator the run does not use was ignored silently), every price at most the bound.
 */
export function checkPriceIds<T extends number | Record<string, number> | undefined>(field: string, price: T, ids: readonly string[] | null): T {
  if (price === undefined) return price;
  if (typeof price === "number") return parseAtMost(field, price, INPUT_LIMITS.usdPerAcceleratorHour) as T;
  for (const [id, usd] of Object.entries(price)) {
    if (ids !== null && !ids.includes(id)) throw new InputError([{ code: "not_in_list", path: [field], value: id, allowed: [...ids], what: "the accelerators given" }]);
    parseAtMost([field, id], usd, INPUT_LIMITS.usdPerAcceleratorHour);
  }
  return price;
}

/** `date` (already YYYY-MM-DD in shape) when it is a day of the calendar: 2024-13-45 and 2025-02-30 are refused. */
export function checkCalendarDate(field: string, date: string): string {
  if (!isCalendarDate(date)) throw invalid(field, "a calendar date (YYYY-MM-DD with a real month and day)", date);
  return date;
}

/** A number > 0. */
export function parsePositive(field: string | IssuePath, text: string, what = "a number > 0"): number {
  const value = Number(text);
  if (text.trim() === "" || !Number.isFinite(value) || value <= 0) throw invalid(field, what, text);
  return value;
}

/** A whole number >= 1 (and at most `max` when given). */
export function parseWhole(field: string, text: string, max?: number): number {
  const value = parsePositive(field, text, "a whole number >= 1");
  if (!Number.isInteger(value)) throw invalid(field, "a whole number >= 1", text);
  if (max !== undefined && value > max) throw invalid(field, `a whole number at most ${max.toLocaleString("en-US")}`, text);
  return value;
}

/** A whole number from min to max written in digits (ports, thread counts). */
export function parseWholeInRange(field: string, text: string, min: number, max: number): number {
  const value = Number(text);
  if (!/^\d+$/.test(text.trim()) || value < min || value > max) throw invalid(field, `a whole number from ${min} to ${max}`, text);
  return value;
}

/** A number in (min, max], or [min, max] when minInclusive. */
export function parseRange(field: string, text: string, min: number, max: number, minInclusive: boolean): number {
  const value = Number(text);
  const below = minInclusive ? value < min : value <= min;
  if (!Number.isFinite(value) || below || value > max) throw invalid(field, `a number in ${minInclusive ? "[" : "("}${min}, ${max}]`, text);
  return value;
}

/** A fraction in (0, 1]. */
export function parseFraction(field: string, text: string): number {
  const value = Number(text);
  if (text.trim() === "" || !Number.isFinite(value) || value <= 0 || value > 1) throw invalid(field, "a fraction above 0 and at most 1 (e.g. 0.6 for 60%)", text);
  return value;
}

/** A fraction in [0, 1] (a share that may be none at all). */
export function parseShare(field: string, text: string): number {
  const value = Number(text);
  if (text.trim() === "" || !Number.isFinite(value) || value < 0 || value > 1) throw invalid(field, "a fraction between 0 and 1 (e.g. 0.9 for 90%)", text);
  return value;
}

/** A latency percentile strictly between 0 and 100. */
export function parsePercentile(field: string, text: string): number {
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0 || value >= 100) throw invalid(field, "a number between 0 and 100 (exclusive)", text);
  return value;
}

const SUFFIX: Record<string, number> = { k: 1e3, m: 1e6, b: 1e9, g: 1e9, t: 1e12, p: 1e15 };

/** "1.5M" -> 1.5e6 when the suffix is one of `suffixes` (lower case); undefined when the text is not such a number. */
function suffixed(text: string, suffixes: string): number | undefined {
  const match = /^\s*(-?[0-9]*\.?[0-9]+(?:e[+-]?\d+)?)\s*([a-z])?\s*$/i.exec(text);
  const suffix = match?.[2]?.toLowerCase();
  if (!match || (suffix !== undefined && !suffixes.includes(suffix))) return undefined;
  return Number(match[1]) * (suffix === undefined ? 1 : SUFFIX[suffix]!);
}

/** A count such as "300000", "300k", "1.5M" or "2e6" (k, M, B suffixes; never negative). */
export function parseCount(field: string, text: string): number {
  const value = suffixed(text, "kmb");
  if (value === undefined || text.trim().startsWith("-") || !Number.isFinite(value)) throw invalid(field, "a number such as 300000, 300k or 1.5M", text);
  return value;
}

/** "70e9", "70B", "1.4T", "15.6t", "2k" (k, M, B/G, T, P suffixes; may be negative). */
export function parseQuantity(field: string, text: string): number {
  const value = suffixed(text, "kmbgtp");
  if (value === undefined) throw invalid(field, "a number such as 1.4e12, 70B or 15T (k, M, B, T, P suffixes)", text);
  if (!Number.isFinite(value)) throw invalid(field, "a finite number", text);
  return value;
}

/** A quantity above zero (parameter, token and FLOP counts), at most `max` when given. */
export function parsePositiveQuantity(field: string, text: string, max?: number): number {
  const value = parseQuantity(field, text);
  if (value <= 0) throw invalid(field, "a positive number", text);
  if (max !== undefined && value > max) throw invalid(field, `a positive number at most ${max.toExponential()}`, text);
  return value;
}

/** Splits "a, b,,c" into trimmed non-empty parts (possibly none). */
export function splitList(text: string): string[] {
  return text
    .split(",")
    .map((p) => p.trim())
    .filter(Boolean);
}

/** "a,b,c" as trimmed non-empty parts; an empty list is an issue. */
export function parseList(field: string, text: string, what = "a comma-separated list"): string[] {
  const parts = splitList(text);
  if (parts.length === 0) throw invalid(field, what, text);
  return parts;
}

/** "1,2,8" as whole numbers >= 1. */
export function parseWholeList(field: string, text: string, max?: number): number[] {
  return parseList(field, text).map((part) => parseWhole(field, part, max));
}

/** "0.1,0.2,0.5" as fractions in (0, 1], sorted and deduplicated. */
export function parseFractionList(field: string, text: string): number[] {
  const values = text.split(",").map((part) => {
    const value = Number(part);
    if (part.trim() === "" || !Number.isFinite(value) || value <= 0 || value > 1) throw invalid(field, "comma-separated fractions above 0 and at most 1 (e.g. 0.1,0.5,1)", part.trim());
    return value;
  });
  return [...new Set(values)].sort((a, b) => a - b);
}

/** An engine profile name. */
export function parseEngine(field: string, text: string): Engine {
  const parsed = Engine.safeParse(text);
  if (!parsed.success) throw invalid(field, `one of ${Engine.options.join(", ")}`, text);
  return parsed.data;
}

/** "bf16,fp8" as weight formats. */
export function parsePrecisionList(field: string, text: string): Precision[] {
  return parseList(field, text).map((p) => {
    const parsed = Precision.safeParse(p);
    if (!parsed.success) throw invalid(field, `one of ${Precision.options.join(", ")}`, p);
    return parsed.data;
  });
}

/** "2.5" (one price) or "h100-sxm=2,rtx-4090=0.37" (per accelerator id), USD per hour. */
export function parsePrice(field: string, text: string): number | Record<string, number> {
  if (!text.includes("=")) return parsePositive(field, text, "a price in USD per hour > 0, or id=usd pairs");
  const out: Record<string, number> = {};
  for (const part of parseList(field, text)) {
    const [id, value] = part.split("=");
    if (!id || value === undefined) throw invalid(field, "id=usd pairs such as h100-sxm=2.0", part);
    out[id.trim()] = parsePositive([field, id.trim()], value, "a price in USD per hour > 0");
  }
  return out;
}

/** A price as USD per hour per accelerator id: one number applies to every id in `ids`. */
export function parsePricePerId(field: string, text: string | undefined, ids: readonly string[]): Record<string, number> | undefined {
  const price = text === undefined ? undefined : parsePrice(field, text);
  return typeof price === "number" ? Object.fromEntries(ids.map((id) => [id, price])) : price;
}

/** Output tokens/s per user, or null for offline (no latency target); undefined when neither is given. */
export function parseInteractivity(opts: { offline?: boolean; interactivity?: string }): number | null | undefined {
  if (opts.offline && opts.interactivity !== undefined) throw new InputError([{ code: "choose_one", path: ["offline"], others: [["interactivity"]] }]);
  if (opts.offline) return null;
  return opts.interactivity === undefined ? undefined : parsePositive("interactivity", opts.interactivity, "output tokens per second per user > 0");
}

/** Today's date in UTC as YYYY-MM-DD (the default for dates). */
export function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}

/** A YYYY-MM-DD date; without one, today. */
export function parseDate(field: string, text: string | undefined): string {
  if (text === undefined) return todayIso();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text) || Number.isNaN(Date.parse(text))) throw invalid(field, "a date YYYY-MM-DD", text);
  return text;
}

/** An input the question cannot do without. */
export function requireValue(field: string, value: string | undefined, hint?: string): string {
  if (value === undefined) throw new InputError([{ code: "required", path: [field], ...(hint ? { hint } : {}) }]);
  return value;
}
