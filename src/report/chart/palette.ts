// Colour-blind-safe series colours (Okabe & Ito 2008, "Color Universal Design") and marker shapes,
// so series stay distinguishable by shape as well as by hue.
import { el, px } from "./svg.js";

/** Okabe-Ito colours ordered for a white background (yellow last: low contrast on white). */
export const PALETTE = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#F0E442"] as const;

export type MarkerShape = "circle" | "square" | "triangle" | "diamond" | "triangle-down" | "cross";
export const MARKER_SHAPES: readonly MarkerShape[] = ["circle", "square", "triangle", "diamond", "triangle-down", "cross"];

/** Colour of the series at `index` (cycles). */
export function seriesColor(index: number): string {
  return PALETTE[index % PALETTE.length] ?? "#000000";
}

/** Dash pattern after every colour was used once (solid, then dashed, then dotted), so 24 series stay distinct. */
export function seriesDash(index: number): string | undefined {
  return [undefined, "7 4", "2 3"][Math.floor(index / PALETTE.length) % 3];
}

/** Marker shape of the series at `index` (cycles). */
export function seriesMarker(index: number): MarkerShape {
  return MARKER_SHAPES[index % MARKER_SHAPES.length] ?? "circle";
}

/** An SVG marker of about `size` px centred on (x, y). */
export function markerElement(shape: MarkerShape, x: number, y: number, size: number, color: string): string {
  const r = size / 2;
  const fill = { fill: color, stroke: "#ffffff", "stroke-width": 1 };
  switch (shape) {
    case "circle":
      return el("circle", { cx: x, cy: y, r, ...fill });
    case "square":
      return el("rect", { x: x - r * 0.9, y: y - r * 0.9, width: r * 1.8, height: r * 1.8, ...fill });
    case "triangle":
      return el("path", { d: `M${px(x)},${px(y - r * 1.15)}L${px(x + r * 1.1)},${px(y + r * 0.8)}L${px(x - r * 1.1)},${px(y + r * 0.8)}Z`, ...fill });
    case "triangle-down":
      return el("path", { d: `M${px(x)},${px(y + r * 1.15)}L${px(x + r * 1.1)},${px(y - r * 0.8)}L${px(x - r * 1.1)},${px(y - r * 0.8)}Z`, ...fill });
    case "diamond":
      return el("path", { d: `M${px(x)},${px(y - r * 1.25)}L${px(x + r * 1.1)},${px(y)}L${px(x)},${px(y + r * 1.25)}L${px(x - r * 1.1)},${px(y)}Z`, ...fill });
    case "cross":
      return el("path", {
        d: `M${px(x - r)},${px(y - r)}L${px(x + r)},${px(y + r)}M${px(x - r)},${px(y + r)}L${px(x + r)},${px(y - r)}`,
        stroke: color,
        "stroke-width": 2.2,
        fill: "none",
      });
  }
}
