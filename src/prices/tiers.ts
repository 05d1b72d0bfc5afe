// Service-tier multipliers (batch, flex, priority) per provider, dated and sourced, append-only.
// How they stack with caching: Anthropic documents that pricing multipliers stack, so the batch 50% also
// halves cache reads and writes; OpenAI's Batch API bills cached input at half the cached rate too; Google's
// batch mode halves input/output and context-cache reads. DeepSeek has no batch tier.
import { type TierRuleInput, source } from "./schema.js";

export const TIER_RULES: TierRuleInput[] = [
  {
    provider: "openai",
    tier: "batch",
    startDate: "2024-04-15",
    inputMultiplier: 0.5,
    outputMultiplier: 0.5,
    appliesToCache: true,
    note: "Batch API: 50% off, results within 24 h",
    source: source("https://platform.openai.com/docs/guides/batch", "Batch API launch, 50% discount on input and output"),
  },
  {
    provider: "openai",
    tier: "flex",
    startDate: "2025-08-07",
    models: ["gpt-5", "gpt-5-mini", "gpt-5-nano"],
    inputMultiplier: 0.5,
    outputMultiplier: 0.5,
    appliesToCache: true,
    note: "Flex processing: batch-rate prices, slower, may be unavailable",
    source: source("https://platform.openai.com/docs/guides/flex-processing", "flex processing at batch prices"),
  },
  {
    provider: "openai",
    tier: "priority",
    startDate: "2025-08-07",
    models: ["gpt-5"],
    inputMultiplier: 2,
    outputMultiplier: 2,
    appliesToCache: true,
    note: "Priority processing: GPT-5 at $2.50/$20",
    source: source("https://platform.openai.com/docs/pricing", "priority tier for gpt-5: $2.50 input, $20 output"),
  },
  {
    provider: "anthropic",
    tier: "batch",
    startDate: "2024-10-08",
    inputMultiplier: 0.5,
    outputMultiplier: 0.5,
    appliesToCache: true,
    note: "Message Batches API: 50% off; stacks with prompt-caching multipliers",
    source: source(
      "https://platform.claude.com/docs/en/build-with-claude/prompt-caching#pricing",
      "batch 50% discount; prompt caching multipliers stack with batch discounts",
    ),
  },
  {
    provider: "google",
    tier: "batch",
    startDate: "2025-07-07",
    inputMultiplier: 0.5,
    outputMultiplier: 0.5,
    appliesToCache: true,
    note: "Gemini API Batch Mode: 50% of the standard price",
    source: source("https://deploybase.ai/articles/gemini-api-pricing", "batch processing: 50% discount (asynchronous)"),
  },
  {
    provider: "google",
    tier: "flex",
    startDate: "2026-04-01",
    inputMultiplier: 0.5,
    outputMultiplier: 0.5,
    appliesToCache: true,
    note: "Flex tier: 50% off, 1-15 min target latency; start date approximate",
    source: source("https://www.gate.com/post/status/20546471", "Flex tier 50% discount on standard price; announcement date not stated, 2026-04-01 assumed"),
  },
  {
    provider: "google",
    tier: "priority",
    startDate: "2026-04-01",
    inputMultiplier: 1.8,
    outputMultiplier: 1.8,
    appliesToCache: true,
    note: "Priority tier: 1.8x standard; start date approximate",
    source: source("https://hivebook.wiki/wiki/gemini-2-5-google-s-multimodal-flagship-family", "priority routing 1.8x the standard rate"),
  },
];
