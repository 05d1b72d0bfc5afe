import { describe, expect, it } from "vitest";
import { createPriceBook, priceAt, tierRuleAt } from "./book.js";
import { computeBill, type BillInput } from "./bill.js";

const book = createPriceBook();

function bill(model: string, date: string, input: BillInput) {
  const quote = priceAt(book, model, date);
  if (!quote.ok) throw new Error(quote.issues[0]?.message);
  const batch = tierRuleAt(book, quote.value.provider, "batch", quote.value.modelId, date);
  const result = computeBill(quote.value.row, input, batch);
  if (!result.ok) throw new Error(result.issues[0]?.message);
  return result.value;
}
const usd = (b: ReturnType<typeof bill>, item: string) => b.lines.find((l) => l.item === item)?.usd;

describe("context thresholds step the whole request", () => {
  it("Gemini 2.5 Pro: one request of 300k input tokens pays $2.50/M on all input and $15/M on output", () => {
    const b = bill("gemini-2.5-pro", "2025-07-01", { inputTokens: 300_000, outputTokens: 10_000 });
    // 300,000 > 200,000 -> long-context tier for the whole request (not just the 100k above the threshold):
    // input 0.3 M x $2.50 = $0.75; output 0.01 M x $15 = $0.15; total $0.90
    // (a marginal reading would give 0.2 x 1.25 + 0.1 x 2.5 = $0.50 input, which is wrong)
    expect(b.contextTier?.aboveInputTokens).toBe(200_000);
    expect(usd(b, "input")).toBeCloseTo(0.75, 10);
    expect(usd(b, "output")).toBeCloseTo(0.15, 10);
    expect(b.totalUsd).toBeCloseTo(0.9, 10);
  });

  it("the same tokens split over two 150k requests stay at the base rate", () => {
    const b = bill("gemini-2.5-pro", "2025-07-01", { inputTokens: 300_000, outputTokens: 10_000, requestCount: 2 });
    // 150k per request <= 200k: 0.3 x $1.25 = $0.375; 0.01 x $10 = $0.10; total $0.475
    expect(b.contextTier).toBeNull();
    expect(b.totalUsd).toBeCloseTo(0.475, 10);
  });

  it("--context-per-request overrides the average", () => {
    const b = bill("gemini-2.5-pro", "2025-07-01", { inputTokens: 300_000, outputTokens: 0, requestCount: 2, contextPerRequestTokens: 250_000 });
    // 250k > 200k -> 0.3 x $2.50 = $0.75
    expect(b.totalUsd).toBeCloseTo(0.75, 10);
  });
});

describe("caching and batch on Claude Sonnet 4 (Anthropic's documented arithmetic)", () => {
  it("90% cache hit, all traffic in batch: multipliers stack", () => {
    // Sonnet 4: input $3/M, output $15/M, cache read 0.1x = $0.30/M; batch halves every rate, cache included.
    // 1,000,000 input tokens over 100 requests (10k context each), 100,000 output tokens:
    //   fresh input  100,000 x $3.00 = $0.30
    //   cache read   900,000 x $0.30 = $0.27
    //   output       100,000 x $15   = $1.50
    //   subtotal $2.07; batch 50% -> -$1.035; total $1.035
    // Same as Anthropic's per-token view: cache read in batch $0.15/M, input $1.50/M, output $7.50/M:
    //   0.9 x 0.15 + 0.1 x 1.5 + 0.1 x 7.5 = 0.135 + 0.15 + 0.75 = $1.035
    const b = bill("claude-sonnet-4", "2025-06-01", { inputTokens: 1_000_000, outputTokens: 100_000, requestCount: 100, cacheHitFraction: 0.9, batchShareFraction: 1 });
    expect(usd(b, "input")).toBeCloseTo(0.3, 10);
    expect(usd(b, "cache read")).toBeCloseTo(0.27, 10);
    expect(usd(b, "output")).toBeCloseTo(1.5, 10);
    expect(usd(b, "batch discount")).toBeCloseTo(-1.035, 10);
    expect(b.totalUsd).toBeCloseTo(1.035, 10);
  });

  it("cache writes at 1.25x input (5-minute TTL), halved in batch", () => {
    // write 100,000 x $3.75 = $0.375; batch half -> $0.1875; read 900,000 x 0.30 x 0.5 = $0.135; total $0.3225
    const b = bill("claude-sonnet-4", "2025-06-01", { inputTokens: 1_000_000, outputTokens: 0, requestCount: 100, cacheHitFraction: 0.9, cacheWriteFraction: 0.1, batchShareFraction: 1 });
    expect(usd(b, "cache write")).toBeCloseTo(0.375, 10);
    expect(b.totalUsd).toBeCloseTo(0.3225, 10);
  });
});

describe("other adjustments", () => {
  it("OpenAI has no write fee: writes bill at the input rate", () => {
    // gpt-4o-mini: 1M tokens, 50% written: 0.5 x $0.15 = $0.075 fresh + 0.5 x $0.15 = $0.075 write
    const b = bill("gpt-4o-mini", "2025-01-01", { inputTokens: 1_000_000, outputTokens: 0, cacheWriteFraction: 0.5 });
    expect(b.lines.find((l) => l.item === "cache write")?.usdPerMillionTokens).toBe(0.15);
    expect(b.totalUsd).toBeCloseTo(0.15, 10);
  });

  it("tokenizer inflation multiplies tokens before the context tier is chosen", () => {
    // 180k tiktoken tokens x 1.2 = 216k > 200k: long-context rate: 0.216 M x $2.50 = $0.54
    const b = bill("gemini-2.5-pro", "2025-07-01", { inputTokens: 180_000, outputTokens: 0, tokenizerInflation: 1.2 });
    expect(b.totalUsd).toBeCloseTo(0.54, 10);
  });

  it("overhead and discount apply to the subtotal", () => {
    // gpt-4o 2024-09-01: 1M in x $2.50 + 1M out x $10 = $12.50; +10% = $1.25; -20% = -$2.50; total $11.25
    const b = bill("gpt-4o", "2024-09-01", { inputTokens: 1e6, outputTokens: 1e6, overheadFraction: 0.1, discountFraction: 0.2 });
    expect(b.totalUsd).toBeCloseTo(11.25, 10);
  });

  it("Google cache storage is billed per token-hour of the cached prefix", () => {
    // 2.5 Flash: prefix = 100k context x 0.8 hit = 80k tokens; 2 h x $1.00/M/h x 0.08 M = $0.16
    const b = bill("gemini-2.5-flash", "2025-07-01", { inputTokens: 100_000, outputTokens: 0, cacheHitFraction: 0.8, cacheStorageHours: 2 });
    expect(usd(b, "cache storage")).toBeCloseTo(0.16, 10);
  });

  it("rejects fractions outside 0-1, naming the field", () => {
    const quote = priceAt(book, "gpt-4o", "2025-01-01");
    if (!quote.ok) throw new Error("no quote");
    const result = computeBill(quote.value.row, { inputTokens: 1, outputTokens: 1, cacheHitFraction: 1.5 }, null);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues[0]).toMatchObject({ code: "out_of_range", field: "cacheHitFraction" });
  });

  it("batch share on a provider without a batch tier is an error value", () => {
    const quote = priceAt(book, "deepseek-chat", "2025-10-01");
    if (!quote.ok) throw new Error("no quote");
    const result = computeBill(quote.value.row, { inputTokens: 1, outputTokens: 1, batchShareFraction: 0.5 }, null);
    expect(!result.ok && result.issues[0]?.code).toBe("no_batch_tier");
  });
});
