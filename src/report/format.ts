// Number formatters for human output. Every formatter prints "-" for null, undefined and non-finite
// input, so NaN, Infinity and undefined never reach a terminal, a table or a chart.
// Locale-independent on purpose: output is identical on every machine (comma thousands separator).

/** What the formatters print for a missing or non-finite value. */
export const MISSING = "-";

function isFiniteNumber(value: number | null | undefined): value is number {
  return typeof value === "number" && Number.isFinite(value);
}

/** Inserts comma thousands separators into the integer part of a plain decimal string ("1234.5" -> "1,234.5"). */
export function groupThousands(decimal: string): string {
  const sign = decimal.startsWith("-") ? "-" : "";
  const body = sign ? decimal.slice(1) : decimal;
  const dot = body.indexOf(".");
  const integer = dot === -1 ? body : body.slice(0, dot);
  const fraction = dot === -1 ? "" : body.slice(dot);
  return sign + integer.replace(/\B(?=(\d{3})+(?!\d))/g, ",") + fraction;
}

function stripTrailingZeros(decimal: string, minFractionDigits = 0): string {
  const dot = decimal.indexOf(".");
  if (dot === -1) return decimal;
  let end = decimal.length;
  while (end > dot + 1 + minFractionDigits && decimal[end - 1] === "0") end--;
  if (end === dot + 1) end = dot;
  return decimal.slice(0, end);
}

/** Rounds to `digits` significant digits and returns a plain decimal string (no grouping, no exponent). */
function toSignificantDecimal(value: number, digits: number): string {
  if (value === 0) return "0";
  const rounded = Number(value.toPrecision(digits));
  if (rounded === 0) return "0";
  const exponent = Math.floor(Math.log10(Math.abs(rounded)));
  const fractionDigits = Math.min(100, Math.max(0, digits - 1 - exponent));
  const text = rounded.toFixed(fractionDigits);
  return text === "-0" || /^-0\.?0*$/.test(text) ? text.slice(1) : text;
}

/** `value` rounded to `digits` significant digits (default 3), with thousands separators: 1234.5 -> "1,230", 0.012345 -> "0.0123". */
export function formatSignificant(value: number | null | undefined, digits = 3): string {
  if (!isFiniteNumber(value)) return MISSING;
  const magnitude = Math.abs(value);
  if (magnitude !== 0 && (magnitude >= 1e21 || magnitude < 1e-9)) {
    return value.toExponential(Math.max(0, digits - 1)).replace(/\.?0+e/, "e");
  }
  return groupThousands(stripTrailingZeros(toSignificantDecimal(value, digits)));
}

/** Like formatSignificant but never rounds away integer digits: 12345.6 -> "12,346", 3.14159 -> "3.14". */
export function formatNumber(value: number | null | undefined, digits = 3): string {
  if (!isFiniteNumber(value)) return MISSING;
  if (Math.abs(value) >= 10 ** digits && Math.abs(value) < 1e21) return formatInteger(value);
  return formatSignificant(value, digits);
}

/** `value` rounded to an integer with thousands separators: 33487.6 -> "33,488". */
export function formatInteger(value: number | null | undefined): string {
  if (!isFiniteNumber(value)) return MISSING;
  if (Math.abs(value) >= 1e21) return formatSignificant(value, 3);
  const rounded = Math.round(value);
  return groupThousands(String(rounded === 0 ? 0 : rounded));
}

const LARGE_PREFIXES = ["", "k", "M", "G", "T", "P", "E"] as const;

/**
 * `value` with an SI prefix for magnitudes of 1000 and more (k, M, G, T, P, E), `digits` significant
 * digits (default 3): 33488 -> "33.5k", 2.5e12 -> "2.5T", 0.25 -> "0.25". Small values keep plain decimals.
 */
export function formatSi(value: number | null | undefined, digits = 3): string {
  if (!isFiniteNumber(value)) return MISSING;
  const rounded = Number(value.toPrecision(Math.max(1, digits)));
  const magnitude = Math.abs(rounded);
  if (magnitude < 1000) return formatSignificant(rounded, digits);
  const index = Math.min(LARGE_PREFIXES.length - 1, Math.floor(Math.log10(magnitude) / 3));
  const scaled = rounded / 1000 ** index;
  return formatSignificant(scaled, digits) + LARGE_PREFIXES[index];
}

