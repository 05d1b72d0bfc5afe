// Writes a chart to disk as SVG or PNG, chosen by the file extension.
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, extname } from "node:path";
import { renderPng } from "./png.js";

export type ChartFormat = "svg" | "png";
export const CHART_EXTENSIONS = [".svg", ".png"] as const;

/** The chart format for a path's extension (case-insensitive), or undefined when it is neither .svg nor .png. */
export function chartFormatOf(path: string): ChartFormat | undefined {
  const extension = extname(path).toLowerCase();
  return extension === ".svg" ? "svg" : extension === ".png" ? "png" : undefined;
}

export interface WrittenChart {
  path: string;
  format: ChartFormat;
  byteCount: number;
}

/**
 * Writes `svg` to `path` as SVG text or rendered PNG (by extension; `width` in px scales the PNG), creating
 * the parent folder. Throws for another extension, naming the allowed ones.
 */
export async function writeChart(path: string, svg: string, options: { width?: number } = {}): Promise<WrittenChart> {
  const format = chartFormatOf(path);
  if (!format) {
    throw new Error(`chart path: ${JSON.stringify(path)} must end in ${CHART_EXTENSIONS.join(" or ")}`);
  }
  const bytes = format === "svg" ? Buffer.from(svg, "utf8") : renderPng(svg, options);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, bytes);
  return { path, format, byteCount: bytes.byteLength };
}
