// The column description shared by the table and CSV writers, and the default cell rendering.
import { formatDate, formatNumber, MISSING } from "./format.js";

/** One output column: `key` picks the row field; `header` and `unit` label it in human tables. */
export interface Column<Row = Record<string, unknown>> {
  /** Field of the row (also the CSV header, so machines see the SI name such as `usdPerHour`). */
  key: string;
  /** Human header; defaults to `key`. */
  header?: string;
  /** Unit shown in the human header as "header (unit)". */
  unit?: string;
  /** Defaults to right for columns holding only numbers, left otherwise. */
  align?: "left" | "right";
  /** Human formatting of a present, finite value (e.g. formatUsd); never called with null or NaN. */
  format?: (value: never, row: Row) => string;
}

/** True for values that print as MISSING: null, undefined, NaN, +-Infinity and invalid dates. */
export function isMissing(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === "number") return !Number.isFinite(value);
  if (value instanceof Date) return !Number.isFinite(value.getTime());
  return false;
}

/** Reads `key` from a row, tolerating non-object rows. */
export function cellValue(row: unknown, key: string): unknown {
  if (row === null || typeof row !== "object") return undefined;
  return (row as Record<string, unknown>)[key];
}

const FORBIDDEN = /^(NaN|-?Infinity|undefined|null)$/;

/** Text of one cell for humans: the column's formatter or a default (3 significant digits, ISO dates). */
export function humanCell<Row>(column: Column<Row>, row: Row): string {
  const value = cellValue(row, column.key);
  if (isMissing(value)) return MISSING;
  const text = column.format ? column.format(value as never, row) : defaultCell(value);
  const clean = oneLine(text);
  return FORBIDDEN.test(clean.trim()) ? MISSING : clean;
}

function defaultCell(value: unknown): string {
  if (typeof value === "number") return formatNumber(value, 3);
  if (typeof value === "bigint") return formatNumber(Number(value), 21);
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (typeof value === "string") return value;
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith("T00:00:00.000Z") ? formatDate(value) : iso.replace(/\.000Z$/, "Z");
  }
  if (Array.isArray(value)) return value.map((item) => (isMissing(item) ? MISSING : defaultCell(item))).join(", ");
  return JSON.stringify(value, (_key, inner: unknown) => (typeof inner === "number" && !Number.isFinite(inner) ? null : typeof inner === "bigint" ? inner.toString() : inner)) ?? MISSING;
}

/** Collapses tabs, newlines and other control characters to single spaces so a cell stays on one line. */
export function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f]+/g, " ");
}

/** Columns for every key seen in `rows`, in first-seen order (for quick dumps). */
export function columnsOf(rows: readonly object[]): Column[] {
  const keys = new Set<string>();
  for (const row of rows) for (const key of Object.keys(row)) keys.add(key);
  return [...keys].map((key) => ({ key }));
}
