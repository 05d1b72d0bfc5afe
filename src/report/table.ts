// Aligned plain-text tables for the terminal.
import { type Column, cellValue, humanCell, isMissing } from "./cell.js";

const GAP = "  ";

/** "header (unit)" for a column. */
export function columnTitle(column: Column<never>): string {
  const header = column.header ?? column.key;
  return column.unit ? `${header} (${column.unit})` : header;
}

function textWidth(text: string): number {
  return [...text].length;
}

function pad(text: string, width: number, align: "left" | "right"): string {
  const fill = " ".repeat(Math.max(0, width - textWidth(text)));
  return align === "right" ? fill + text : text + fill;
}

function alignOf<Row>(column: Column<Row>, rows: readonly Row[]): "left" | "right" {
  if (column.align) return column.align;
  // A column of only missing values ("-") is right-aligned like the numeric column it usually is.
  for (const row of rows) {
    const value = cellValue(row, column.key);
    if (isMissing(value)) continue;
    if (typeof value !== "number" && typeof value !== "bigint") return "left";
  }
  return "right";
}

/**
 * Renders rows as an aligned text table: a header line with units, a dashed separator, one line per row;
 * numbers right-aligned, missing or non-finite values as "-". Every line ends with "\n".
 */
export function formatTable<Row extends object>(columns: readonly Column<Row>[], rows: readonly Row[]): string {
  if (columns.length === 0) return "";
  const headers = columns.map((column) => columnTitle(column as Column<never>));
  const cells = rows.map((row) => columns.map((column) => humanCell(column, row)));
  const aligns = columns.map((column) => alignOf(column, rows));
  const widths = headers.map((header, i) => Math.max(textWidth(header), ...cells.map((line) => textWidth(line[i] ?? ""))));
  const render = (line: readonly string[]): string =>
    line
      .map((text, i) => pad(text, widths[i] ?? 0, aligns[i] ?? "left"))
      .join(GAP)
      .trimEnd() + "\n";
  return render(headers) + render(widths.map((width) => "-".repeat(width))) + cells.map(render).join("");
}

/** Renders label/value pairs as two aligned columns (for single-result summaries). Ends with "\n". */
export function formatKeyValues(pairs: ReadonlyArray<readonly [string, string]>): string {
  const width = Math.max(0, ...pairs.map(([label]) => textWidth(label)));
  return pairs.map(([label, value]) => `${pad(label, width, "left")}${GAP}${value}`.trimEnd() + "\n").join("");
}
