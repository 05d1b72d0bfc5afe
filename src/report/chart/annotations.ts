// Point labels placed to avoid each other and the markers, and labelled reference lines.
import { COLORS, type Plot } from "./frame.js";
import type { Scale } from "./scale.js";
import { el, textEl } from "./svg.js";
import { measureText } from "./text.js";

const LABEL_PX = 12;

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

function overlap(a: Box, b: Box): number {
  const w = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
  const h = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
  return w > 0 && h > 0 ? w * h : 0;
}

function outside(box: Box, plot: Plot): number {
  const inner: Box = { x0: plot.left, y0: plot.top, x1: plot.right, y1: plot.bottom };
  return (box.x1 - box.x0) * (box.y1 - box.y0) - overlap(box, inner);
}

/** Penalty for a label box: overlap with placed labels (x3), with data obstacles, and outside the plot (x10). */
function score(box: Box, placed: readonly Box[], obstacles: readonly Box[], plot: Plot): number {
  let total = outside(box, plot) * 10;
  for (const other of placed) total += overlap(box, other) * 3;
  for (const other of obstacles) total += overlap(box, other);
  return total;
}

/** Where a label may go: [baseline x, baseline y, text anchor]. */
type Spot = [number, number, "start" | "middle" | "end"];

/** The first spot whose label box (`width` px wide) scores 0, else the lowest-scoring one. */
function bestSpot(spots: readonly Spot[], width: number, placed: readonly Box[], obstacles: readonly Box[], plot: Plot): { spot: Spot; box: Box } | undefined {
  let best: { spot: Spot; box: Box; score: number } | undefined;
  for (const spot of spots) {
    const x0 = spot[2] === "start" ? spot[0] : spot[2] === "end" ? spot[0] - width : spot[0] - width / 2;
    const box: Box = { x0, y0: spot[1] - LABEL_PX + 2, x1: x0 + width, y1: spot[1] + 3 };
    const penalty = score(box, placed, obstacles, plot);
    if (!best || penalty < best.score) best = { spot, box, score: penalty };
    if (penalty === 0) break;
  }
  return best;
}

/** A haloed label at a spot. */
function labelAt(text: string, spot: Spot, cls: string, fill: string): string {
  return textEl(text, { class: cls, x: spot[0], y: spot[1], "text-anchor": spot[2], "font-size": LABEL_PX, fill, ...HALO });
}

/** Boxes around markers and points sampled every 4 px along drawn lines: what labels should not cover. */
export function obstaclesAlong(paths: ReadonlyArray<ReadonlyArray<readonly [number, number]>>, markers: readonly PointLabel[]): Box[] {
  const boxes: Box[] = markers.map((m) => ({ x0: m.x - m.radius, y0: m.y - m.radius, x1: m.x + m.radius, y1: m.y + m.radius }));
  for (const path of paths) {
    for (let i = 1; i < path.length; i++) {
      const [x0, y0] = path[i - 1] ?? [0, 0];
      const [x1, y1] = path[i] ?? [0, 0];
      const steps = Math.min(500, Math.ceil(Math.hypot(x1 - x0, y1 - y0) / 4));
      for (let k = 0; k <= steps; k++) {
        const t = steps === 0 ? 0 : k / steps;
        const x = x0 + (x1 - x0) * t;
        const y = y0 + (y1 - y0) * t;
        boxes.push({ x0: x - 1.5, y0: y - 1.5, x1: x + 1.5, y1: y + 1.5 });
      }
    }
  }
  return boxes;
}

/** White outline behind text so labels stay readable over lines and grid. */
export const HALO = { stroke: "#ffffff", "stroke-width": 3, "stroke-linejoin": "round", "paint-order": "stroke" } as const;

export interface PointLabel {
  x: number;
  y: number;
  text: string;
  /** Marker radius in px around (x, y). */
  radius: number;
}