/** Tokens with k/M/B/T suffixes: 2.67e9 -> "2.67B". */
export function formatTokens(value: number): string {
  return formatSi(value, 3).replace(/G$/, "B");
}

/** A rate with an SI prefix and its unit: formatRate(33488, "tokens/s") -> "33.5k tokens/s". */
export function formatRate(value: number | null | undefined, unit: string, digits = 3): string {
  if (!isFiniteNumber(value)) return MISSING;
  return `${formatSi(value, digits)} ${unit}`;
}

/**
 * US dollars with digits that suit the amount: 0.0166 -> "$0.0166" (3 significant digits below $1),
 * 2.185 -> "$2.19" (cents up to $1,000), 1234567.8 -> "$1,234,568" (whole dollars from $1,000).
 */
export function formatUsd(value: number | null | undefined): string {
  if (!isFiniteNumber(value)) return MISSING;
  const sign = value < 0 ? "-" : "";
  const amount = Math.abs(value);
  let body: string;
  if (amount === 0) body = "0.00";
  else if (amount >= 1e15) body = formatSignificant(amount, 3);
  else if (amount >= 1000) body = formatInteger(amount);
  else if (amount >= 0.995) body = groupThousands(amount.toFixed(2));
  else if (amount < 1e-9) body = formatSignificant(amount, 3);
  else body = stripTrailingZeros(toSignificantDecimal(amount, 3), 2);
  const text = `${sign}$${body}`;
  return text === "-$0.00" ? "$0.00" : text;
}

/**
 * A duration in seconds as h, s, ms, us or ns with `digits` significant digits (hours from 2 h up):
 * 0.0413 -> "41.3 ms", 754 -> "754 s", 9000 -> "2.5 h".
 */
export function formatDuration(seconds: number | null | undefined, digits = 3): string {
  if (!isFiniteNumber(seconds)) return MISSING;
  if (seconds === 0) return "0 s";
  const units: ReadonlyArray<readonly [number, string, number]> = [
    [3600, "h", 2],
    [1, "s", 1],
    [1e-3, "ms", 1],
    [1e-6, "us", 1],
  ];
  for (const [scale, unit, from] of units) {
    // Round first so 0.99996 s prints as "1 s", not "1,000 ms".
    const scaled = Number((seconds / scale).toPrecision(digits));
    if (Math.abs(scaled) >= from) return `${formatNumber(scaled, digits)} ${unit}`;
  }
  return `${formatNumber(seconds / 1e-9, digits)} ns`;
}

const BYTE_UNITS = ["B", "kB", "MB", "GB", "TB", "PB", "EB"] as const;

/** Bytes in decimal units (1 GB = 1e9 bytes): 80e9 -> "80 GB", 3.35e12 -> "3.35 TB", 512 -> "512 B". */
export function formatBytes(bytes: number | null | undefined, digits = 3): string {
  if (!isFiniteNumber(bytes)) return MISSING;
  const rounded = Number(bytes.toPrecision(Math.max(1, digits)));
  const magnitude = Math.abs(rounded);
  if (magnitude < 1000) return `${formatNumber(bytes, digits)} B`;
  const index = Math.min(BYTE_UNITS.length - 1, Math.floor(Math.log10(magnitude) / 3));
  return `${formatNumber(rounded / 1000 ** index, digits)} ${BYTE_UNITS[index]}`;
}

/** A 0-1 fraction as a percentage with `fractionDigits` decimals (default 1): 0.4231 -> "42.3%". */
export function formatPercent(fraction: number | null | undefined, fractionDigits = 1): string {
  if (!isFiniteNumber(fraction)) return MISSING;
  const text = groupThousands((fraction * 100).toFixed(fractionDigits));
  return `${/^-0(\.0*)?$/.test(text) ? text.slice(1) : text}%`;
}

/** A UTC calendar date as ISO "YYYY-MM-DD" from a Date or epoch milliseconds. */
export function formatDate(date: Date | number | null | undefined): string {
  if (date === null || date === undefined) return MISSING;
  const ms = typeof date === "number" ? date : date.getTime();
  if (!Number.isFinite(ms) || Math.abs(ms) > 8.64e15) return MISSING;
  return new Date(ms).toISOString().slice(0, 10);
}
