import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runMain } from "./test-support/run-main.js";

// a small accelerator pool keeps each test fast; --to pins the dates
const FAST = ["--accelerators", "h100-sxm,h200-sxm,b200", "--to", "2026-11-22"];

describe("costcurve index", () => {
  it("finite, sourced index values for at least 10 API models, and a finite composite", async () => {
    const { code, out, err } = await runMain("index", ...FAST, "--json");
    expect(code, err).toBe(0);
    const result = JSON.parse(out);
    const models = new Set(result.points.map((p: { apiModelId: string }) => p.apiModelId));
    expect(models.size).toBeGreaterThanOrEqual(10);
    for (const p of result.points) {
      expect(Number.isFinite(p.index) && p.index > 0).toBe(true);
      expect(p.priceSourceUrl).toMatch(/^https?:\/\//);
      expect(p.matchSourceUrl).toMatch(/^https:\/\//);
    }
    for (const m of result.matches) expect(m.source.url).toMatch(/^https:\/\//);
    expect(result.composite.length).toBeGreaterThan(12);
    for (const c of result.composite) expect(Number.isFinite(c.index) && c.index > 0).toBe(true);
    expect(result.assumptions.utilizationFraction).toBe(0.6);
  });

  it("one model from a date: GPT-4o mini's launch price $0.15/$0.60 blends to 0.8 x 0.15 + 0.2 x 0.60 = $0.24", async () => {
    const { code, out } = await runMain("index", ...FAST, "--model", "gpt-4o-mini", "--from", "2024-07-18", "--json");
    expect(code).toBe(0);
    const result = JSON.parse(out);
    expect(result.points[0].date).toBe("2024-07-18");
    expect(result.points[0].blendedListUsdPerMillionTokens).toBeCloseTo(0.24, 12);
    expect(result.points[0].index).toBeCloseTo(0.24 / result.points[0].floorUsdPerMillionTokens, 12);
    expect(result.composite[0].date).toBe("2024-08-01");
  });

  it("table and CSV output: assumptions stated, no NaN", async () => {
    const table = await runMain("index", ...FAST, "--from", "2025-01-01");
    expect(table.code).toBe(0);
    expect(table.out).toContain("60% utilization");
    expect(table.out).toContain("composite index");
    expect(table.out).not.toMatch(/NaN|Infinity|undefined/);
    const csv = await runMain("index", ...FAST, "--from", "2025-01-01", "--csv");
    expect(csv.code).toBe(0);
    expect(csv.out.split(/\r?\n/)[0]).toBe("series,date,apiModelId,provider,blendedListUsdPerMillionTokens,openModelId,floorUsdPerMillionTokens,index,modelCount,priceSourceUrl,matchSourceUrl");
    expect(csv.out).toContain("composite,2025-01-01");
    expect(csv.out).not.toMatch(/NaN|Infinity|undefined/);
  });

  it("writes the chart as PNG and SVG", async () => {
    const dir = mkdtempSync(join(tmpdir(), "costcurve-index-"));
    const png = join(dir, "index.png");
    const svg = join(dir, "index.svg");
    const { code } = await runMain("index", ...FAST, "--png", png, "--svg", svg);
    expect(code).toBe(0);
    const bytes = readFileSync(png);
    expect(bytes.subarray(1, 4).toString("ascii")).toBe("PNG");
    expect(bytes.byteLength).toBeGreaterThan(10_000);
    const text = readFileSync(svg, "utf8");
    expect(text).toContain("Margin compression index");
    expect(text).not.toMatch(/NaN|Infinity|undefined/);
  });

  it("bad input: errors name the flag", async () => {
    const cases: Array<[string[], RegExp]> = [
      [["index", ...FAST, "--model", "gpt-4oo"], /^costcurve: --model: unknown API model "gpt-4oo"; did you mean .*gpt-4o/],
      [["index", ...FAST, "--model", "text-embedding-3-small"], /^costcurve: --model: text-embedding-3-small has no declared open-model match/],
      [["index", "--accelerators", "h100-sxm", "--model", "gpt-4o", "--to", "2024-01-01"], /^costcurve: --to: gpt-4o has no price on or before 2024-01-01/],
      [["index", ...FAST, "--utilization", "1.5"], /^costcurve: --utilization: expected a fraction between 0 and 1/],
      [["index", ...FAST, "--utilization", "0"], /^costcurve: --utilization: must be above 0/],
      [["index", "--accelerators", "h100-sxmm"], /^costcurve: --accelerators: unknown accelerator "h100-sxmm"; did you mean .*h100-sxm/],
      [["index", ...FAST, "--from", "2024-02-30x"], /^costcurve: --from: expected a date YYYY-MM-DD/],
      [["index", ...FAST, "--from", "2027-01-01"], /^costcurve: --from: 2027-01-01 is after --to 2026-11-22/],
      [["index", ...FAST, "--png", "index.svg"], /^costcurve: --png: the file name must end in \.png/],
    ];
    for (const [argv, pattern] of cases) {
      const { code, err } = await runMain(...argv);
      expect(code, argv.join(" ")).toBe(1);
      expect(err, argv.join(" ")).toMatch(pattern);
    }
  });
});
