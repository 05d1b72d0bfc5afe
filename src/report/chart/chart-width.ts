// A scoped chart width: the web renders the same chart a second time at a phone width without every chart
// function taking a width parameter.

let override: number | undefined;

/** Renders with every chart drawn `widthPx` wide (height kept), restoring the previous width afterwards. */
export function renderAtWidth<T>(widthPx: number, render: () => T): T {
  if (!(widthPx > 0) || !Number.isFinite(widthPx)) throw new Error(`renderAtWidth: width must be positive, got ${widthPx}`);
  const previous = override;
  override = widthPx;
  try {
    return render();
  } finally {
    override = previous;
  }
}

/** The width a chart is drawn at: the scoped override, else the spec's width, else 800 px. */
export function chartWidth(specWidthPx: number | undefined): number {
  return override ?? specWidthPx ?? 800;
}

/** Hover text of one value: "title: value unit" (the unit left out when the formatted value already says it). */
export function valueText(title: string, formatted: string, unit: string | undefined): string {
  return unit && !formatted.includes(unit) ? `${title}: ${formatted} ${unit}` : `${title}: ${formatted}`;
}
