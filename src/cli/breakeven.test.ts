import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runMain } from "./test-support/run-main.js";

const BASE = ["breakeven", "--model", "meta-llama/Llama-3.3-70B-Instruct", "--accelerator", "h100-sxm", "--count", "8"];

describe("costcurve breakeven", () => {
  it("Llama 3.3 70B on 8x H100 at $2/h vs GPT-4o on 2025-01-01: $11,680/month against $4.375 per 1M", async () => {
    // fixed: 8 x 730 h x $2 = $11,680; GPT-4o (2024-10-01 row) $2.50/$10 at 75% input = $4.375;
    // breakeven = 11,680 / 4.375 x 1e6 = 2.670e9 tokens/month
    const { code, out } = await runMain(...BASE, "--vs", "gpt-4o", "--at", "2025-01-01", "--usd-per-hour", "2", "--json");
    expect(code).toBe(0);
    const b = JSON.parse(out);
    expect(b.monthlyFixedUsd).toBeCloseTo(11_680, 9);
    expect(b.api.blendedUsdPerMillionTokens).toBeCloseTo(4.375, 12);
    expect(b.rows[0].breakevenTokensPerMonth).toBeCloseTo(2.66971e9, -5);
    expect(b.api.sourceUrl).toMatch(/^https:\/\//);
    expect(b.rent.provider).toBe("user");
    for (const row of b.rows) expect(Number.isFinite(row.capacityTokensPerMonth) && row.capacityTokensPerMonth > 0).toBe(true);
  });

  it("the human table states inputs, sources and a verdict per utilization, never NaN", async () => {
    const { code, out } = await runMain(...BASE, "--vs", "gpt-4o", "--at", "2025-01-01", "--utilizations", "0.01,0.5");
    expect(code).toBe(0);
    expect(out).toContain("fixed cost");
    expect(out).toContain("https://");
    expect(out).toMatch(/50%.*(wins above|never wins)/);
    expect(out).not.toMatch(/NaN|Infinity|undefined/);
  });

  it("finite, sourced breakevens against at least 10 API models", async () => {
    const apis = ["gpt-4o", "gpt-4o-mini", "gpt-4.1", "gpt-5", "claude-3-haiku", "claude-3-5-sonnet", "claude-sonnet-4", "gemini-2.5-pro", "gemini-2.5-flash", "deepseek-chat", "llama-3.3-70b-instruct"];
    for (const api of apis) {
      const { code, out, err } = await runMain(...BASE, "--vs", api, "--at", "2026-01-01", "--json");
      expect(code, `${api}: ${err}`).toBe(0);
      const b = JSON.parse(out);
      expect(Number.isFinite(b.rows[0].breakevenTokensPerMonth) && b.rows[0].breakevenTokensPerMonth > 0, api).toBe(true);
      expect(Number.isFinite(b.breakevenUtilizationFraction), api).toBe(true);
      expect(b.api.sourceUrl, api).toMatch(/^https?:\/\//);
      expect(b.rent.sourceUrl, api).toMatch(/^https?:\/\//);
    }
  });

  it("writes the chart as SVG and PNG", async () => {
    const dir = mkdtempSync(join(tmpdir(), "costcurve-breakeven-"));
    const svg = join(dir, "b.svg");
    const png = join(dir, "b.png");
    const { code, out } = await runMain(...BASE, "--vs", "gpt-4o", "--at", "2025-01-01", "--svg", svg, "--png", png);
    expect(code).toBe(0);
    expect(out).toContain(`chart: ${png}`);
    const text = readFileSync(svg, "utf8");
    expect(text).toMatch(/^<svg/);
    expect(text).toContain("breakeven volume");
    expect(text).toContain("capacity at this utilization");
    expect(text).not.toMatch(/NaN|Infinity|undefined/);
    const bytes = readFileSync(png);
    expect(bytes.subarray(1, 4).toString("ascii")).toBe("PNG");
    expect(bytes.byteLength).toBeGreaterThan(10_000);
  });

  it("bad input: errors name the flag (with suggestions for unknown names)", async () => {
    const cases: Array<[string[], RegExp]> = [
      [["breakeven", "--model", "llama-3.3-70bb", "--accelerator", "h100-sxm", "--vs", "gpt-4o"], /^costcurve: --model: unknown open model "llama-3.3-70bb"; did you mean .+/],
      [[...BASE, "--vs", "gpt-4oo", "--at", "2025-01-01"], /^costcurve: --vs: unknown API model "gpt-4oo"; did you mean .*gpt-4o/],
      [[...BASE, "--vs", "gpt-4o", "--at", "2023-06-01"], /^costcurve: --at: gpt-4o has no price before 2024-05-13/],
      [[...BASE, "--vs", "gpt-4o", "--provider", "nobody"], /^costcurve: --provider: no price for "gpt-4o" from provider "nobody"; providers: openai/],
      [[...BASE, "--vs", "gpt-4o", "--input-share", "1.5"], /^costcurve: --input-share: expected a fraction between 0 and 1/],
      [[...BASE, "--vs", "gpt-4o", "--input-share", "1"], /^costcurve: --input-share: must be below 1/],
      [[...BASE, "--vs", "gpt-4o", "--utilizations", "0.5,1.2"], /^costcurve: --utilizations: .*got "1.2"/],
      [["breakeven", "--model", "meta-llama/Llama-3.3-70B-Instruct", "--accelerator", "h100-sxmm", "--vs", "gpt-4o"], /^costcurve: --accelerator: unknown accelerator "h100-sxmm"; did you mean .*h100-sxm/],
      [[...BASE.slice(0, -1), "0", "--vs", "gpt-4o"], /^costcurve: --count: expected a whole number >= 1, got "0"/],
      [[...BASE, "--vs", "gpt-4o", "--usd-per-hour", "-1"], /^costcurve: --usd-per-hour: expected a number > 0/],
      [[...BASE, "--vs", "gpt-4o", "--svg", "chart.png"], /^costcurve: --svg: the file name must end in \.svg/],
      [[...BASE, "--vs", "gpt-4o", "--at", "2025-13-01"], /^costcurve: --at: expected a date YYYY-MM-DD/],
      [BASE, /^costcurve: --vs: required/],
    ];
    for (const [argv, pattern] of cases) {
      const { code, err } = await runMain(...argv);
      expect(code, argv.join(" ")).toBe(1);
      expect(err, argv.join(" ")).toMatch(pattern);
    }
  });
});
