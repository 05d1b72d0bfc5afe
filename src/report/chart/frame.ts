// The parts every chart shares: document, title block, legend, footnote, axes and grid.
import { markerElement, type MarkerShape } from "./palette.js";
import { axisTitle, type AxisSpec, type Scale, TICK_FONT_PX } from "./scale.js";
import { el, escapeXml, px, textEl } from "./svg.js";
import { measureText, truncateText, wrapText } from "./text.js";

export const FONT_FAMILY = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'DejaVu Sans', sans-serif";
export const PAD = 16;
export const COLORS = { text: "#1f2937", muted: "#4b5563", faint: "#6b7280", axis: "#9ca3af", grid: "#e5e7eb", minor: "#f1f3f5" };
const TITLE_PX = 17;
const SUBTITLE_PX = 13;
const LEGEND_PX = 12;
const FOOTNOTE_PX = 12;
export const AXIS_TITLE_PX = 13;

/** Texts around the plot. */
export interface ChartText {
  title: string;
  subtitle?: string;
  /** Source or footnote line at the bottom, e.g. "Source: costcurve engine, vLLM profile 2026-11". */
  footnote?: string;
  /** Prefix for ids inside the SVG (clip paths); default derived from the title. Set it when one page shows
   * several charts with the same title. */
  id?: string;
}

export interface LegendItem {
  name: string;
  color: string;
  /** How the key is drawn: a line (optionally with a marker), a marker alone, or a filled square. */
  swatch: "line" | "marker" | "square";
  marker?: MarkerShape;
  dashed?: boolean;
}

export interface Plot {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** Wraps everything in a standalone SVG document with a white background and an accessible title. */
export function svgDocument(width: number, height: number, text: ChartText, body: readonly string[]): string {
  const desc = [text.subtitle, text.footnote].filter((s) => s).join(" ");
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${px(width)}" height="${px(height)}" viewBox="0 0 ${px(width)} ${px(height)}"` +
    ` font-family="${escapeXml(FONT_FAMILY)}" font-size="12" role="img">` +
    `<title>${escapeXml(text.title)}</title>` +
    (desc ? `<desc>${escapeXml(desc)}</desc>` : "") +
    el("rect", { class: "chart-bg", x: 0, y: 0, width, height, fill: "#ffffff" }) +
    body.join("") +
    "</svg>\n"
  );
}

/** Title, subtitle and legend from the top; returns the SVG and the y where the plot area may start. */
export function renderHeader(text: ChartText, legend: readonly LegendItem[], width: number): { svg: string; bottom: number } {
  const parts: string[] = [];
  const maxWidth = width - 2 * PAD;
  let y = PAD;
  for (const line of wrapText(text.title, maxWidth, TITLE_PX, true)) {
    y += TITLE_PX + 3;
    parts.push(textEl(line, { class: "chart-title", x: PAD, y: y - 4, "font-size": TITLE_PX, "font-weight": 700, fill: COLORS.text }));
  }
  if (text.subtitle) {
    for (const line of wrapText(text.subtitle, maxWidth, SUBTITLE_PX)) {
      y += SUBTITLE_PX + 5;
      parts.push(textEl(line, { class: "chart-subtitle", x: PAD, y: y - 4, "font-size": SUBTITLE_PX, fill: COLORS.muted }));
    }
  }
  if (legend.length > 0) {
    y += 8;
    const block = renderLegend(legend, PAD, y, maxWidth);
    parts.push(block.svg);
    y += block.height;
  }
  return { svg: parts.join(""), bottom: y };
}

function legendSwatch(item: LegendItem, x: number, cy: number): string {
  if (item.swatch === "square") return el("rect", { x, y: cy - 5, width: 10, height: 10, fill: item.color });
  const marker = item.marker ? markerElement(item.marker, x + 11, cy, 8, item.color) : "";
  if (item.swatch === "marker") return marker;
  const line = el("line", {
    x1: x,
    y1: cy,
    x2: x + 22,
    y2: cy,
    stroke: item.color,
    "stroke-width": 2.5,
    "stroke-dasharray": item.dashed ? "6 4" : undefined,
  });
  return line + marker;
}

/** Legend keys in rows that wrap within `maxWidth`; it sits above the plot so it never covers data. */
export function renderLegend(items: readonly LegendItem[], left: number, top: number, maxWidth: number): { svg: string; height: number } {
  const rowHeight = LEGEND_PX + 8;
  const parts: string[] = [];
  let x = left;
  let row = 0;
  for (const [index, item] of items.entries()) {
    const swatchWidth = item.swatch === "square" ? 10 : 22;
    const label = truncateText(item.name, maxWidth - swatchWidth - 6, LEGEND_PX);
    const itemWidth = swatchWidth + 6 + measureText(label, LEGEND_PX);
    if (x > left && x + itemWidth > left + maxWidth) {
      row++;
      x = left;
    }
    const cy = top + row * rowHeight + rowHeight / 2;
    parts.push(el("g", { class: "legend-item", "data-series": index }, [legendSwatch(item, x, cy), textEl(label, { x: x + swatchWidth + 6, y: cy + LEGEND_PX * 0.35, "font-size": LEGEND_PX, fill: COLORS.text })]));
    x += itemWidth + 18;
  }
  return { svg: el("g", { class: "legend" }, parts), height: (row + 1) * rowHeight };
}

