// Harder inputs: many long categories, many series, wide log ranges, negative values and empty data.
// The PNGs land in test-output/report/ for a visual check; the assertions cover validity.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { renderBarChart } from "./bar-chart.js";
import { renderXYChart } from "./xy-chart.js";
import { formatUsd } from "../format.js";
import { writeChart } from "../write-chart.js";

const OUT = join(process.cwd(), "test-output", "report");

function valid(svg: string): void {
  expect(svg).not.toMatch(/NaN|Infinity|undefined/);
  expect(svg.startsWith("<svg ")).toBe(true);
  expect(svg.trimEnd().endsWith("</svg>")).toBe(true);
}

describe("chart stress cases", () => {
  it("bar chart with many long categories rotates labels", async () => {
    const names = [
      "NVIDIA H100 SXM 80GB",
      "NVIDIA H100 PCIe",
      "NVIDIA H200 141GB",
      "NVIDIA GH200",
      "NVIDIA B200",
      "NVIDIA GB200 NVL72",
      "NVIDIA L40S",
      "NVIDIA L4",
      "NVIDIA RTX 4090",
      "AMD Instinct MI300X",
      "AMD Instinct MI325X",
      "AMD Instinct MI355X",
      "Apple M3 Ultra",
      "Intel Xeon 6980P",
    ];
    const svg = renderBarChart({
      title: "Cost per million output tokens by accelerator",
      subtitle: "Llama 3.1 8B at concurrency 64; lower is better",
      categories: names,
      series: [
        { name: "on-demand", values: names.map((_, i) => 0.05 + i * 0.031) },
        { name: "reserved", values: names.map((_, i) => 0.03 + i * 0.02) },
        { name: "spot", values: names.map((_, i) => (i % 5 === 0 ? null : 0.02 + i * 0.012)) },
      ],
      y: { title: "cost", unit: "USD per million output tokens", tickFormat: formatUsd },
      valueFormat: formatUsd,
      categoryTitle: "accelerator",
      footnote: "Source: synthetic test data.",
    });
    valid(svg);
    expect(svg).toContain('transform="rotate(-35');
    await writeChart(join(OUT, "stress-bars.png"), svg, { width: 1600 });
  });

  it("xy chart with many series, log-log axes, labels and a wrapped title", async () => {
    const series = Array.from({ length: 8 }, (_, s) => ({
      name: `configuration number ${s + 1} (TP${2 ** (s % 4)})`,
      markers: true,
      points: Array.from({ length: 7 }, (_, i) => ({
        x: 10 ** (i - 2) * (1 + s * 0.3),
        y: 10 ** (4 - i * 0.6) * (1 + s * 0.5),
        ...(i === 3 ? { label: `c=${2 ** s}` } : {}),
      })),
    }));
    const svg = renderXYChart({
      title: "A deliberately long chart title that has to wrap onto a second line because it is wider than the canvas",
      subtitle: "and a subtitle that is long too, to check that the header grows and the plot shrinks accordingly without overlap",
      x: { title: "requests per second", scale: "log" },
      y: { title: "p99 latency", unit: "ms", scale: "log" },
      series,
      referenceLines: [{ axis: "y", value: 100, label: "SLO 100 ms" }],
      footnote: "Source: synthetic data. A long footnote also wraps when it does not fit on one line of the chart, which this one is long enough to require.",
    });
    valid(svg);
    await writeChart(join(OUT, "stress-loglog.png"), svg, { width: 1600 });
  });

  it("negative values, empty series and single points stay valid", async () => {
    const svg = renderXYChart({
      title: "Margin (negative means below cost)",
      x: { title: "month" },
      y: { title: "margin", unit: "USD", tickFormat: formatUsd },
      series: [
        { name: "empty", points: [] },
        { name: "single", kind: "scatter", points: [{ x: 3, y: -2 }] },
        {
          name: "mixed",
          points: [
            { x: 1, y: 5 },
            { x: 2, y: null },
            { x: 3, y: -4 },
            { x: 4, y: Number.NaN },
            { x: 5, y: 2 },
          ],
        },
      ],
    });
    valid(svg);
    await writeChart(join(OUT, "stress-negative.png"), svg, { width: 1200 });
    const bars = renderBarChart({
      title: "Predicted minus measured",
      categories: ["a", "b", "c"],
      series: [{ name: "error", values: [12, -8, null] }],
      y: { title: "error", unit: "%" },
    });
    valid(bars);
    await writeChart(join(OUT, "stress-negative-bars.png"), bars, { width: 1200 });
    valid(renderBarChart({ title: "nothing", categories: [], series: [], y: { title: "y" } }));
    valid(renderXYChart({ title: "nothing", x: { title: "x", scale: "log" }, y: { title: "y", scale: "time" }, series: [] }));
  });
});
