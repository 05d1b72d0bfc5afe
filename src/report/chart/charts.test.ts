// Renders the three reference charts to test-output/report/ (SVG and PNG) and checks their structure.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { renderBarChart } from "./bar-chart.js";
import { renderXYChart, type XYChartSpec } from "./xy-chart.js";
import { dateMs } from "./time-ticks.js";
import { formatUsd } from "../format.js";
import { canRenderText } from "../png.js";
import { writeChart } from "../write-chart.js";

const OUT = join(process.cwd(), "test-output", "report");

/** A deterministic frontier-like curve: per-accelerator throughput falls as per-user speed rises. */
function frontier(peak: number, knee: number, jitter: number): Array<{ x: number; y: number }> {
  const points: Array<{ x: number; y: number }> = [];
  for (const concurrency of [1, 2, 4, 8, 16, 32, 64, 128, 256, 512]) {
    const perUser = knee / (1 + concurrency / 64) ** 0.8;
    const perAccelerator = (peak * concurrency) / (concurrency + 48);
    points.push({ x: perUser, y: perAccelerator });
    points.push({ x: perUser * (0.8 + jitter), y: perAccelerator * 0.75 }); // a dominated configuration
  }
  return points;
}

const frontierSpec: XYChartSpec = {
  title: "Llama 3.3 70B on 8 accelerators: throughput versus interactivity",
  subtitle: "1k input / 1k output tokens, FP8 weights, best configuration per concurrency",
  x: { title: "output tokens/s per user", scale: "log" },
  y: { title: "output tokens/s per accelerator" },
  series: [
    { name: "H100 SXM", kind: "scatter", frontier: "line", points: frontier(3400, 95, 0.05) },
    { name: "H200", kind: "scatter", frontier: "line", points: frontier(4300, 110, 0.03) },
    {
      name: "MI300X",
      kind: "scatter",
      frontier: "step",
      points: frontier(3900, 80, 0.02).map((p, i) => (i === 0 ? { ...p, label: "concurrency 1" } : p)),
    },
  ],
  referenceLines: [
    { axis: "x", value: 20, label: "20 tok/s reading speed" },
    { axis: "y", value: 1000, label: "break-even at $2/h" },
  ],
  footnote: "Source: costcurve engine (synthetic test data). Dominated configurations are faded.",
};

describe("charts", () => {
  mkdirSync(OUT, { recursive: true });

  it("renders the frontier chart with log x axis, titles and finite ticks", async () => {
    const svg = renderXYChart(frontierSpec);
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="800" height="500" viewBox="0 0 800 500"/);
    expect(svg).toContain('font-family="system-ui');
    expect(svg).toContain(">output tokens/s per user</text>");
    expect(svg).toContain(">output tokens/s per accelerator</text>");
    const ticks = [...svg.matchAll(/class="tick-label"[^>]*>([^<]*)</g)].map((m) => m[1] ?? "");
    expect(ticks.length).toBeGreaterThan(6);
    for (const tick of ticks) expect(tick).toMatch(/^-?[\d.,]+[kMGTPE]?$/);
    expect(svg).not.toMatch(/NaN|Infinity|undefined/);
    expect(renderXYChart(frontierSpec)).toBe(svg); // deterministic
    await writeChart(join(OUT, "frontier.svg"), svg);
    const png = await writeChart(join(OUT, "frontier.png"), svg, { width: 1600 });
    expect(png.byteCount).toBeGreaterThan(10_000);
  });

  it("renders a grouped predicted-vs-measured bar chart", async () => {
    const svg = renderBarChart({
      title: "Predicted versus measured decode throughput",
      subtitle: "Llama 3.1 8B, concurrency 64, vLLM",
      categories: ["H100 SXM", "H200", "A100 80GB", "L40S", "MI300X", "RTX 4090"],
      series: [
        { name: "predicted", values: [9800, 11900, 5200, 3100, 10400, 2300] },
        { name: "measured", values: [9100, 11200, 4800, null, 8700, 2150] },
      ],
      y: { title: "output tokens/s", unit: "per accelerator" },
      categoryTitle: "accelerator",
      referenceLines: [{ value: 10000, label: "target 10k tokens/s" }],
      footnote: "Source: shared/calibration/measurements.json (synthetic test data).",
    });
    expect(svg).toContain('class="x-axis-title"');
    expect(svg).toContain(">output tokens/s (per accelerator)</text>");
    expect(svg).not.toMatch(/NaN|Infinity|undefined/);
    await writeChart(join(OUT, "bars.svg"), svg);
    await writeChart(join(OUT, "bars.png"), svg, { width: 1600 });
  });

  it("renders a time series with ISO date ticks", async () => {
    const dates = ["2025-01-15", "2025-03-01", "2025-05-20", "2025-08-01", "2025-10-10", "2026-01-05", "2026-04-01", "2026-07-15", "2026-11-01"];
    const svg = renderXYChart({
      title: "Margin compression index",
      subtitle: "List price divided by modeled cost floor, per tier",
      x: { title: "date", scale: "time" },
      y: { title: "price / cost floor" },
      series: [
        { name: "frontier tier", markers: true, points: dates.map((d, i) => ({ x: dateMs(d), y: 14 - i * 1.1 })) },
        { name: "mid tier", curve: "step-after", points: dates.map((d, i) => ({ x: dateMs(d), y: i === 4 ? null : 6 - i * 0.4 })) },
        { name: "small tier", dashed: true, points: dates.map((d, i) => ({ x: dateMs(d), y: 3 - i * 0.2 })) },
      ],
      referenceLines: [{ axis: "y", value: 1, label: "price = cost floor" }],
      footnote: "Source: costcurve price book and engine (synthetic test data).",
    });
    const ticks = [...svg.matchAll(/class="tick-label" x="[^"]*" y="[^"]*" text-anchor="middle"[^>]*>([^<]*)</g)].map((m) => m[1] ?? "");
    expect(ticks.length).toBeGreaterThanOrEqual(3);
    for (const tick of ticks) expect(tick).toMatch(/^\d{4}(-\d{2}){0,2}$/);
    await writeChart(join(OUT, "time-series.svg"), svg);
    await writeChart(join(OUT, "time-series.png"), svg, { width: 1600 });
  });

  it("escapes labels and renders text in PNGs", () => {
    const svg = renderXYChart({
      title: 'A <script>alert("x")</script> & co',
      x: { title: "<b>x</b>" },
      y: { title: "y", tickFormat: formatUsd },
      series: [
        {
          name: "<script>",
          points: [
            { x: 1, y: 2, label: "</text><script>" },
            { x: 2, y: Number.NaN },
          ],
        },
      ],
      legend: true,
    });
    expect(svg).not.toContain("<script>");
    expect(svg).not.toContain("<b>");
    expect(svg).toContain("&lt;script&gt;");
    expect(svg).toContain("&amp; co");
    expect(svg).not.toMatch(/NaN|Infinity|undefined/);
    expect(canRenderText()).toBe(true);
  });
});
