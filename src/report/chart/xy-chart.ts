// Line and scatter charts on linear, log or time axes, with step lines, Pareto frontiers, point labels
// and reference lines.
import { obstaclesAlong, type PointLabel, type ReferenceLine, renderPointLabels, renderReferenceLines } from "./annotations.js";
import { type ChartText, type LegendItem, PAD, type Plot, renderFootnote, renderGrid, renderHeader, renderXAxis, renderYAxis, svgDocument, X_AXIS_BLOCK, yAxisBlockWidth } from "./frame.js";
import { chartWidth, valueText } from "./chart-width.js";
import { markerElement, seriesColor, seriesDash, seriesMarker } from "./palette.js";
import { type FrontierGoal, paretoFrontier } from "./pareto.js";
import { type AxisSpec, buildScale, plottable, type Scale, TICK_FONT_PX } from "./scale.js";
import { el, escapeXml, idFrom, polylinePath } from "./svg.js";
import { measureText } from "./text.js";
import { formatSignificant } from "../format.js";

export interface XYPoint {
  x: number;
  /** null (or non-finite) leaves a gap in a line. */
  y: number | null;
  /** Optional text drawn next to the point. */
  label?: string;
  /** Hover text (and the point's SVG title); default: the series name and both values with their units. */
  tip?: string;
}

export interface XYSeries {
  name: string;
  points: readonly XYPoint[];
  /** "line" (default) joins points in x order; "scatter" draws markers only. */
  kind?: "line" | "scatter";
  /** Line shape: straight segments (default) or steps that hold y until the next x ("step-after"). */
  curve?: "linear" | "step-after" | "step-before";
  /** Markers on a line series (scatter always has them). */
  markers?: boolean;
  /** Draw the Pareto frontier of the points as a line or steps; dominated points are drawn faded. */
  frontier?: "line" | "step";
  /** Which direction is better on each axis for the frontier; default more x and more y. */
  frontierGoal?: FrontierGoal;
  dashed?: boolean;
  color?: string;
}

export interface XYChartSpec extends ChartText {
  /** Width and height in px; default 800 x 500. */
  width?: number;
  height?: number;
  x: AxisSpec;
  y: AxisSpec;
  series: readonly XYSeries[];
  referenceLines?: readonly ReferenceLine[];
  /** Show the legend; default when there are two or more series. */
  legend?: boolean;
}

const MARKER_PX = 8;
/** Lines with more points than this get no invisible hover targets (the SVG would grow for little gain). */
const MAX_HOVER_POINTS = 300;

interface Prepared {
  series: XYSeries;
  color: string;
  index: number;
  points: Array<{ x: number; y: number | null; label?: string; tip?: string }>;
}

function prepare(spec: XYChartSpec): Prepared[] {
  return spec.series.map((series, index) => ({
    series,
    index,
    color: series.color ?? seriesColor(index),
    points: series.points.filter((p) => plottable(spec.x, p.x)).map((p) => ({ x: p.x, y: plottable(spec.y, p.y) ? p.y : null, ...(p.label ? { label: p.label } : {}), ...(p.tip ? { tip: p.tip } : {}) })),
  }));
}

function linePoints(points: readonly { x: number; y: number }[], curve: XYSeries["curve"], x: Scale, y: Scale): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  points.forEach((p, i) => {
    const px = x.map(p.x);
    const py = y.map(p.y);
    const prev = points[i - 1];
    if (prev && curve === "step-after") out.push([px, y.map(prev.y)]);
    if (prev && curve === "step-before") out.push([x.map(prev.x), py]);
    out.push([px, py]);
  });
  return out;
}

/** Splits x-sorted points into runs without null y. */
function segments(points: readonly { x: number; y: number | null }[]): Array<Array<{ x: number; y: number }>> {
  const runs: Array<Array<{ x: number; y: number }>> = [[]];
  for (const p of [...points].sort((a, b) => a.x - b.x)) {
    if (p.y === null) runs.push([]);
    else runs[runs.length - 1]?.push({ x: p.x, y: p.y });
  }
  return runs.filter((run) => run.length > 0);
}

