// RFC 4180 CSV for machines: raw SI numbers at full precision, empty fields for missing values.
import { type Column, cellValue, isMissing } from "./cell.js";

const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

/** Quotes a field when it holds a comma, quote, CR, LF or edge whitespace, doubling inner quotes (RFC 4180). */
export function escapeCsvField(text: string): string {
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The machine text of one value: numbers as JavaScript prints them (round-trip exact), dates as ISO, missing as "". */
export function csvValue(value: unknown): string {
  if (isMissing(value)) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "bigint") return String(value);
  if (typeof value === "boolean") return value ? "true" : "false";
  if (value instanceof Date) return value.toISOString();
  return JSON.stringify(value, (_key, inner: unknown) => (typeof inner === "number" && !Number.isFinite(inner) ? null : typeof inner === "bigint" ? inner.toString() : inner)) ?? "";
}

/**
 * Renders rows as RFC 4180 CSV: a header record of column keys, CRLF line breaks (also after the last
 * record), fields quoted only when needed. Columns' `format` is ignored: CSV carries raw values.
 */
export function formatCsv<Row extends object>(columns: readonly Column<Row>[], rows: readonly Row[]): string {
  if (columns.length === 0) return "";
  const record = (fields: readonly string[]): string => fields.map(escapeCsvField).join(",") + "\r\n";
  return record(columns.map((column) => column.key)) + rows.map((row) => record(columns.map((column) => csvValue(cellValue(row, column.key))))).join("");
}
