// prices update --from FILE (a genai-prices data.json the test writes; no network) and prices add: new dated,
// sourced rows in the store that prices, bill and breakeven then use; the built-in rows stay (append-only).
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { captureIo } from "./io.js";
import { main } from "./main.js";

const dir = mkdtempSync(join(tmpdir(), "costcurve-prices-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const env = { COSTCURVE_DB: join(dir, "store.db") };
const run = async (env: Record<string, string>, ...argv: string[]) => {
  const io = captureIo(env, dir);
  const code = await main(argv, io);
  return { code, out: io.out.join(""), err: io.err.join("") };
};

// genai-prices' provider data shape (vendored data.json): providers with models and prices per million tokens
const data = [
  {
    id: "openai",
    name: "OpenAI",
    api_pattern: "https://api\\.openai\\.com",
    pricing_urls: ["https://platform.openai.com/docs/pricing"],
    models: [{ id: "gpt-4o", name: "GPT-4o", match: { equals: "gpt-4o" }, context_window: 128000, prices: { input_mtok: 2, output_mtok: 8, cache_read_mtok: 0.5 } }],
  },
  { id: "not-read", name: "Other", api_pattern: "x", models: [{ id: "m", match: { equals: "m" }, prices: { input_mtok: 1 } }] },
];

describe("prices update and prices add", () => {
  test("without a configured store both say how to set one", async () => {
    for (const argv of [
      ["prices", "update", "--from", "data.json"],
      ["prices", "add", "--model", "m"],
    ]) {
      const r = await run({}, ...argv);
      expect(r.code).toBe(1);
      expect(r.err).toContain("set COSTCURVE_DB");
    }
  });

  test("update --from FILE: a dated snapshot the price book then uses, with its date and source; older dates keep the built-in price", async () => {
    writeFileSync(join(dir, "data.json"), JSON.stringify(data));
    const saved = await run(env, "prices", "update", "--from", "data.json", "--at", "2026-12-01", "--json");
    expect(saved.err).toBe("");
    expect(saved.code).toBe(0);
    expect(JSON.parse(saved.out)).toMatchObject({ date: "2026-12-01", rowCount: 1 });
    const after = JSON.parse((await run(env, "prices", "gpt-4o", "--provider", "openai", "--at", "2026-12-02", "--json")).out) as { prices: Array<Record<string, unknown>> };
    expect(after.prices[0]).toMatchObject({ startDate: "2026-12-01", inputUsdPerMillionTokens: 2, outputUsdPerMillionTokens: 8, cacheReadUsdPerMillionTokens: 0.5, origin: "genai-prices" });
    expect(String(after.prices[0]!.sourceUrl)).toBe("https://platform.openai.com/docs/pricing");
    const before = JSON.parse((await run(env, "prices", "gpt-4o", "--provider", "openai", "--at", "2025-07-01", "--json")).out) as { prices: Array<Record<string, unknown>> };
    expect(before.prices[0]!.inputUsdPerMillionTokens).toBe(2.5);
    // the history lists the new row after the older dated ones
    const history = JSON.parse((await run(env, "prices", "gpt-4o", "--provider", "openai", "--history", "--json")).out) as { prices: Array<{ startDate: string | null }> };
    const dated = history.prices.map((p) => p.startDate).filter((d): d is string => d !== null);
    expect(dated.at(-1)).toBe("2026-12-01");
    expect([...dated].sort()).toEqual(dated);
    // bill uses it: 1M input at $2 + 1M output at $8
    const bill = JSON.parse((await run(env, "bill", "--model", "gpt-4o", "--provider", "openai", "--input-tokens", "1M", "--output-tokens", "1M", "--requests", "100", "--at", "2026-12-02", "--json")).out) as { totalUsd: number };
    expect(bill.totalUsd).toBeCloseTo(10, 9);
    const bad = join(dir, "bad.json");
    writeFileSync(bad, "{}");
    expect((await run(env, "prices", "update", "--from", "bad.json")).err).toContain("is not genai-prices provider data");
  });

  test("add: a user row with its date and source, used by prices and bill from its date", async () => {
    const added = await run(env, "prices", "add", "--model", "gpt-4o", "--provider", "openai", "--from", "2027-01-01", "--input", "1.5", "--output", "6", "--source", "https://example.com/contract", "--note", "negotiated");
    expect(added.err).toBe("");
    expect(added.out).toMatch(/^saved price row \d+: openai\/gpt-4o from 2027-01-01, 1.5\/6 USD per 1M/);
    const quote = JSON.parse((await run(env, "prices", "gpt-4o", "--provider", "openai", "--at", "2027-02-01", "--json")).out) as { prices: Array<Record<string, unknown>> };
    expect(quote.prices[0]).toMatchObject({ startDate: "2027-01-01", inputUsdPerMillionTokens: 1.5, origin: "user", sourceUrl: "https://example.com/contract" });
    const bill = JSON.parse((await run(env, "bill", "--model", "gpt-4o", "--provider", "openai", "--input-tokens", "1M", "--output-tokens", "1M", "--requests", "100", "--at", "2027-02-01", "--json")).out) as { totalUsd: number };
    expect(bill.totalUsd).toBeCloseTo(7.5, 9);
    const missing = await run(env, "prices", "add", "--model", "x", "--provider", "p", "--input", "1");
    expect(missing.err).toContain("--source: required");
  });
});
