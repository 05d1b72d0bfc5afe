// OpenAI list prices since 2023 (USD per million tokens), append-only: a price change is a new dated row.
import { type PriceRowInput, source } from "./schema.js";

const PRICING = "https://platform.openai.com/docs/pricing";
const openai = (row: Omit<PriceRowInput, "provider">): PriceRowInput => ({ provider: "openai", ...row });

export const OPENAI_HISTORY: PriceRowInput[] = [
  openai({
    modelId: "gpt-4",
    name: "GPT-4 (8k)",
    aliases: ["gpt-4-0314", "gpt-4-0613"],
    startDate: "2023-03-14",
    inputUsdPerMillionTokens: 30,
    outputUsdPerMillionTokens: 60,
    source: source("https://help.openai.com/en/articles/7127956-how-much-does-gpt-4-cost", "GPT-4 launch: $0.03/1k prompt, $0.06/1k completion"),
  }),
  openai({
    modelId: "gpt-4-turbo",
    name: "GPT-4 Turbo",
    aliases: ["gpt-4-1106-preview", "gpt-4-turbo-2024-04-09"],
    startDate: "2023-11-06",
    inputUsdPerMillionTokens: 10,
    outputUsdPerMillionTokens: 30,
    source: source("https://openai.com/index/new-models-and-developer-products-announced-at-devday/", "DevDay: 3x cheaper input, 2x cheaper output than GPT-4"),
  }),
  openai({
    modelId: "gpt-4o",
    name: "GPT-4o",
    aliases: ["gpt-4o-2024-05-13"],
    startDate: "2024-05-13",
    inputUsdPerMillionTokens: 5,
    outputUsdPerMillionTokens: 15,
    source: source("https://openai.com/index/hello-gpt-4o/", "GPT-4o launch: half the price of GPT-4 Turbo"),
  }),
  openai({
    modelId: "gpt-4o-mini",
    name: "GPT-4o mini",
    aliases: ["gpt-4o-mini-2024-07-18"],
    startDate: "2024-07-18",
    inputUsdPerMillionTokens: 0.15,
    outputUsdPerMillionTokens: 0.6,
    source: source("https://openai.com/index/gpt-4o-mini-advancing-cost-efficient-intelligence/", "launch: 15 cents per 1M input, 60 cents per 1M output"),
  }),
  openai({
    modelId: "gpt-4o",
    name: "GPT-4o",
    aliases: ["gpt-4o-2024-08-06"],
    startDate: "2024-08-06",
    inputUsdPerMillionTokens: 2.5,
    outputUsdPerMillionTokens: 10,
    source: source("https://community.openai.com/t/introducing-structured-outputs/896022", "gpt-4o-2024-08-06: 50% cheaper input ($2.50), 33% cheaper output ($10)"),
  }),
  // automatic prompt caching (2024-10-01): cached input at 50% for the 4o family, no write fee
  openai({
    modelId: "gpt-4o",
    name: "GPT-4o",
    startDate: "2024-10-01",
    inputUsdPerMillionTokens: 2.5,
    outputUsdPerMillionTokens: 10,
    cacheReadUsdPerMillionTokens: 1.25,
    source: source("https://openai.com/index/api-prompt-caching/", "automatic prompt caching: cached input 50% off, no cache-write fee"),
  }),
  openai({
    modelId: "gpt-4o-mini",
    name: "GPT-4o mini",
    startDate: "2024-10-01",
    inputUsdPerMillionTokens: 0.15,
    outputUsdPerMillionTokens: 0.6,
    cacheReadUsdPerMillionTokens: 0.075,
    source: source("https://openai.com/index/api-prompt-caching/", "automatic prompt caching: cached input 50% off"),
  }),
  ...(
    [
      ["gpt-4.1", "GPT-4.1", 2, 8, 0.5],
      ["gpt-4.1-mini", "GPT-4.1 mini", 0.4, 1.6, 0.1],
      ["gpt-4.1-nano", "GPT-4.1 nano", 0.1, 0.4, 0.025],
    ] as const
  ).map(([modelId, name, input, output, cached]) =>
    openai({
      modelId,
      name,
      startDate: "2025-04-14",
      inputUsdPerMillionTokens: input,
      outputUsdPerMillionTokens: output,
      cacheReadUsdPerMillionTokens: cached,
      source: source("https://openai.com/index/gpt-4-1/", "GPT-4.1 family launch; cached input 75% off (0.25x)"),
    }),
  ),
  ...(
    [
      ["gpt-5", "GPT-5", 1.25, 10, 0.125],
      ["gpt-5-mini", "GPT-5 mini", 0.25, 2, 0.025],
      ["gpt-5-nano", "GPT-5 nano", 0.05, 0.4, 0.005],
    ] as const
  ).map(([modelId, name, input, output, cached]) =>
    openai({
      modelId,
      name,
      startDate: "2025-08-07",
      inputUsdPerMillionTokens: input,
      outputUsdPerMillionTokens: output,
      cacheReadUsdPerMillionTokens: cached,
      source: source("https://openai.com/index/introducing-gpt-5-for-developers/", "GPT-5 family launch; cached input 90% off (0.1x)"),
    }),
  ),
  // embeddings
  openai({
    modelId: "text-embedding-ada-002",
    kind: "embedding",
    startDate: "2022-12-15",
    inputUsdPerMillionTokens: 0.1,
    outputUsdPerMillionTokens: null,
    source: source("https://openai.com/index/new-and-improved-embedding-model/", "ada-002 at $0.0001/1k tokens; also quoted in Tensor Economics 'Why are embeddings so cheap?'"),
  }),
  ...(
    [
      ["text-embedding-3-small", 0.02],
      ["text-embedding-3-large", 0.13],
    ] as const
  ).map(([modelId, input]) =>
    openai({
      modelId,
      kind: "embedding",
      startDate: "2024-01-25",
      inputUsdPerMillionTokens: input,
      outputUsdPerMillionTokens: null,
      source: source("https://openai.com/index/new-embedding-models-and-api-updates/", "third-generation embedding models"),
    }),
  ),
];

export const OPENAI_PRICING_URL = PRICING;
