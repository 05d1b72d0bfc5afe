// DeepSeek, Llama 3.x through hosting providers, Mistral Large, and embedding-only vendors (USD per million tokens).
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
  // correction (2026-12-04): Groq's own row for its API name, with the 128k window; the same start date, so it
  // replaces the row above (the later of two rows on one date wins). Until then the API name was billed at the
  // model's first seller, Together ($0.88/$0.88).
  {
    ...host("llama-3.3-70b-instruct", "groq", "2024-12-06", 0.59, 0.79, ["llama-3.3-70b-versatile"], "https://groq.com/pricing", ""),
    name: "Llama 3.3 70B Versatile 128k",
    contextWindowTokens: 131_072,
    source: source(
      "https://groq.com/pricing",
      "Groq on-demand: Llama 3.3 70B Versatile 128k $0.59 input / $0.79 output per 1M tokens, as in genai-prices 0.1.8's groq data (console.groq.com/docs/models: 131,072-token window)",
      "2026-12-04",
    ),
  },
];

const MISTRAL_PRICING = "https://mistral.ai/pricing#api-pricing";
const mistral = (startDate: string, input: number, output: number, url: string, note: string, extra: Partial<PriceRowInput> = {}): PriceRowInput => ({
  modelId: "mistral-large",
  provider: "mistral",
  name: "Mistral Large",
  aliases: ["mistral-large-latest"],
  startDate,
  inputUsdPerMillionTokens: input,
  outputUsdPerMillionTokens: output,
  source: source(url, note, "2026-12-04"),
  ...extra,
});

/**
 * mistral-large-latest over time. genai-prices 0.1.8 still prices "mistral-large" (and -latest) at Large 2's $2/$6;
 * since Mistral Large 3 (2025-12-02) the alias serves mistral-large-2512 at $0.50/$1.50.
 */
export const MISTRAL_HISTORY: PriceRowInput[] = [
  mistral("2024-07-24", 3, 9, "https://mistral.ai/news/mistral-large-2407", "Mistral Large 2 (mistral-large-2407) launch on la Plateforme", { aliases: ["mistral-large-latest", "mistral-large-2407"] }),
  mistral("2024-09-17", 2, 6, "https://mistral.ai/news/september-24-release", "price cut: Mistral Large $3/$9 -> $2/$6 per 1M tokens", { aliases: ["mistral-large-latest", "mistral-large-2411"] }),
  mistral(
    "2025-12-02",
    0.5,
    1.5,
    MISTRAL_PRICING,
    "Mistral Large 3 (mistral-large-2512, served as mistral-large-latest): $0.50 input / $1.50 output per 1M tokens; the same in genai-prices 0.1.8's mistral-large-2512 row and Vercel AI Gateway's Mistral Large 3 page (announced at mistral.ai/news/mistral-3)",
    { name: "Mistral Large 3", aliases: ["mistral-large-latest", "mistral-large-2512"], contextWindowTokens: 262_144 },
  ),
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