/** Footnote lines at the bottom-left; returns the SVG and its height (0 without a footnote). */
export function renderFootnote(footnote: string | undefined, width: number, height: number): { svg: string; height: number } {
  if (!footnote) return { svg: "", height: 0 };
  const lines = wrapText(footnote, width - 2 * PAD, FOOTNOTE_PX);
  const lineHeight = FOOTNOTE_PX + 4;
  const top = height - PAD - lines.length * lineHeight;
  const svg = lines.map((line, i) => textEl(line, { class: "chart-footnote", x: PAD, y: top + (i + 1) * lineHeight - 4, "font-size": FOOTNOTE_PX, fill: COLORS.faint })).join("");
  return { svg, height: lines.length * lineHeight + 6 };
}

/** Space below the plot for x tick labels and the x axis title. */
export const X_AXIS_BLOCK = 6 + TICK_FONT_PX + 10 + AXIS_TITLE_PX + 6;

/** Width left of the plot for y tick labels and the rotated y axis title. */
export function yAxisBlockWidth(scale: Scale): number {
  const widest = Math.max(0, ...scale.ticks.map((tick) => measureText(tick.label, TICK_FONT_PX)));
  return AXIS_TITLE_PX + 12 + widest + 8;
}

/** Horizontal grid lines at y ticks and vertical ones at x ticks (log minors lighter). */
export function renderGrid(plot: Plot, x: Scale | undefined, y: Scale): string {
  const lines: string[] = [];
  const vertical = (pos: number, color: string): void => void lines.push(el("line", { x1: pos, y1: plot.top, x2: pos, y2: plot.bottom, stroke: color, "stroke-width": 1 }));
  const horizontal = (pos: number, color: string): void => void lines.push(el("line", { x1: plot.left, y1: pos, x2: plot.right, y2: pos, stroke: color, "stroke-width": 1 }));
  if (x) {
    for (const v of x.minor) vertical(x.map(v), COLORS.minor);
    for (const tick of x.ticks) vertical(x.map(tick.value), COLORS.grid);
  }
  for (const v of y.minor) horizontal(y.map(v), COLORS.minor);
  // A zero line inside the plot is darker: it separates negative from positive values.
  for (const tick of y.ticks) horizontal(y.map(tick.value), tick.value === 0 && y.domain[0] < 0 ? COLORS.axis : COLORS.grid);
  return el("g", { class: "grid" }, lines);
}

/** Bottom axis: line, tick marks, tick labels and the axis title (with unit). */
export function renderXAxis(plot: Plot, scale: Scale, axis: AxisSpec): string {
  const parts: string[] = [el("line", { x1: plot.left, y1: plot.bottom, x2: plot.right, y2: plot.bottom, stroke: COLORS.axis })];
  for (const tick of scale.ticks) {
    const x = scale.map(tick.value);
    parts.push(el("line", { x1: x, y1: plot.bottom, x2: x, y2: plot.bottom + 5, stroke: COLORS.axis }));
    parts.push(textEl(tick.label, { class: "tick-label", x, y: plot.bottom + 6 + TICK_FONT_PX, "text-anchor": "middle", "font-size": TICK_FONT_PX, fill: COLORS.muted }));
  }
  parts.push(
    textEl(axisTitle(axis), {
      class: "x-axis-title",
      x: (plot.left + plot.right) / 2,
      y: plot.bottom + X_AXIS_BLOCK - 6,
      "text-anchor": "middle",
      "font-size": AXIS_TITLE_PX,
      fill: COLORS.text,
    }),
  );
  return el("g", { class: "x-axis" }, parts);
}

/** Left axis: line, tick marks, right-aligned tick labels and the rotated axis title (with unit). */
export function renderYAxis(plot: Plot, scale: Scale, axis: AxisSpec): string {
  const parts: string[] = [el("line", { x1: plot.left, y1: plot.top, x2: plot.left, y2: plot.bottom, stroke: COLORS.axis })];
  for (const tick of scale.ticks) {
    const y = scale.map(tick.value);
    parts.push(el("line", { x1: plot.left - 5, y1: y, x2: plot.left, y2: y, stroke: COLORS.axis }));
    parts.push(textEl(tick.label, { class: "tick-label", x: plot.left - 8, y: y + TICK_FONT_PX * 0.35, "text-anchor": "end", "font-size": TICK_FONT_PX, fill: COLORS.muted }));
  }
  const cx = PAD + AXIS_TITLE_PX * 0.8;
  const cy = (plot.top + plot.bottom) / 2;
  const title = truncateText(axisTitle(axis), plot.bottom - plot.top + 40, AXIS_TITLE_PX);
  parts.push(
    textEl(title, {
      class: "y-axis-title",
      x: cx,
      y: cy,
      transform: `rotate(-90 ${px(cx)} ${px(cy)})`,
      "text-anchor": "middle",
      "font-size": AXIS_TITLE_PX,
      fill: COLORS.text,
    }),
  );
  return el("g", { class: "y-axis" }, parts);
}
