// The issue-16 price corrections: each a new dated, sourced row beside the row it corrects (never an edit).
import { describe, expect, it } from "vitest";
import { computeBill } from "./bill.js";
import { createPriceBook, priceAt, priceHistory, resolveModel } from "./book.js";
import { ANTHROPIC_HISTORY } from "./history-anthropic.js";
import { libraryRows } from "./library.js";

const book = createPriceBook();
const CORRECTED = "2026-12-04";

function quote(name: string, date: string, provider?: string) {
  const q = priceAt(book, name, date, provider);
  if (!q.ok) throw new Error(`no quote: ${name} ${date}`);
  return q.value;
}

describe("Groq's llama-3.3-70b-versatile", () => {
  it("the API name picks Groq's row, not the model's first seller (Together, $0.88/$0.88)", () => {
    const resolved = resolveModel(book, "llama-3.3-70b-versatile");
    expect(resolved.ok && resolved.value.providers[0]).toBe("groq");
    const q = quote("llama-3.3-70b-versatile", "2026-06-01");
    expect([q.provider, q.row.inputUsdPerMillionTokens, q.row.outputUsdPerMillionTokens]).toEqual(["groq", 0.59, 0.79]);
    // the canonical id still lists Together first, as before
    expect(quote("llama-3.3-70b-instruct", "2026-06-01").provider).toBe("together");
  });

  it("10M input + 1M output tokens over 100 requests cost 10 x 0.59 + 1 x 0.79 = $6.69 (Together's rate gave $9.68)", () => {
    const q = quote("llama-3.3-70b-versatile", "2026-06-01");
    const bill = computeBill(q.row, { inputTokens: 10e6, outputTokens: 1e6, requestCount: 100 }, null);
    expect(bill.ok && bill.value.totalUsd).toBeCloseTo(6.69, 10);
  });

  it("the correction is a second row on the same start date, newer source, with the 128k window; the old row stays", () => {
    const history = priceHistory(book, "llama-3.3-70b-versatile");
    if (!history.ok) throw new Error("no history");
    const groq = history.value.filter((r) => r.origin === "costcurve");
    expect(groq.map((r) => [r.startDate, r.source.retrievedDate])).toEqual([
      ["2024-12-06", "2026-11-22"],
      ["2024-12-06", CORRECTED],
    ]);
    expect(groq[1]!.source.url).toBe("https://groq.com/pricing");
    expect(quote("llama-3.3-70b-versatile", "2025-01-01").row.contextWindowTokens).toBe(131_072);
  });
});

describe("mistral-large", () => {
  it("Mistral Large 3 at $0.50/$1.50 from 2025-12-02, sourced to Mistral's pricing page", () => {
    const q = quote("mistral-large-latest", CORRECTED);
    expect([q.modelId, q.row.startDate, q.row.inputUsdPerMillionTokens, q.row.outputUsdPerMillionTokens]).toEqual(["mistral-large", "2025-12-02", 0.5, 1.5]);
    expect(q.row.source).toMatchObject({ url: "https://mistral.ai/pricing#api-pricing", retrievedDate: CORRECTED });
    expect(q.row.contextWindowTokens).toBe(262_144);
  });

  it("keeps the dated history before it and says the library's (stale) price differs", () => {
    expect(quote("mistral-large", "2024-08-01").row.inputUsdPerMillionTokens).toBe(3);
    expect(quote("mistral-large", "2025-06-01").row.inputUsdPerMillionTokens).toBe(2);
    const now = priceAt(book, "mistral-large", CORRECTED);
    expect(now.ok && now.warnings.map((w) => w.code)).toContain("library_differs");
    const library = libraryRows().find((r) => r.provider === "mistral" && r.modelId === "mistral-large");
    expect(library?.inputUsdPerMillionTokens).toBe(2);
  });
});

describe("Anthropic's 1-hour cache writes", () => {
  it("every 1-hour rate is 2x base input, on rows dated from 2025-05-22 and sourced to the prompt-caching docs", () => {
    const rows = ANTHROPIC_HISTORY.filter((r) => r.cacheWriteOneHourUsdPerMillionTokens !== undefined);
    expect(rows).toHaveLength(8);
    for (const r of rows) {
      expect(r.cacheWriteOneHourUsdPerMillionTokens).toBeCloseTo(2 * r.inputUsdPerMillionTokens, 12);
      expect(r.startDate! >= "2025-05-22").toBe(true);
      expect(r.source.url).toContain("prompt-caching");
      expect(r.source.retrievedDate).toBe(CORRECTED);
    }
  });

  it("none before 2025-05-22; Sonnet 4 $6, and $12 above 200k input (2 x $6) from 2025-08-12", () => {
    expect(quote("claude-3-5-haiku", "2025-05-21").row.cacheWriteOneHourUsdPerMillionTokens).toBeUndefined();
    expect(quote("claude-3-5-haiku", "2025-05-22").row.cacheWriteOneHourUsdPerMillionTokens).toBe(1.6);
    expect(quote("claude-sonnet-4", "2025-06-01").row.cacheWriteOneHourUsdPerMillionTokens).toBe(6);
    const aug = quote("claude-sonnet-4", "2025-09-01").row;
    expect(aug.cacheWriteOneHourUsdPerMillionTokens).toBe(6);
    expect(aug.contextTiers[0]!.cacheWriteOneHourUsdPerMillionTokens).toBe(12);
    // the row it corrects is still in the history, unchanged
    const history = priceHistory(book, "claude-sonnet-4");
    if (!history.ok) throw new Error("no history");
    expect(history.value.filter((r) => r.startDate === "2025-08-12").map((r) => r.cacheWriteOneHourUsdPerMillionTokens)).toEqual([undefined, 6]);
  });

  it("bills 1-hour writes: Opus 4.5, 1M input (30% hits, 50% 1-hour writes) + 100k output", () => {
    // fresh 0.2M x $5 = $1.00; hits 0.3M x $0.50 = $0.15; 1-hour writes 0.5M x $10 = $5.00; output 0.1M x $25 = $2.50
    const row = quote("claude-opus-4-5", "2026-01-01").row;
    const bill = computeBill(row, { inputTokens: 1e6, outputTokens: 1e5, requestCount: 10, cacheHitFraction: 0.3, cacheWriteOneHourFraction: 0.5 }, null);
    if (!bill.ok) throw new Error("bill failed");
    expect(bill.value.lines.find((l) => l.item === "cache write 1h")).toMatchObject({ tokens: 5e5, usdPerMillionTokens: 10 });
    expect(bill.value.totalUsd).toBeCloseTo(8.65, 10);
  });

  it("a 1-hour write share is refused where no 1-hour rate is listed, and the shares may not exceed 1", () => {
    const row = quote("claude-3-5-haiku", "2025-05-21").row;
    const refused = computeBill(row, { inputTokens: 1e6, outputTokens: 0, cacheWriteOneHourFraction: 0.5 }, null);
    expect(!refused.ok && refused.issues[0]!.code).toBe("no_one_hour_cache");
    const over = computeBill(quote("claude-sonnet-4", "2025-06-01").row, { inputTokens: 1e6, outputTokens: 0, cacheHitFraction: 0.6, cacheWriteOneHourFraction: 0.5 }, null);
    expect(!over.ok && over.issues[0]!.code).toBe("cache_fractions_exceed_one");
  });

  it("genai-prices' cache_write_1h_mtok reaches library rows", () => {
    const sonnet = libraryRows().find((r) => r.provider === "anthropic" && r.modelId === "claude-sonnet-4-0");
    expect(sonnet?.cacheWriteOneHourUsdPerMillionTokens).toBe(6);
  });
});
