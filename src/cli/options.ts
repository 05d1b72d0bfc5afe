// Flag parsing for every command (and the web forms that mirror the flags): each error is a UsageError naming the flag.
import { Engine } from "../core/efficiency.js";
import { Precision } from "../core/precision.js";
import { formatDate } from "../report/format.js";
import { chartFormatOf } from "../report/write-chart.js";
import { UsageError } from "./io.js";
import { prepareOutputFile } from "./output-path.js";

/** Parses a number > 0 for a flag. */
export function positiveOption(flag: string, text: string, what = "a number > 0"): number {
  const value = Number(text);
  if (text.trim() === "" || !Number.isFinite(value) || value <= 0) throw new UsageError(`${flag}: expected ${what}, got "${text}"`);
  return value;
}

/** Parses a whole number >= 1 for a flag. */
export function wholeOption(flag: string, text: string): number {
  const value = positiveOption(flag, text, "a whole number >= 1");
  if (!Number.isInteger(value)) throw new UsageError(`${flag}: expected a whole number >= 1, got "${text}"`);
  return value;
}

/** Parses a whole number from min to max written in digits (ports, thread counts). */
export function wholeInRangeOption(flag: string, text: string, min: number, max: number): number {
  const value = Number(text);
  if (!/^\d+$/.test(text.trim()) || value < min || value > max) throw new UsageError(`${flag}: expected a whole number from ${min} to ${max}, got "${text}"`);
  return value;
}

/** Parses a number in (min, max], or [min, max] when minInclusive. */
export function rangeOption(flag: string, text: string, min: number, max: number, minInclusive: boolean): number {
  const value = Number(text);
  const below = minInclusive ? value < min : value <= min;
  if (!Number.isFinite(value) || below || value > max) throw new UsageError(`${flag}: expected a number in ${minInclusive ? "[" : "("}${min}, ${max}], got "${text}"`);
  return value;
}

/** Parses a fraction in (0, 1] for a flag. */
export function fractionOption(flag: string, text: string): number {
  const value = Number(text);
  if (text.trim() === "" || !Number.isFinite(value) || value <= 0 || value > 1) {
    throw new UsageError(`${flag}: expected a fraction above 0 and at most 1 (e.g. 0.6 for 60%), got "${text}"`);
  }
  return value;
}

/** Parses a fraction in [0, 1] (a share that may be none at all) for a flag. */
export function shareOption(flag: string, text: string): number {
  const value = Number(text);
  if (text.trim() === "" || !Number.isFinite(value) || value < 0 || value > 1) {
    throw new UsageError(`${flag}: expected a fraction between 0 and 1 (e.g. 0.9 for 90%), got "${text}"`);
  }
  return value;
}

/** Parses a latency percentile strictly between 0 and 100. */
export function percentileOption(flag: string, text: string): number {
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0 || value >= 100) throw new UsageError(`${flag}: expected a number between 0 and 100 (exclusive), got "${text}"`);
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

/** Parses a count such as "300000", "300k", "1.5M" or "2e6" (k, M, B suffixes; never negative) for a flag. */
export function countOption(flag: string, text: string): number {
  const value = suffixed(text, "kmb");
  if (value === undefined || text.trim().startsWith("-") || !Number.isFinite(value)) throw new UsageError(`${flag}: expected a number such as 300000, 300k or 1.5M, got "${text}"`);
  return value;
}

/** Parses "70e9", "70B", "1.4T", "15.6t", "2k" (k, M, B/G, T, P suffixes; may be negative) for a flag. */
export function quantityOption(flag: string, text: string): number {
  const value = suffixed(text, "kmbgtp");
  if (value === undefined) throw new UsageError(`${flag}: expected a number such as 1.4e12, 70B or 15T (k, M, B, T, P suffixes), got "${text}"`);
  if (!Number.isFinite(value)) throw new UsageError(`${flag}: not a finite number: "${text}"`);
  return value;
}

/** A quantity that must be above zero (parameter, token and FLOP counts). */
export function positiveQuantityOption(flag: string, text: string): number {
  const value = quantityOption(flag, text);
  if (value <= 0) throw new UsageError(`${flag}: must be positive, got "${text}"`);
  return value;
}

/** Splits "a, b,,c" into trimmed non-empty parts (possibly none). */
export function splitList(text: string): string[] {
  return text.split(",").map((p) => p.trim()).filter(Boolean);
}

/** Splits "a,b,c" into trimmed non-empty parts; an empty list is an error. */
export function listOption(flag: string, text: string, what = "a comma-separated list"): string[] {
  const parts = splitList(text);
  if (parts.length === 0) throw new UsageError(`${flag}: expected ${what}, got "${text}"`);
  return parts;
}