function inDomain(scale: Scale, value: number): boolean {
  const [a, b] = scale.domain;
  return value >= Math.min(a, b) - 1e-12 * Math.abs(b - a) && value <= Math.max(a, b) + 1e-12 * Math.abs(b - a);
}

/** One value as hover text: ISO dates on time axes, else the axis's tick format or 3 significant digits. */
export function hoverValue(axis: AxisSpec, value: number): string {
  if (axis.scale === "time") return new Date(value).toISOString().slice(0, 10);
  return valueText(axis.title, axis.tickFormat ? axis.tickFormat(value) : formatSignificant(value, 3), axis.unit);
}

/** The hover text of a point: its own tip, else series name, x and y with units, one per line. */
function tipOf(spec: XYChartSpec, name: string, p: { x: number; y: number; tip?: string }): string {
  if (p.tip) return p.tip;
  const x = spec.x.scale === "time" ? `${spec.x.title}: ${hoverValue(spec.x, p.x)}` : hoverValue(spec.x, p.x);
  return `${name}\n${x}\n${hoverValue(spec.y, p.y)}`;
}

/** A hover target: data-series and data-tip for the page's script, and an SVG title for everything else. */
function hoverPoint(index: number, tip: string, child: string, faded: boolean): string {
  return el("g", { class: "pt", "data-series": index, "data-tip": tip, opacity: faded ? 0.45 : undefined }, [el("title", {}, escapeXml(tip)), child]);
}

