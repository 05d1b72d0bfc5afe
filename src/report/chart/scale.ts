// Axis scales: a domain, a pixel range, labelled ticks chosen so their labels do not collide.
import { formatTickSi, linearTicks, logTicks, type TickSet } from "./ticks.js";
import { timeTicks } from "./time-ticks.js";
import { measureText } from "./text.js";

/** How one numeric axis is drawn. */
export interface AxisSpec {
  /** Axis title, e.g. "output tokens/s per user". */
  title: string;
  /** Unit appended to the title as "title (unit)". */
  unit?: string;
  /** "linear" (default), "log" (positive values only) or "time" (epoch milliseconds, UTC calendar ticks). */
  scale?: "linear" | "log" | "time";
  /** Fixed [min, max]; default: the data (and reference lines) grown to nice tick values. */
  domain?: readonly [number, number];
  /** Whether a linear domain must reach 0; default true for y axes and bar values, false for x. */
  includeZero?: boolean;
  /** Tick label text, e.g. formatUsd; default SI ("1.5k", "2M") or ISO dates on time axes. */
  tickFormat?: (value: number) => string;
}

export interface Tick {
  value: number;
  label: string;
}

export interface Scale {
  kind: "linear" | "log" | "time";
  domain: [number, number];
  range: [number, number];
  ticks: Tick[];
  minor: number[];
  /** Pixel position of a value (log: value must be > 0). */
  map(value: number): number;
}

export const TICK_FONT_PX = 12;

/** "title (unit)". */
export function axisTitle(axis: AxisSpec): string {
  return axis.unit ? `${axis.title} (${axis.unit})` : axis.title;
}

/** Whether `value` can be placed on an axis of this kind. */
export function plottable(axis: AxisSpec, value: number | null | undefined): value is number {
  return typeof value === "number" && Number.isFinite(value) && (axis.scale !== "log" || value > 0);
}

function extent(axis: AxisSpec, values: readonly number[], zeroDefault: boolean): [number, number] {
  if (axis.domain) return [axis.domain[0], axis.domain[1]];
  const usable = values.filter((v) => plottable(axis, v));
  const kind = axis.scale ?? "linear";
  if (usable.length === 0) return kind === "log" ? [1, 10] : kind === "time" ? [0, 86_400_000] : [0, 1];
  let min = Math.min(...usable);
  let max = Math.max(...usable);
  if (kind === "linear" && (axis.includeZero ?? zeroDefault)) {
    min = Math.min(min, 0);
    max = Math.max(max, 0);
  }
  if (min !== max && kind === "time") {
    // Breathing room so markers at the first and last date are not cut by the plot edge.
    const pad = (max - min) * 0.025;
    min -= pad;
    max += pad;
  }
  if (min === max) {
    if (kind === "log") return [min / 2, max * 2];
    if (kind === "time") return [min - 86_400_000, max + 86_400_000];
    const pad = min === 0 ? 1 : Math.abs(min) * 0.5;
    return [min - (min >= 0 && (axis.includeZero ?? zeroDefault) ? 0 : pad), max + pad];
  }
  return [min, max];
}

function ticksAt(axis: AxisSpec, min: number, max: number, count: number): TickSet & { labels: string[] } {
  const kind = axis.scale ?? "linear";
  const nice = axis.domain === undefined;
  if (kind === "time") {
    const t = timeTicks(min, max, count);
    const labels = axis.tickFormat ? t.values.map(axis.tickFormat) : t.labels;
    return { domain: [min, max], values: t.values, step: 0, minor: [], labels };
  }
  const set = kind === "log" ? logTicks(min, max, count, nice) : linearTicks(min, max, count, nice);
  const labels = set.values.map((v) => (axis.tickFormat ? axis.tickFormat(v) : formatTickSi(v, set.step)));
  return { ...set, labels };
}

function mapper(kind: Scale["kind"], domain: [number, number], range: [number, number]): (v: number) => number {
  const t = kind === "log" ? Math.log10 : (v: number) => v;
  const d0 = t(domain[0]);
  const span = t(domain[1]) - d0 || 1;
  return (v) => range[0] + ((t(v) - d0) / span) * (range[1] - range[0]);
}

/**
 * Builds the scale for `values` along [rangeStart, rangeEnd] px, using the most ticks whose labels keep
 * `minGapPx` apart (horizontal axes compare label widths, vertical ones the line height).
 */
export function buildScale(axis: AxisSpec, values: readonly number[], rangeStart: number, rangeEnd: number, orientation: "x" | "y", zeroDefault = orientation === "y"): Scale {
  const kind = axis.scale ?? "linear";
  const [min, max] = extent(axis, values, zeroDefault);
  const length = Math.abs(rangeEnd - rangeStart);
  const range: [number, number] = [rangeStart, rangeEnd];
  const maxCount = Math.max(2, Math.min(orientation === "x" ? 12 : 10, Math.floor(length / (orientation === "x" ? 70 : 30))));
  // A nice linear domain that ends within 4.5 px of the data gets one more step, so edge markers stay whole.
  const pad = ((max - min) * 4.5) / Math.max(1, length);
  const padded = (count: number): TickSet & { labels: string[] } => {
    const set = ticksAt(axis, min, max, count);
    if (kind !== "linear" || axis.domain || set.step === 0) return set;
    const lowTight = min !== 0 && min - set.domain[0] < pad;
    const highTight = max !== 0 && set.domain[1] - max < pad;
    if (!lowTight && !highTight) return set;
    const lo = lowTight ? (min > 0 ? Math.max(0, min - pad) : min - pad) : min;
    const hi = highTight ? (max < 0 ? Math.min(0, max + pad) : max + pad) : max;
    return ticksAt(axis, lo, hi, count);
  };
  let chosen = padded(2);
  for (let count = maxCount; count >= 2; count--) {
    const set = padded(count);
    const map = mapper(kind, set.domain, range);
    let fits = set.values.length <= maxCount + 1;
    for (let i = 1; fits && i < set.values.length; i++) {
      const gap = Math.abs(map(set.values[i] ?? 0) - map(set.values[i - 1] ?? 0));
      const need = orientation === "x" ? (measureText(set.labels[i] ?? "", TICK_FONT_PX) + measureText(set.labels[i - 1] ?? "", TICK_FONT_PX)) / 2 + 12 : TICK_FONT_PX + 8;
      if (gap < need) fits = false;
    }
    if (fits) {
      chosen = set;
      break;
    }
  }
  const domain = chosen.domain;
  const map = mapper(kind, domain, range);
  // Minor log lines only where decades are wide enough for them not to turn into a grey wash.
  const pxPerDecade = kind === "log" ? length / Math.max(1e-9, Math.log10(domain[1] / domain[0])) : 0;
  if (pxPerDecade < 120) chosen.minor = [];
  return {
    kind,
    domain,
    range,
    ticks: chosen.values.map((value, i) => ({ value, label: chosen.labels[i] ?? "" })),
    minor: chosen.minor,
    map,
  };
}
