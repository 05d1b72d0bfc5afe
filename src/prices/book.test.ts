import { describe, expect, it } from "vitest";
import { createPriceBook, listPrices, priceAt, priceHistory, resolveModel, tierRuleAt } from "./book.js";
import { libraryRows } from "./library.js";

const book = createPriceBook();

describe("price history", () => {
  it("GPT-4o mini launch price on 2024-07-18 is $0.15/$0.60 per 1M tokens", () => {
    const quote = priceAt(book, "gpt-4o-mini", "2024-07-18");
    expect(quote.ok).toBe(true);
    if (!quote.ok) return;
    expect(quote.value.provider).toBe("openai");
    expect(quote.value.row.startDate).toBe("2024-07-18");
    expect(quote.value.row.inputUsdPerMillionTokens).toBe(0.15);
    expect(quote.value.row.outputUsdPerMillionTokens).toBe(0.6);
    expect(quote.value.row.source.url).toMatch(/^https:\/\//);
  });

  it("GPT-4o: $5/$15 at launch, $2.50/$10 from 2024-08-06", () => {
    const may = priceAt(book, "gpt-4o", "2024-06-01");
    const sept = priceAt(book, "gpt-4o-2024-08-06", "2024-09-01");
    expect(may.ok && [may.value.row.inputUsdPerMillionTokens, may.value.row.outputUsdPerMillionTokens]).toEqual([5, 15]);
    expect(sept.ok && [sept.value.row.inputUsdPerMillionTokens, sept.value.row.outputUsdPerMillionTokens]).toEqual([2.5, 10]);
  });

  it("history is append-only and ordered: GPT-4o has three dated rows", () => {
    const history = priceHistory(book, "gpt-4o");
    expect(history.ok).toBe(true);
    if (!history.ok) return;
    const dated = history.value.filter((r) => r.startDate !== null).map((r) => r.startDate);
    expect(dated).toEqual(["2024-05-13", "2024-08-06", "2024-10-01"]);
  });

  it("a date before the model existed is an error value naming the first date", () => {
    const result = priceAt(book, "gpt-4o-mini", "2024-07-17");
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues[0]).toMatchObject({ code: "before_first_price", firstDate: "2024-07-18" });
  });

  it("Claude Opus 4.5 at $5/$25 with Anthropic's cache multipliers (write 1.25x, read 0.1x)", () => {
    const quote = priceAt(book, "claude-opus-4-5", "2025-12-01");
    expect(quote.ok).toBe(true);
    if (!quote.ok) return;
    // 5 * 1.25 = 6.25 write; 5 * 0.1 = 0.5 read
    expect(quote.value.row).toMatchObject({ inputUsdPerMillionTokens: 5, outputUsdPerMillionTokens: 25, cacheWriteUsdPerMillionTokens: 6.25 });
    expect(quote.value.row.cacheReadUsdPerMillionTokens).toBeCloseTo(0.5, 12);
  });

  it("DeepSeek: off-peak discount from 2025-02-26, V3.2 price cut on 2025-09-29", () => {
    const march = priceAt(book, "deepseek-chat", "2025-03-01");
    const october = priceAt(book, "deepseek-chat", "2025-10-01");
    expect(march.ok && march.value.row.offPeak?.inputMultiplier).toBe(0.5);
    expect(october.ok && [october.value.row.inputUsdPerMillionTokens, october.value.row.outputUsdPerMillionTokens]).toEqual([0.28, 0.42]);
  });

  it("Gemini 2.5 Pro carries its >200k context tier", () => {
    const quote = priceAt(book, "gemini-2.5-pro", "2025-07-01");
    expect(quote.ok && quote.value.row.contextTiers).toEqual([{ aboveInputTokens: 200_000, inputUsdPerMillionTokens: 2.5, outputUsdPerMillionTokens: 15, cacheReadUsdPerMillionTokens: 0.25 }]);
  });

  it("embedding prices: ada-002 $0.10, 3-small $0.02, 3-large $0.13, gemini-embedding-001 $0.15, Embed 4 $0.12", () => {
    const at = (id: string) => {
      const q = priceAt(book, id, "2025-11-01");
      return q.ok ? q.value.row.inputUsdPerMillionTokens : null;
    };
    expect([at("text-embedding-ada-002"), at("text-embedding-3-small"), at("text-embedding-3-large"), at("gemini-embedding-001"), at("embed-v4.0")]).toEqual([0.1, 0.02, 0.13, 0.15, 0.12]);
  });

  it("Llama via hosts: several providers, --provider picks one", () => {
    const resolved = resolveModel(book, "llama-3.1-70b-instruct");
    expect(resolved.ok && resolved.value.providers.sort()).toEqual(["fireworks", "groq", "together"]);
    const groq = priceAt(book, "llama-3.1-70b-instruct", "2024-09-01", "groq");
    expect(groq.ok && [groq.value.row.inputUsdPerMillionTokens, groq.value.row.outputUsdPerMillionTokens]).toEqual([0.59, 0.79]);
  });
});