/**
 * Places each label at the first of eight spots around its point that overlaps nothing placed so far,
 * no marker or line and nothing outside the plot; failing that, at the spot with the least overlap. A label
 * that would cover an earlier label is left out.
 */
export function renderPointLabels(labels: readonly PointLabel[], obstacles: readonly Box[], plot: Plot): string {
  const placed: Box[] = [];
  const parts: string[] = [];
  for (const label of labels) {
    const w = measureText(label.text, LABEL_PX);
    const r = label.radius + 3;
    const spots: Spot[] = [
      [label.x + r, label.y + 4, "start"],
      [label.x - r, label.y + 4, "end"],
      [label.x, label.y - r - 2, "middle"],
      [label.x, label.y + r + 11, "middle"],
      [label.x + r - 2, label.y - r, "start"],
      [label.x + r - 2, label.y + r + 9, "start"],
      [label.x - r + 2, label.y - r, "end"],
      [label.x - r + 2, label.y + r + 9, "end"],
    ];
    const best = bestSpot(spots, w, placed, obstacles, plot);
    // Two labels on top of each other help nobody: drop the later one (the data point itself stays).
    if (!best || placed.some((box) => overlap(box, best.box) > 0)) continue;
    placed.push(best.box);
    parts.push(labelAt(label.text, best.spot, "point-label", COLORS.text));
  }
  return el("g", { class: "point-labels" }, parts);
}

/** A dashed horizontal (axis "y") or vertical (axis "x") line at `value`, with an optional label. */
export interface ReferenceLine {
  axis: "x" | "y";
  value: number;
  label?: string;
  color?: string;
}

/** Lines (drawn under the data) and their labels (drawn over it), each label at the end of its line where it covers the least. */
export function renderReferenceLines(lines: readonly ReferenceLine[], x: Scale | undefined, y: Scale, plot: Plot, obstacles: readonly Box[] = []): { lines: string; labels: string } {
  const lineParts: string[] = [];
  const labelParts: string[] = [];
  const placed: Box[] = [];
  for (const line of lines) {
    const scale = line.axis === "x" ? x : y;
    if (!scale || !Number.isFinite(line.value) || (scale.kind === "log" && line.value <= 0)) continue;
    const pos = scale.map(line.value);
    const [lo, hi] = line.axis === "x" ? [plot.left, plot.right] : [plot.top, plot.bottom];
    if (pos < lo - 0.5 || pos > hi + 0.5) continue;
    const color = line.color ?? COLORS.muted;
    const stroke = { stroke: color, "stroke-width": 1.5, "stroke-dasharray": "6 4" };
    lineParts.push(
      line.axis === "x" ? el("line", { class: "reference-line", x1: pos, y1: plot.top, x2: pos, y2: plot.bottom, ...stroke }) : el("line", { class: "reference-line", x1: plot.left, y1: pos, x2: plot.right, y2: pos, ...stroke }),
    );
    if (!line.label) continue;
    const w = measureText(line.label, LABEL_PX);
    // at both ends of the line, on both sides of it
    const spots: Spot[] =
      line.axis === "y"
        ? [
            [plot.right - 4, pos - 5, "end"],
            [plot.right - 4, pos + LABEL_PX + 3, "end"],
            [plot.left + 4, pos - 5, "start"],
            [plot.left + 4, pos + LABEL_PX + 3, "start"],
          ]
        : [
            [pos + 4, plot.top + LABEL_PX + 2, "start"],
            [pos - 4, plot.top + LABEL_PX + 2, "end"],
            [pos + 4, plot.bottom - 6, "start"],
            [pos - 4, plot.bottom - 6, "end"],
          ];
    const best = bestSpot(spots, w, placed, obstacles, plot);
    if (!best) continue;
    placed.push(best.box);
    labelParts.push(labelAt(line.label, best.spot, "reference-label", color));
  }
  return { lines: el("g", { class: "reference-lines" }, lineParts), labels: el("g", { class: "reference-labels" }, labelParts) };
}
