// Flag parsing for every command: the app's value parsers (src/app/values.ts), each problem a UsageError naming the flag.
import type { Engine } from "../core/efficiency.js";
import type { Precision } from "../core/precision.js";
import { SCENARIO_LIMITS } from "../core/scenario.js";
import * as values from "../app/values.js";
import { PRICE_KINDS, parsePriceKind, type PriceKind } from "../catalog/rental.js";
import { chartFormatOf } from "../report/write-chart.js";
import { asUsage } from "./cli-issues.js";
import { UsageError } from "./io.js";
import { prepareOutputFile } from "./output-path.js";
import { atMost, calendarDate, FLAG_NUMBER_LIMITS, priceForIds } from "./flag-limits.js";

/** "--cache-hit" -> "cache-hit" (the app's name for the input; the CLI vocabulary adds the dashes back). */
const field = (flag: string) => flag.replace(/^--/, "");

export const splitList = values.splitList;
export const todayIso = values.todayIso;

/** Parses a number > 0 (at most `max`, 1e15 unless given) for a flag. */
export function positiveOption(flag: string, text: string, what = "a number > 0", max: number = FLAG_NUMBER_LIMITS.number): number {
  return atMost(
    flag,
    asUsage(() => values.parsePositive(field(flag), text, what)),
    max,
  );
}

/** Upper bounds of flags that feed a scenario (the scenario's own limits, src/core/scenario.ts). */
export const FLAG_LIMITS = { sequenceTokens: SCENARIO_LIMITS.tokens } as const;

/** Parses a whole number >= 1 (at most `max` when given) for a flag. */
export function wholeOption(flag: string, text: string, max: number = FLAG_NUMBER_LIMITS.whole): number {
  return asUsage(() => values.parseWhole(field(flag), text, max));
}

/** Parses a whole number from min to max written in digits (ports, thread counts). */
export function wholeInRangeOption(flag: string, text: string, min: number, max: number): number {
  return asUsage(() => values.parseWholeInRange(field(flag), text, min, max));
}

/** Parses a number in (min, max], or [min, max] when minInclusive. */
export function rangeOption(flag: string, text: string, min: number, max: number, minInclusive: boolean): number {
  return asUsage(() => values.parseRange(field(flag), text, min, max, minInclusive));
}

/** Parses a fraction in (0, 1] for a flag. */
export function fractionOption(flag: string, text: string): number {
  return asUsage(() => values.parseFraction(field(flag), text));
}

/** Parses a fraction in [0, 1] (a share that may be none at all) for a flag. */
export function shareOption(flag: string, text: string): number {
  return asUsage(() => values.parseShare(field(flag), text));
}

/** Parses a latency percentile strictly between 0 and 100. */
export function percentileOption(flag: string, text: string): number {
  return asUsage(() => values.parsePercentile(field(flag), text));
}

/** Parses a count such as "300000", "300k", "1.5M" or "2e6" (k, M, B suffixes; never negative) for a flag. */
export function countOption(flag: string, text: string, max: number = FLAG_NUMBER_LIMITS.number): number {
  return atMost(
    flag,
    asUsage(() => values.parseCount(field(flag), text)),
    max,
  );
}

/** Parses "70e9", "70B", "1.4T", "15.6t", "2k" (k, M, B/G, T, P suffixes; may be negative) for a flag. */
export function quantityOption(flag: string, text: string): number {
  const value = asUsage(() => values.parseQuantity(field(flag), text));
  atMost(flag, Math.abs(value), FLAG_NUMBER_LIMITS.quantity);
  return value;
}

/** A quantity that must be above zero (parameter, token and FLOP counts). */
export function positiveQuantityOption(flag: string, text: string, max: number = FLAG_NUMBER_LIMITS.quantity): number {
  return asUsage(() => values.parsePositiveQuantity(field(flag), text, max));
}

/** Splits "a,b,c" into trimmed non-empty parts; an empty list is an error. */
export function listOption(flag: string, text: string, what = "a comma-separated list"): string[] {
  return asUsage(() => values.parseList(field(flag), text, what));
}

/** Parses "1,2,8" into whole numbers >= 1. */
export function wholeListOption(flag: string, text: string, max?: number): number[] {
  return asUsage(() => values.parseWholeList(field(flag), text, max));
}

/** Parses "0.1,0.2,0.5" into fractions in (0, 1], sorted and deduplicated. */
export function fractionListOption(flag: string, text: string): number[] {
  return asUsage(() => values.parseFractionList(field(flag), text));
}

/** Validates an engine name. */
export function engineOption(text: string): Engine {
  return asUsage(() => values.parseEngine("engine", text));
}

/** Parses "bf16,fp8" into weight formats. */
export function precisionListOption(flag: string, text: string): Precision[] {
  return asUsage(() => values.parsePrecisionList(field(flag), text));
}

/** Parses "2.5" (one price) or "h100-sxm=2,rtx-4090=0.37" (per id) for a price flag. */
export function priceOption(flag: string, text: string, ids?: readonly string[]): number | Record<string, number> {
  const price = asUsage(() => values.parsePrice(field(flag), text));
  return priceForIds(flag, price, ids ?? null);
}

/** A price flag as USD per hour per accelerator id: one number applies to every id in `ids`. */
export function pricePerIdOption(flag: string, text: string | undefined, ids: readonly string[]): Record<string, number> | undefined {
  if (text !== undefined) priceOption(flag, text, ids);
  return asUsage(() => values.parsePricePerId(field(flag), text, ids));
}

/** --interactivity (output tokens/s per user) or --offline (null); undefined when neither is given. */
export function interactivityOption(opts: { offline?: boolean; interactivity?: string }): number | null | undefined {
  return asUsage(() => values.parseInteractivity(opts));
}

/** Validates a YYYY-MM-DD date flag; without one, today. */
export function dateOption(flag: string, text: string | undefined): string {
  return calendarDate(
    flag,
    asUsage(() => values.parseDate(field(flag), text)),
  );
}

/** The --svg and --png paths given, each checked to end in its own extension. */
export function chartPathOptions(opts: { svg?: string; png?: string }): string[] {
  const paths: string[] = [];
  for (const [flag, path, format] of [
    ["--svg", opts.svg, "svg"],
    ["--png", opts.png, "png"],
  ] as const) {
    if (path === undefined) continue;
    if (chartFormatOf(path) !== format) throw new UsageError(`${flag}: the file name must end in .${format}, got "${path}"`);
    paths.push(prepareOutputFile(flag, path));
  }
  return paths;
}

/** A flag the command cannot do without. */
export function requiredOption(flag: string, value: string | undefined, hint?: string): string {
  return asUsage(() => values.requireValue(field(flag), value, hint));
}

/** --json or --csv (not both), else the human table. */
export function outputFormatOption(opts: { json?: boolean; csv?: boolean }): "json" | "csv" | "table" {
  if (opts.json && opts.csv) throw new UsageError("--json and --csv: choose one output format");
  return opts.json ? "json" : opts.csv ? "csv" : "table";
}

/** --price-kind: which dated rental row prices the hardware (default on-demand). */
export function priceKindOption(text: string | undefined): PriceKind {
  if (text === undefined) return "on-demand";
  const kind = parsePriceKind(text);
  if (!kind) throw new UsageError(`--price-kind: expected one of ${PRICE_KINDS.join(", ")}, got "${text}"`);
  return kind;
}

/** The --price-kind help text every hardware-costing command shares. */
export const PRICE_KIND_HELP = `rental price row to cost the hardware at: ${PRICE_KINDS.join(", ")} (default on-demand; another kind stands in, and is named, where an accelerator has none)`;
