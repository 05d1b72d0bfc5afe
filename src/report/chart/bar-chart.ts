// Grouped vertical bar charts: one group per category (e.g. accelerator), one bar per series
// (e.g. predicted and measured).
import { HALO, type ReferenceLine, renderReferenceLines } from "./annotations.js";
import { AXIS_TITLE_PX, type ChartText, COLORS, type LegendItem, PAD, type Plot, renderFootnote, renderGrid, renderHeader, renderYAxis, svgDocument, yAxisBlockWidth } from "./frame.js";
import { seriesColor } from "./palette.js";
import { type AxisSpec, buildScale, TICK_FONT_PX } from "./scale.js";
import { el, escapeXml, px, textEl } from "./svg.js";
import { chartWidth, valueText } from "./chart-width.js";
import { measureText, truncateText, wrapText } from "./text.js";
import { formatSi } from "../format.js";

export interface BarSeries {
  name: string;
  /** One value per category, in category order; null draws no bar. */
  values: readonly (number | null)[];
  color?: string;
}

export interface BarChartSpec extends ChartText {
  width?: number;
  height?: number;
  categories: readonly string[];
  series: readonly BarSeries[];
  /** Value axis; always linear and including 0 (bars start at 0). */
  y: AxisSpec;
  /** Title under the category labels, e.g. "accelerator". */
  categoryTitle?: string;
  /** Value text on each bar; default: shown when it fits horizontally above every bar. */
  valueLabels?: boolean;
  valueFormat?: (value: number) => string;
  /** Horizontal reference lines at values of the y axis. */
  referenceLines?: ReadonlyArray<Omit<ReferenceLine, "axis">>;
  /** Show the legend; default when there are two or more series. */
  legend?: boolean;
}

const ROTATE_DEGREES = 35;
const VALUE_PX = 11;

interface CategoryLayout {
  rotated: boolean;
  lines: string[][];
  height: number;
}

function layoutCategories(categories: readonly string[], band: number): CategoryLayout {
  const wrapped = categories.map((c) => wrapText(c, band - 6, TICK_FONT_PX));
  const fits = wrapped.every((lines) => lines.length <= 2 && lines.every((line) => measureText(line, TICK_FONT_PX) <= band - 2));
  if (fits) {
    const most = Math.max(1, ...wrapped.map((lines) => lines.length));
    return { rotated: false, lines: wrapped, height: most * (TICK_FONT_PX + 3) };
  }
  const lines = categories.map((c) => [truncateText(c, 170, TICK_FONT_PX)]);
  const widest = Math.max(0, ...lines.map(([line]) => measureText(line ?? "", TICK_FONT_PX)));
  const sin = Math.sin((ROTATE_DEGREES * Math.PI) / 180);
  return { rotated: true, lines, height: widest * sin + TICK_FONT_PX };
}

