import { Engine } from "../core/efficiency.js";
import { UsageError } from "./io.js";

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

/** Parses a fraction in (0, 1] for a flag. */
export function fractionOption(flag: string, text: string): number {
  const value = Number(text);
  if (text.trim() === "" || !Number.isFinite(value) || value <= 0 || value > 1) {
    throw new UsageError(`${flag}: expected a fraction above 0 and at most 1 (e.g. 0.6 for 60%), got "${text}"`);
  }
  return value;
}

/** Splits "a,b,c" into trimmed non-empty parts. */
export function listOption(flag: string, text: string): string[] {
  const parts = text.split(",").map((p) => p.trim()).filter(Boolean);
  if (parts.length === 0) throw new UsageError(`${flag}: expected a comma-separated list, got "${text}"`);
  return parts;
}

/** Validates an engine name. */
export function engineOption(text: string): Engine {
  const parsed = Engine.safeParse(text);
  if (!parsed.success) throw new UsageError(`--engine: must be one of ${Engine.options.join(", ")}, got "${text}"`);
  return parsed.data;
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