/** Parses "1,2,8" into whole numbers >= 1. */
export function wholeListOption(flag: string, text: string): number[] {
  return listOption(flag, text).map((part) => wholeOption(flag, part));
}

/** Parses "0.1,0.2,0.5" into fractions in (0, 1], sorted and deduplicated. */
export function fractionListOption(flag: string, text: string): number[] {
  const values = text.split(",").map((part) => {
    const value = Number(part);
    if (part.trim() === "" || !Number.isFinite(value) || value <= 0 || value > 1) {
      throw new UsageError(`${flag}: expected comma-separated fractions above 0 and at most 1 (e.g. 0.1,0.5,1), got "${part.trim()}"`);
    }
    return value;
  });
  return [...new Set(values)].sort((a, b) => a - b);
}

/** Validates an engine name. */
export function engineOption(text: string): Engine {
  const parsed = Engine.safeParse(text);
  if (!parsed.success) throw new UsageError(`--engine: must be one of ${Engine.options.join(", ")}, got "${text}"`);
  return parsed.data;
}

/** Parses "bf16,fp8" into weight formats. */
export function precisionListOption(flag: string, text: string): Precision[] {
  return listOption(flag, text).map((p) => {
    const parsed = Precision.safeParse(p);
    if (!parsed.success) throw new UsageError(`${flag}: "${p}" is not one of ${Precision.options.join(", ")}`);
    return parsed.data;
  });
}

/** Parses "2.5" (one price) or "h100-sxm=2,rtx-4090=0.37" (per id) for a price flag. */
export function priceOption(flag: string, text: string): number | Record<string, number> {
  if (!text.includes("=")) return positiveOption(flag, text, "a price in USD per hour > 0, or id=usd pairs");
  const out: Record<string, number> = {};
  for (const part of listOption(flag, text)) {
    const [id, value] = part.split("=");
    if (!id || value === undefined) throw new UsageError(`${flag}: expected id=usd pairs such as h100-sxm=2.0, got "${part}"`);
    out[id.trim()] = positiveOption(`${flag} ${id.trim()}`, value, "a price in USD per hour > 0");
  }
  return out;
}

/** A price flag as USD per hour per accelerator id: one number applies to every id in `ids`. */
export function pricePerIdOption(flag: string, text: string | undefined, ids: readonly string[]): Record<string, number> | undefined {
  const price = text === undefined ? undefined : priceOption(flag, text);
  return typeof price === "number" ? Object.fromEntries(ids.map((id) => [id, price])) : price;
}

/** --interactivity (output tokens/s per user) or --offline (null); undefined when neither is given. */
export function interactivityOption(opts: { offline?: boolean; interactivity?: string }): number | null | undefined {
  if (opts.offline && opts.interactivity !== undefined) throw new UsageError("--offline and --interactivity: choose one");
  if (opts.offline) return null;
  return opts.interactivity === undefined ? undefined : positiveOption("--interactivity", opts.interactivity, "output tokens per second per user > 0");
}

/** Today's date in UTC as YYYY-MM-DD (the default for date flags). */
export function todayIso(): string {
  return formatDate(new Date());
}

/** Validates a YYYY-MM-DD date flag; without one, today. */
export function dateOption(flag: string, text: string | undefined): string {
  if (text === undefined) return todayIso();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text) || Number.isNaN(Date.parse(text))) throw new UsageError(`${flag}: expected a date YYYY-MM-DD, got "${text}"`);
  return text;
}

/** The --svg and --png paths given, each checked to end in its own extension. */
export function chartPathOptions(opts: { svg?: string; png?: string }): string[] {
  const paths: string[] = [];
  for (const [flag, path, format] of [["--svg", opts.svg, "svg"], ["--png", opts.png, "png"]] as const) {
    if (path === undefined) continue;
    if (chartFormatOf(path) !== format) throw new UsageError(`${flag}: the file name must end in .${format}, got "${path}"`);
    paths.push(prepareOutputFile(flag, path));
  }
  return paths;
}

/** A flag the command cannot do without. */
export function requiredOption(flag: string, value: string | undefined, hint?: string): string {
  if (value === undefined) throw new UsageError(`${flag}: required${hint ? ` (${hint})` : ""}`);
  return value;
}

/** --json or --csv (not both), else the human table. */
export function outputFormatOption(opts: { json?: boolean; csv?: boolean }): "json" | "csv" | "table" {
  if (opts.json && opts.csv) throw new UsageError("--json and --csv: choose one output format");
  return opts.json ? "json" : opts.csv ? "csv" : "table";
}