/** Renders a line/scatter chart as a standalone SVG string (deterministic for equal input). */
export function renderXYChart(spec: XYChartSpec): string {
  const width = chartWidth(spec.width);
  const height = spec.height ?? 500;
  const prepared = prepare(spec);
  const showLegend = spec.legend ?? spec.series.length >= 2;
  const legend: LegendItem[] = showLegend
    ? prepared.map(({ series, color, index }) => {
        const scatter = series.kind === "scatter";
        const marker = scatter || series.markers ? seriesMarker(index) : undefined;
        return {
          name: series.name,
          color,
          swatch: scatter && !series.frontier ? "marker" : "line",
          ...(marker ? { marker } : {}),
          ...(series.dashed || seriesDash(index) ? { dashed: true } : {}),
        };
      })
    : [];
  const header = renderHeader(spec, legend, width);
  const footnote = renderFootnote(spec.footnote, width, height);
  const references = spec.referenceLines ?? [];
  const xValues = [...prepared.flatMap((s) => s.points.map((p) => p.x)), ...references.filter((r) => r.axis === "x").map((r) => r.value)];
  const yValues = [...prepared.flatMap((s) => s.points.flatMap((p) => (p.y === null ? [] : [p.y]))), ...references.filter((r) => r.axis === "y").map((r) => r.value)];

  const top = header.bottom + 12;
  const bottom = height - PAD - footnote.height - X_AXIS_BLOCK;
  const yScale = buildScale(spec.y, yValues, bottom, top, "y");
  const left = PAD + yAxisBlockWidth(yScale);
  let right = width - PAD - 12;
  let xScale = buildScale(spec.x, xValues, left, right, "x");
  // Let the last tick label end inside the canvas.
  const lastTick = xScale.ticks[xScale.ticks.length - 1];
  if (lastTick) {
    const overhang = xScale.map(lastTick.value) + measureText(lastTick.label, TICK_FONT_PX) / 2 - (width - PAD);
    if (overhang > 0) {
      right -= overhang;
      xScale = buildScale(spec.x, xValues, left, right, "x");
    }
  }
  const plot: Plot = { left, top, right, bottom };
  const clipId = `${spec.id ? `cc-${spec.id.replace(/[^A-Za-z0-9_-]/g, "_")}` : idFrom(`${spec.title}|${spec.subtitle ?? ""}`)}-plot`;

  const under: string[] = [];
  const over: string[] = [];
  const markers: PointLabel[] = [];
  const labels: PointLabel[] = [];
  const drawn: Array<Array<[number, number]>> = [];
  for (const { series, color, index, points } of prepared) {
    const stroke = { "data-series": index, fill: "none", stroke: color, "stroke-width": 2.5, "stroke-linejoin": "round", "stroke-dasharray": series.dashed ? "7 4" : seriesDash(index) };
    const scatter = series.kind === "scatter";
    if (!scatter) {
      for (const run of segments(points)) {
        const only = run.length === 1 ? run[0] : undefined;
        if (only && !series.markers) {
          // A point between two gaps has no segment to draw: show it as a dot rather than not at all.
          under.push(el("circle", { class: "series-dot", "data-series": index, cx: xScale.map(only.x), cy: yScale.map(only.y), r: 2.5, fill: color }));
          continue;
        }
        const path = linePoints(run, series.curve, xScale, yScale);
        drawn.push(path);
        under.push(el("path", { class: "series-line", d: polylinePath(path), ...stroke }));
      }
    }
    const onFrontier = new Set<object>();
    if (series.frontier) {
      const front = paretoFrontier(points, series.frontierGoal);
      for (const p of front) onFrontier.add(p);
      // Between two frontier points the better-x one sets the attainable y, so the step drops (or rises) at
      // the worse-x point: vertical first when more x is better, horizontal first when less x is better.
      const curve = series.frontier === "step" ? (series.frontierGoal?.x === "min" ? "step-after" : "step-before") : "linear";
      const run = front.filter((p): p is { x: number; y: number } => p.y !== null);
      if (run.length >= 2) {
        const path = linePoints(run, curve, xScale, yScale);
        drawn.push(path);
        under.push(el("path", { class: "frontier-line", d: polylinePath(path), ...stroke }));
      }
    }
    if (scatter || series.markers) {
      const shape = seriesMarker(index);
      const parts: string[] = [];
      for (const p of points) {
        if (p.y === null || !inDomain(xScale, p.x) || !inDomain(yScale, p.y)) continue;
        const cx = xScale.map(p.x);
        const cy = yScale.map(p.y);
        const faded = series.frontier !== undefined && !onFrontier.has(p);
        const marker = markerElement(shape, cx, cy, MARKER_PX, color);
        parts.push(hoverPoint(index, tipOf(spec, series.name, { ...p, y: p.y }), marker, faded));
        markers.push({ x: cx, y: cy, text: "", radius: MARKER_PX / 2 + 1 });
      }
      over.push(el("g", { class: "series-markers", "data-series": index }, parts));
    } else if (points.length <= MAX_HOVER_POINTS) {
      // A line without markers still answers hover: invisible targets at its points.
      const parts: string[] = [];
      for (const p of points) {
        if (p.y === null || !inDomain(xScale, p.x) || !inDomain(yScale, p.y)) continue;
        parts.push(hoverPoint(index, tipOf(spec, series.name, { ...p, y: p.y }), el("circle", { cx: xScale.map(p.x), cy: yScale.map(p.y), r: 4, fill: color, "fill-opacity": 0 }), false));
      }
      over.push(el("g", { class: "series-targets", "data-series": index }, parts));
    }
    for (const p of points) {
      if (!p.label || p.y === null || !inDomain(xScale, p.x) || !inDomain(yScale, p.y)) continue;
      labels.push({ x: xScale.map(p.x), y: yScale.map(p.y), text: p.label, radius: scatter || series.markers ? MARKER_PX / 2 + 1 : 2 });
    }
  }
  const obstacles = obstaclesAlong(drawn, markers);
  const refs = renderReferenceLines(references, xScale, yScale, plot, obstacles);
  const clip = el("clipPath", { id: clipId }, el("rect", { x: left - 6, y: top - 6, width: right - left + 12, height: bottom - top + 12 }));
  return svgDocument(width, height, spec, [
    el("defs", {}, clip),
    renderGrid(plot, xScale, yScale),
    refs.lines,
    el("g", { class: "series", "clip-path": `url(#${clipId})` }, [...under, ...over]),
    renderXAxis(plot, xScale, spec.x),
    renderYAxis(plot, yScale, spec.y),
    renderPointLabels(labels, obstacles, plot),
    refs.labels,
    header.svg,
    footnote.svg,
  ]);
}