describe("model lookup", () => {
  it("resolves API snapshot names through aliases and the library's matcher", () => {
    expect(resolveModel(book, "claude-sonnet-4-20250514").ok && resolveModel(book, "claude-sonnet-4-20250514")).toMatchObject({ value: { modelId: "claude-sonnet-4" } });
    const snapshot = resolveModel(book, "gemini-2.5-pro-preview-06-05");
    expect(snapshot.ok && snapshot.value.modelId).toBe("gemini-2.5-pro");
  });

  it("suggests the nearest names for an unknown model", () => {
    const result = resolveModel(book, "gpt-4o-mni");
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues[0]?.code).toBe("unknown_model");
    expect(result.issues[0]?.suggestions).toContain("gpt-4o-mini");
  });

  it("uses genai-prices for models without costcurve rows (undated, with a warning)", () => {
    const quote = priceAt(book, "mistral-small-latest", "2026-11-22");
    expect(quote.ok).toBe(true);
    if (!quote.ok) return;
    expect(quote.value.row.origin).toBe("genai-prices");
    expect(quote.warnings.map((w) => w.code)).toContain("undated_price");
  });

  it("library rows are finite and sourced", () => {
    const rows = libraryRows();
    expect(rows.length).toBeGreaterThan(200);
    for (const row of rows) expect(Number.isFinite(row.inputUsdPerMillionTokens)).toBe(true);
  });
});

describe("tiers and listings", () => {
  it("batch rules: Anthropic from 2024-10-08, none for DeepSeek", () => {
    expect(tierRuleAt(book, "anthropic", "batch", "claude-sonnet-4", "2025-06-01")?.inputMultiplier).toBe(0.5);
    expect(tierRuleAt(book, "anthropic", "batch", "claude-3-opus", "2024-06-01")).toBeNull();
    expect(tierRuleAt(book, "deepseek", "batch", "deepseek-chat", "2025-06-01")).toBeNull();
    expect(tierRuleAt(book, "openai", "priority", "gpt-5", "2025-09-01")?.outputMultiplier).toBe(2);
  });

  it("lists one row per model in force on a date", () => {
    const rows = listPrices(book, "2023-06-01", "openai").filter((r) => r.startDate !== null);
    expect(rows.map((r) => r.modelId)).toEqual(["gpt-4", "text-embedding-ada-002"]);
  });

  it("a model with a curated first price is not listed before it, and lists that price from its first day", () => {
    // gpt-4o launched 2024-05-13 at $5 / $15 (the first dated OpenAI row); its undated library row is today's price
    const ids = (date: string) => listPrices(book, date, "openai").map((r) => r.modelId);
    expect(ids("2023-01-01")).not.toContain("gpt-4o");
    expect(ids("2024-05-12")).not.toContain("gpt-4o");
    const launch = listPrices(book, "2024-05-13", "openai").find((r) => r.modelId === "gpt-4o");
    expect([launch?.startDate, launch?.inputUsdPerMillionTokens, launch?.outputUsdPerMillionTokens]).toEqual(["2024-05-13", 5, 15]);
    // every listed row is the one priceAt quotes for that model and date
    for (const row of listPrices(book, "2024-06-01", "openai")) {
      const quote = priceAt(book, row.modelId, "2024-06-01", "openai");
      const pick = (r: typeof row) => [r.startDate, r.inputUsdPerMillionTokens, r.outputUsdPerMillionTokens];
      expect(quote.ok && pick(quote.value.row), row.modelId).toEqual(pick(row));
    }
  });
});

describe("genai-prices dated changes", () => {
  it("claude-sonnet-4-6: long-context tiers before 2026-03-13, flat price from then on", () => {
    const before = priceAt(book, "claude-sonnet-4-6", "2026-02-01", "anthropic");
    const after = priceAt(book, "claude-sonnet-4-6", "2026-06-01", "anthropic");
    expect(before.ok && before.value.row.contextTiers.length).toBe(1);
    expect(after.ok && after.value.row.contextTiers).toEqual([]);
  });
});
