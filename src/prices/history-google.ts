// Google Gemini API list prices (USD per million tokens). Long-context tiers price the whole request.
import { type PriceRowInput, source } from "./schema.js";

const PRICING = "https://ai.google.dev/gemini-api/docs/pricing";
const google = (row: Omit<PriceRowInput, "provider">): PriceRowInput => ({ provider: "google", ...row });
const V15_PRICES = "https://bigbullcloud.com/blog/google-gemini-api-cost-structure";

export const GOOGLE_HISTORY: PriceRowInput[] = [
  google({
    modelId: "gemini-1.5-pro",
    name: "Gemini 1.5 Pro",
    aliases: ["gemini-1.5-pro-001", "gemini-pro-1.5"],
    startDate: "2024-05-14",
    inputUsdPerMillionTokens: 3.5,
    outputUsdPerMillionTokens: 10.5,
    contextTiers: [{ aboveInputTokens: 128_000, inputUsdPerMillionTokens: 7, outputUsdPerMillionTokens: 21 }],
    source: source(V15_PRICES, "1.5 Pro pay-as-you-go: $3.50/$10.50 up to 128k, $7/$21 above"),
  }),
  google({
    modelId: "gemini-1.5-flash",
    name: "Gemini 1.5 Flash",
    aliases: ["gemini-1.5-flash-001", "gemini-flash-1.5"],
    startDate: "2024-05-14",
    inputUsdPerMillionTokens: 0.35,
    outputUsdPerMillionTokens: 1.05,
    contextTiers: [{ aboveInputTokens: 128_000, inputUsdPerMillionTokens: 0.7, outputUsdPerMillionTokens: 2.1 }],
    source: source(PRICING, "1.5 Flash launch pricing $0.35/$1.05 (<=128k), $0.70/$2.10 above"),
  }),
  google({
    modelId: "gemini-1.5-flash",
    name: "Gemini 1.5 Flash",
    startDate: "2024-08-12",
    inputUsdPerMillionTokens: 0.075,
    outputUsdPerMillionTokens: 0.3,
    contextTiers: [{ aboveInputTokens: 128_000, inputUsdPerMillionTokens: 0.15, outputUsdPerMillionTokens: 0.6 }],
    source: source(V15_PRICES, "1.5 Flash price cut: $0.075/$0.30 up to 128k, $0.15/$0.60 above"),
  }),
  google({
    modelId: "gemini-1.5-pro",
    name: "Gemini 1.5 Pro",
    startDate: "2024-10-01",
    inputUsdPerMillionTokens: 1.25,
    outputUsdPerMillionTokens: 5,
    contextTiers: [{ aboveInputTokens: 128_000, inputUsdPerMillionTokens: 2.5, outputUsdPerMillionTokens: 10 }],
    source: source(
      "https://developers.googleblog.com/en/updated-production-ready-gemini-models-reduced-15-pro-pricing-increased-rate-limits-and-more/",
      "1.5 Pro price cut effective 2024-10-01: input -64%, output -52% (prompts <=128k)",
    ),
  }),
  google({
    modelId: "gemini-2.0-flash",
    name: "Gemini 2.0 Flash",
    aliases: ["gemini-2.0-flash-001"],
    startDate: "2025-02-05",
    inputUsdPerMillionTokens: 0.1,
    outputUsdPerMillionTokens: 0.4,
    cacheReadUsdPerMillionTokens: 0.025,
    source: source("https://www.morphllm.com/gemini-api-pricing", "2.0 Flash GA: $0.10/$0.40 flat (from Google's pricing page)"),
  }),
  google({
    modelId: "gemini-2.5-pro",
    name: "Gemini 2.5 Pro",
    startDate: "2025-06-17",
    inputUsdPerMillionTokens: 1.25,
    outputUsdPerMillionTokens: 10,
    cacheReadUsdPerMillionTokens: 0.125,
    cacheStorageUsdPerMillionTokensPerHour: 4.5,
    contextTiers: [
      { aboveInputTokens: 200_000, inputUsdPerMillionTokens: 2.5, outputUsdPerMillionTokens: 15, cacheReadUsdPerMillionTokens: 0.25 },
    ],
    source: source("https://deploybase.ai/articles/gemini-api-pricing-2026", `2.5 Pro GA: $1.25/$10 for prompts <=200k, $2.50/$15 above (${PRICING})`),
  }),
  google({
    modelId: "gemini-2.5-flash",
    name: "Gemini 2.5 Flash",
    startDate: "2025-06-17",
    inputUsdPerMillionTokens: 0.3,
    outputUsdPerMillionTokens: 2.5,
    cacheReadUsdPerMillionTokens: 0.03,
    cacheStorageUsdPerMillionTokensPerHour: 1,
    source: source("https://filterhn.com/post/44457371", "2.5 Flash GA: single price $0.30/$2.50 replacing thinking/non-thinking prices"),
  }),
  google({
    modelId: "gemini-3-pro-preview",
    name: "Gemini 3 Pro (preview)",
    aliases: ["gemini-3-pro"],
    startDate: "2025-11-18",
    inputUsdPerMillionTokens: 2,
    outputUsdPerMillionTokens: 12,
    cacheReadUsdPerMillionTokens: 0.2,
    cacheStorageUsdPerMillionTokensPerHour: 4.5,
    contextTiers: [{ aboveInputTokens: 200_000, inputUsdPerMillionTokens: 4, outputUsdPerMillionTokens: 18, cacheReadUsdPerMillionTokens: 0.4 }],
    source: source(PRICING, "Gemini 3 Pro preview: $2/$12 up to 200k, $4/$18 above (same figures in genai-prices 0.1.8)"),
  }),
  google({
    modelId: "gemini-embedding-001",
    kind: "embedding",
    startDate: "2025-07-14",
    inputUsdPerMillionTokens: 0.15,
    outputUsdPerMillionTokens: null,
    source: source(PRICING, "gemini-embedding-001 GA at $0.15/M; quoted in Tensor Economics 'Why are embeddings so cheap?'"),
  }),
];
