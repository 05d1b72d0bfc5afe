// The phone-width copy of a chart and the hover data every chart carries for the web's script.
import { describe, expect, it } from "vitest";
import { renderBarChart, renderXYChart } from "../index.js";
import { renderAtWidth } from "./chart-width.js";
import { seriesDash } from "./palette.js";

const xy = () =>
  renderXYChart({
    title: "t",
    width: 760,
    height: 400,
    x: { title: "per user", unit: "tokens/s" },
    y: { title: "per GPU", unit: "tokens/s" },
    series: [
      {
        name: "a",
        markers: true,
        points: [
          { x: 1, y: 2 },
          { x: 2, y: 4 },
        ],
      },
      { name: "b", points: [{ x: 1, y: 3, tip: "custom" }] },
    ],
  });

describe("chart width and hover data", () => {
  it("renderAtWidth draws every chart at the given width and restores the spec's width afterwards", () => {
    expect(renderAtWidth(360, xy)).toMatch(/^<svg [^>]*width="360" height="400" viewBox="0 0 360 400"/);
    expect(xy()).toMatch(/^<svg [^>]*width="760"/);
    expect(() => renderAtWidth(0, xy)).toThrow(/width must be positive/);
  });

  it("points carry their series and a hover text with both values and units; a point's own tip wins", () => {
    const svg = xy();
    expect(svg).toContain('data-series="0" data-tip="a\nper user: 2 tokens/s\nper GPU: 4 tokens/s"');
    expect(svg).toContain('data-tip="custom"');
    expect(svg).toContain('class="legend-item" data-series="1"');
  });

  it("bars carry category, series and value with its unit", () => {
    const svg = renderBarChart({ title: "t", categories: ["h100"], series: [{ name: "cost", values: [1.5] }], y: { title: "cost", unit: "USD" }, valueFormat: (v) => v.toFixed(2) });
    expect(svg).toContain('data-tip="h100\ncost: 1.50 USD"');
  });

  it("after the eight colours, series get dashes and then dots", () => {
    expect([0, 7, 8, 16, 24].map(seriesDash)).toEqual([undefined, undefined, "7 4", "2 3", undefined]);
  });
});