/** Renders a grouped bar chart as a standalone SVG string (deterministic for equal input). */
export function renderBarChart(spec: BarChartSpec): string {
  const width = chartWidth(spec.width);
  const height = spec.height ?? 500;
  const n = Math.max(1, spec.categories.length);
  const colors = spec.series.map((s, i) => s.color ?? seriesColor(i));
  const showLegend = spec.legend ?? spec.series.length >= 2;
  const legend: LegendItem[] = showLegend ? spec.series.map((s, i) => ({ name: s.name, color: colors[i] ?? "#000", swatch: "square" })) : [];
  const header = renderHeader(spec, legend, width);
  const footnote = renderFootnote(spec.footnote, width, height);
  const valueFormat = spec.valueFormat ?? ((v: number) => formatSi(v, 3));
  const values = spec.series.flatMap((s) => s.values.filter((v): v is number => typeof v === "number" && Number.isFinite(v)));
  const references = spec.referenceLines ?? [];
  const yAxis: AxisSpec = { ...spec.y, scale: "linear", includeZero: true };
  const top = header.bottom + 12;
  const titleBlock = spec.categoryTitle ? AXIS_TITLE_PX + 10 : 0;

  let categories: CategoryLayout = { rotated: false, lines: [], height: TICK_FONT_PX + 3 };
  let plot: Plot = { left: 0, top, right: width - PAD, bottom: 0 };
  let yScale = buildScale(yAxis, [0, 1], 1, 0, "y");
  let showValues = false;
  for (let pass = 0; pass < 3; pass++) {
    const bottom = height - PAD - footnote.height - 6 - categories.height - titleBlock - 8;
    const bandGuess = (plot.right - plot.left) / n;
    const barGuess = (bandGuess * 0.8) / Math.max(1, spec.series.length);
    showValues = spec.valueLabels ?? values.every((v) => measureText(valueFormat(v), VALUE_PX) <= barGuess + 6);
    // Headroom so value labels above the tallest bar stay inside the plot.
    const span = Math.max(0, ...values, ...references.map((r) => r.value)) - Math.min(0, ...values, ...references.map((r) => r.value));
    const headroom = showValues && bottom - top > 40 ? (span * (VALUE_PX + 6)) / (bottom - top) : 0;
    const extended = [...values, ...references.map((r) => r.value)];
    if (headroom > 0) extended.push(Math.max(0, ...values) + headroom, Math.min(0, ...values) - (Math.min(0, ...values) < 0 ? headroom : 0));
    yScale = buildScale(yAxis, extended, bottom, top, "y");
    let left = PAD + yAxisBlockWidth(yScale);
    if (categories.rotated) {
      // The first rotated label runs down-left from its band centre: keep it inside the canvas.
      const first = measureText(categories.lines[0]?.[0] ?? "", TICK_FONT_PX) * Math.cos((ROTATE_DEGREES * Math.PI) / 180);
      const band = (width - PAD - left) / n;
      left = Math.max(left, PAD + first - band / 2 + 2);
    }
    plot = { left, top, right: width - PAD, bottom };
    categories = layoutCategories(spec.categories, (plot.right - plot.left) / n);
  }

  const band = (plot.right - plot.left) / n;
  const groupWidth = band * 0.8;
  const barWidth = groupWidth / Math.max(1, spec.series.length);
  const zero = yScale.map(0);
  const bars: string[] = [];
  const valueTexts: string[] = [];
  spec.categories.forEach((_category, c) => {
    const groupLeft = plot.left + c * band + (band - groupWidth) / 2;
    spec.series.forEach((series, s) => {
      const value = series.values[c];
      const x = groupLeft + s * barWidth;
      const cx = x + barWidth / 2;
      if (typeof value !== "number" || !Number.isFinite(value)) {
        // Missing is not zero: say "n/a" where it fits, else a small cross on the baseline.
        if (measureText("n/a", VALUE_PX) <= barWidth - 2) {
          valueTexts.push(textEl("n/a", { class: "value-label", x: cx, y: zero - 4, "text-anchor": "middle", "font-size": VALUE_PX, fill: COLORS.faint }));
        } else {
          const r = Math.min(3, barWidth / 3);
          valueTexts.push(el("path", { class: "missing-value", d: `M${px(cx - r)},${px(zero - 4 - 2 * r)}l${px(2 * r)},${px(2 * r)}m0,${px(-2 * r)}l${px(-2 * r)},${px(2 * r)}`, stroke: COLORS.faint, "stroke-width": 1.2 }));
        }
        return;
      }
      const y = yScale.map(value);
      const tip = `${spec.categories[c] ?? ""}${spec.series.length > 1 ? ` · ${series.name}` : ""}\n${valueText(spec.y.title, valueFormat(value), spec.y.unit)}`;
      bars.push(
        el("g", { class: "pt", "data-series": s, "data-tip": tip }, [
          el("title", {}, escapeXml(tip)),
          el("rect", {
            class: "bar",
            x: x + 0.5,
            y: Math.min(y, zero),
            width: Math.max(1, barWidth - 1),
            height: Math.abs(zero - y),
            fill: colors[s] ?? "#000",
          }),
        ]),
      );
      if (showValues) {
        const ty = value >= 0 ? y - 4 : y + VALUE_PX + 2;
        valueTexts.push(textEl(valueFormat(value), { class: "value-label", "data-series": s, x: cx, y: ty, "text-anchor": "middle", "font-size": VALUE_PX, fill: COLORS.text, ...HALO }));
      }
    });
  });

  const labelParts: string[] = [];
  spec.categories.forEach((_category, c) => {
    const cx = plot.left + (c + 0.5) * band;
    const lines = categories.lines[c] ?? [];
    if (categories.rotated) {
      const ty = plot.bottom + 6 + TICK_FONT_PX * 0.8;
      labelParts.push(
        textEl(lines[0] ?? "", {
          class: "tick-label category-label",
          x: cx,
          y: ty,
          transform: `rotate(-${ROTATE_DEGREES} ${px(cx)} ${px(ty)})`,
          "text-anchor": "end",
          "font-size": TICK_FONT_PX,
          fill: COLORS.muted,
        }),
      );
    } else {
      lines.forEach((line, i) =>
        labelParts.push(
          textEl(line, {
            class: "tick-label category-label",
            x: cx,
            y: plot.bottom + 6 + TICK_FONT_PX + i * (TICK_FONT_PX + 3),
            "text-anchor": "middle",
            "font-size": TICK_FONT_PX,
            fill: COLORS.muted,
          }),
        ),
      );
    }
  });
  if (spec.categoryTitle) {
    labelParts.push(
      textEl(spec.categoryTitle, {
        class: "x-axis-title",
        x: (plot.left + plot.right) / 2,
        y: plot.bottom + 6 + categories.height + 8 + AXIS_TITLE_PX,
        "text-anchor": "middle",
        "font-size": AXIS_TITLE_PX,
        fill: COLORS.text,
      }),
    );
  }
  const refs = renderReferenceLines(
    references.map((r) => ({ ...r, axis: "y" as const })),
    undefined,
    yScale,
    plot,
  );
  return svgDocument(width, height, spec, [
    renderGrid(plot, undefined, yScale),
    el("g", { class: "bars" }, bars),
    el("line", { x1: plot.left, y1: zero, x2: plot.right, y2: zero, stroke: COLORS.faint, "stroke-width": 1 }),
    refs.lines,
    el("g", { class: "value-labels" }, valueTexts),
    renderYAxis(plot, yScale, spec.y),
    el("g", { class: "x-axis" }, labelParts),
    refs.labels,
    header.svg,
    footnote.svg,
  ]);
}
