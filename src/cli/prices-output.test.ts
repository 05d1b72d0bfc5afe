// Prices as data: decimal precision (no binary noise), context tiers as structured JSON, and the bill's
// context-window warning with how requests are counted.
import { describe, expect, test } from "vitest";
import { computeBill } from "../prices/bill.js";
import { PriceRow } from "../prices/schema.js";
import { runMain } from "./test-support/run-main.js";

const NOISE = /\d\.\d*0000000\d|\d\.\d*9999999\d/;

describe("prices at their own precision", () => {
  test("a computed rate keeps its decimal value: 3 x 0.1 is 0.3", () => {
    const row = PriceRow.parse({
      modelId: "m",
      provider: "p",
      startDate: "2025-01-01",
      inputUsdPerMillionTokens: 3,
      outputUsdPerMillionTokens: 15,
      cacheReadUsdPerMillionTokens: 3 * 0.1,
      source: { url: "https://example.com", retrievedDate: "2025-01-01", note: "test" },
    });
    expect(3 * 0.1).not.toBe(0.3);
    expect(row.cacheReadUsdPerMillionTokens).toBe(0.3);
  });

  test("prices --json and --csv carry no floating-point noise", async () => {
    for (const format of ["--json", "--csv"]) {
      const { code, out } = await runMain("prices", "--at", "2025-07-01", format);
      expect(code).toBe(0);
      expect(out).not.toMatch(NOISE);
    }
    const { out } = await runMain("bill", "--model", "claude-sonnet-4", "--input-tokens", "10M", "--output-tokens", "1M", "--requests", "100", "--json");
    expect(out).not.toMatch(/"cacheReadUsdPerMillionTokens": 0\.30000000000000004/);
  });
});

describe("context tiers as structured JSON", () => {
  test("prices MODEL --json lists tiers as objects with numbers; the table still shows them as text", async () => {
    const json = JSON.parse((await runMain("prices", "gemini-2.5-pro", "--at", "2025-07-01", "--json")).out) as { prices: Array<{ contextTiers: unknown }> };
    const tiers = json.prices[0]!.contextTiers as Array<Record<string, unknown>>;
    expect(Array.isArray(tiers)).toBe(true);
    expect(tiers[0]).toMatchObject({ aboveInputTokens: 200000 });
    expect(typeof tiers[0]!.inputUsdPerMillionTokens).toBe("number");
    const table = (await runMain("prices", "gemini-2.5-pro", "--at", "2025-07-01")).out;
    expect(table).toMatch(/>200k: /);
  });
});

describe("bill and the context window", () => {
  const row = PriceRow.parse({
    modelId: "m",
    provider: "p",
    startDate: "2025-01-01",
    inputUsdPerMillionTokens: 1,
    outputUsdPerMillionTokens: 2,
    contextWindowTokens: 128000,
    source: { url: "https://example.com", retrievedDate: "2025-01-01", note: "test" },
  });

  test("one request of 10M tokens exceeds a 128k window: a warning with both sizes; 100 requests do not", () => {
    const one = computeBill(row, { inputTokens: 10e6, outputTokens: 1e6 }, null);
    expect(one.ok && one.warnings).toEqual([expect.objectContaining({ code: "exceeds_context_window", field: "requestCount", requestTokens: 11e6, contextWindowTokens: 128000 })]);
    // 100 requests: (10M + 1M) / 100 = 110k tokens each, inside 128k
    const many = computeBill(row, { inputTokens: 10e6, outputTokens: 1e6, requestCount: 100 }, null);
    expect(many.ok && many.warnings.filter((w) => w.code === "exceeds_context_window")).toEqual([]);
  });

  test("the CLI names --requests and explains the even split", async () => {
    const { code, out } = await runMain("bill", "--model", "gpt-4o", "--input-tokens", "10M", "--output-tokens", "1M", "--at", "2025-07-01");
    expect(code).toBe(0);
    expect(out).toMatch(/note: --requests: one request would hold 1\.1e7|note: --requests: one request would hold 11,000,000|note: --requests: one request would hold/);
    expect(out).toContain("context window of gpt-4o; give --requests (the tokens are split evenly over them)");
    const help = (await runMain("bill", "--help")).out;
    expect(help).toContain("requests the tokens are spread over, evenly");
  });
});
