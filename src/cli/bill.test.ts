import { describe, expect, it } from "vitest";
import { runMain } from "./test-support/run-main.js";

describe("costcurve bill", () => {
  it("Gemini 2.5 Pro, one 300k-token request: the whole request at the long-context rate", async () => {
    // 0.3 M x $2.50 + 0.01 M x $15 = $0.75 + $0.15 = $0.90
    const { code, out } = await runMain("bill", "--model", "gemini-2.5-pro", "--input-tokens", "300k", "--output-tokens", "10000", "--at", "2025-07-01", "--json");
    expect(code).toBe(0);
    const bill = JSON.parse(out);
    expect(bill.totalUsd).toBeCloseTo(0.9, 10);
    expect(bill.contextTier.aboveInputTokens).toBe(200_000);
  });

  it("Claude Sonnet 4 with 90% cache hits in batch: $1.035 (see src/prices/bill.test.ts for the arithmetic)", async () => {
    const { code, out } = await runMain("bill", "--model", "claude-sonnet-4", "--input-tokens", "1M", "--output-tokens", "100k", "--requests", "100", "--cache-hit", "0.9", "--batch-share", "1", "--at", "2025-06-01");
    expect(code).toBe(0);
    expect(out).toContain("cache read");
    expect(out).toContain("batch discount");
    expect(out).toMatch(/total\s+\$1\.04/);
    expect(out).toContain("cost (USD)");
    expect(out).not.toMatch(/NaN|undefined|Infinity/);
  });

  it("Groq's API name is billed at Groq's rate: 10M in + 1M out = $6.69 (src/prices/corrections.test.ts)", async () => {
    const { code, out } = await runMain("bill", "--model", "llama-3.3-70b-versatile", "--input-tokens", "10M", "--output-tokens", "1M", "--requests", "100", "--at", "2026-06-01", "--json");
    expect(code).toBe(0);
    const bill = JSON.parse(out);
    expect([bill.provider, bill.priceRow.source.url]).toEqual(["groq", "https://groq.com/pricing"]);
    expect(bill.totalUsd).toBeCloseTo(6.69, 10);
  });

  it("--cache-write-1h bills one-hour writes at 2x input; errors name the flag where none is listed", async () => {
    // Sonnet 4: 1M input, half written for an hour: 0.5M x $3 + 0.5M x $6 = $4.50
    const ok = await runMain("bill", "--model", "claude-sonnet-4", "--input-tokens", "1M", "--output-tokens", "0", "--requests", "10", "--cache-write-1h", "0.5", "--at", "2025-06-01", "--json");
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.out).totalUsd).toBeCloseTo(4.5, 10);
    const refused = await runMain("bill", "--model", "gpt-4o", "--input-tokens", "1M", "--output-tokens", "0", "--cache-write-1h", "0.5", "--at", "2025-06-01");
    expect(refused.code).toBe(1);
    expect(refused.err).toContain("--cache-write-1h: openai lists no 1-hour cache-write price");
  });

  it("fractions outside 0-1 are errors naming the flag", async () => {
    for (const flag of ["--cache-hit", "--batch-share", "--overhead"]) {
      const { code, err } = await runMain("bill", "--model", "gpt-4o", "--input-tokens", "1000", "--output-tokens", "10", flag, "1.2");
      expect(code).toBe(1);
      expect(err).toContain(`${flag}: expected a fraction between 0 and 1`);
    }
  });

  it("cache hit plus cache write above 1 names --cache-write", async () => {
    const { code, err } = await runMain("bill", "--model", "claude-sonnet-4", "--input-tokens", "1000", "--output-tokens", "0", "--cache-hit", "0.8", "--cache-write", "0.5", "--at", "2025-06-01");
    expect(code).toBe(1);
    expect(err).toContain("--cache-write");
  });

  it("unknown model suggests names; a date before the model existed is refused", async () => {
    const unknown = await runMain("bill", "--model", "gpt4o-mini", "--input-tokens", "1000", "--output-tokens", "10");
    expect(unknown.code).toBe(1);
    expect(unknown.err).toMatch(/unknown model "gpt4o-mini"; did you mean .*gpt-4o-mini/);
    const early = await runMain("bill", "--model", "claude-opus-4-5", "--input-tokens", "1000", "--output-tokens", "10", "--at", "2025-01-01");
    expect(early.code).toBe(1);
    expect(early.err).toContain("has no price before 2025-11-24");
  });

  it("missing and malformed numbers name the flag", async () => {
    const missing = await runMain("bill", "--model", "gpt-4o", "--output-tokens", "10");
    expect(missing.err).toContain("--input-tokens: required");
    const bad = await runMain("bill", "--model", "gpt-4o", "--input-tokens", "lots", "--output-tokens", "10");
    expect(bad.err).toContain("--input-tokens: expected a number");
  });

  it("batch share on DeepSeek (no batch tier) is refused", async () => {
    const { code, err } = await runMain("bill", "--model", "deepseek-chat", "--input-tokens", "1000", "--output-tokens", "10", "--batch-share", "0.5", "--at", "2025-10-01");
    expect(code).toBe(1);
    expect(err).toContain("--batch-share: deepseek has no batch tier");
  });
});
