// DeepSeek, Llama 3.x through hosting providers, and embedding-only vendors (USD per million tokens).
import { type PriceRowInput, source } from "./schema.js";

const DEEPSEEK = "https://api-docs.deepseek.com/quick_start/pricing";
const OFF_PEAK_NEWS = "https://techgethub.com/?p=9801";
const V32_NEWS = "https://skywork.ai/blog/?p=10736";

function deepseek(modelId: string, startDate: string, input: number, output: number, cacheHit: number, url: string, note: string, extra: Partial<PriceRowInput> = {}): PriceRowInput {
  return {
    modelId,
    provider: "deepseek",
    name: modelId === "deepseek-chat" ? "DeepSeek V3 (deepseek-chat)" : "DeepSeek R1 (deepseek-reasoner)",
    startDate,
    inputUsdPerMillionTokens: input,
    outputUsdPerMillionTokens: output,
    cacheReadUsdPerMillionTokens: cacheHit,
    source: source(url, note),
    ...extra,
  };
}

/** DeepSeek's night window 16:30-00:30 UTC (00:30-08:30 Beijing), from 2025-02-26 to 2025-09-05. */
const offPeak = (multiplier: number) => ({ offPeak: { startUtc: "16:30", endUtc: "00:30", inputMultiplier: multiplier, outputMultiplier: multiplier } });

export const DEEPSEEK_HISTORY: PriceRowInput[] = [
  deepseek("deepseek-chat", "2024-12-26", 0.14, 0.28, 0.014, DEEPSEEK, "V3 launch promotional price until 2025-02-08", { aliases: ["deepseek-v3"] }),
  deepseek("deepseek-chat", "2025-02-09", 0.27, 1.1, 0.07, DEEPSEEK, "V3 standard price after the promotion"),
  deepseek("deepseek-reasoner", "2025-01-20", 0.55, 2.19, 0.14, DEEPSEEK, "R1 launch price", { aliases: ["deepseek-r1"] }),
  deepseek("deepseek-chat", "2025-02-26", 0.27, 1.1, 0.07, OFF_PEAK_NEWS, "off-peak: V3 50% off 16:30-00:30 UTC", offPeak(0.5)),
  deepseek("deepseek-reasoner", "2025-02-26", 0.55, 2.19, 0.14, OFF_PEAK_NEWS, "off-peak: R1 75% off 16:30-00:30 UTC", offPeak(0.25)),
  deepseek("deepseek-chat", "2025-09-05", 0.56, 1.68, 0.07, V32_NEWS, "V3.1 unified pricing; off-peak discounts ended"),
  deepseek("deepseek-reasoner", "2025-09-05", 0.56, 1.68, 0.07, V32_NEWS, "V3.1 unified pricing; off-peak discounts ended"),
  deepseek("deepseek-chat", "2025-09-29", 0.28, 0.42, 0.028, "https://benchlm.ai/blog/posts/deepseek-api-pricing", "V3.2-Exp: API prices cut 50%+ (cache hit $0.028, miss $0.28, output $0.42)"),
  deepseek("deepseek-reasoner", "2025-09-29", 0.28, 0.42, 0.028, "https://benchlm.ai/blog/posts/deepseek-api-pricing", "V3.2-Exp: same price as deepseek-chat"),
];

const host = (modelId: string, provider: string, startDate: string, input: number, output: number, aliases: string[], url: string, note: string): PriceRowInput => ({
  modelId,
  provider,
  aliases,
  startDate,
  inputUsdPerMillionTokens: input,
  outputUsdPerMillionTokens: output,
  source: source(url, note),
});

export const LLAMA_HOST_HISTORY: PriceRowInput[] = [
  host("llama-3.1-405b-instruct", "together", "2024-07-23", 3.5, 3.5, ["meta-llama/Meta-Llama-3.1-405B-Instruct-Turbo"], "https://www.together.ai/pricing", "Llama 3.1 405B Instruct Turbo (FP8)"),
  host("llama-3.1-70b-instruct", "together", "2024-07-23", 0.88, 0.88, ["meta-llama/Meta-Llama-3.1-70B-Instruct-Turbo"], "https://www.together.ai/pricing", "Llama 3.1 70B Instruct Turbo"),
  host("llama-3.3-70b-instruct", "together", "2024-12-06", 0.88, 0.88, ["meta-llama/Llama-3.3-70B-Instruct-Turbo"], "https://www.together.ai/pricing", "Llama 3.3 70B Instruct Turbo"),
  host("llama-3.1-405b-instruct", "fireworks", "2024-07-23", 3, 3, ["accounts/fireworks/models/llama-v3p1-405b-instruct", "llama-v3p1-405b-instruct"], "https://fireworks.ai/pricing", "405B serverless"),
  host("llama-3.1-70b-instruct", "fireworks", "2024-07-23", 0.9, 0.9, ["accounts/fireworks/models/llama-v3p1-70b-instruct", "llama-v3p1-70b-instruct"], "https://fireworks.ai/pricing", "16.1B+ parameter tier"),
  host("llama-3.1-70b-instruct", "groq", "2024-07-23", 0.59, 0.79, ["llama-3.1-70b-versatile"], "https://groq.com/pricing", "Llama 3.1 70B Versatile"),
  host("llama-3.3-70b-instruct", "groq", "2024-12-06", 0.59, 0.79, ["llama-3.3-70b-versatile"], "https://groq.com/pricing", "Llama 3.3 70B Versatile"),
];

const embedding = (modelId: string, provider: string, startDate: string, input: number, url: string, note: string): PriceRowInput => ({
  modelId,
  provider,
  kind: "embedding",
  startDate,
  inputUsdPerMillionTokens: input,
  outputUsdPerMillionTokens: null,
  source: source(url, note),
});

export const EMBEDDING_HISTORY: PriceRowInput[] = [
  embedding("embed-v4.0", "cohere", "2025-04-15", 0.12, "https://cohere.com/pricing", "Embed 4 text at $0.12/M; quoted in Tensor Economics 'Why are embeddings so cheap?'"),
  embedding("voyage-3", "voyage", "2024-09-18", 0.06, "https://docs.voyageai.com/docs/pricing", "voyage-3"),
  embedding("voyage-3-large", "voyage", "2025-01-07", 0.18, "https://docs.voyageai.com/docs/pricing", "voyage-3-large"),
  embedding("voyage-3.5", "voyage", "2025-05-20", 0.06, "https://docs.voyageai.com/docs/pricing", "voyage-3.5"),
  embedding("voyage-3.5-lite", "voyage", "2025-05-20", 0.02, "https://docs.voyageai.com/docs/pricing", "voyage-3.5-lite"),
];
