// Anthropic list prices since 2024 (USD per million tokens). Cache writes (5-minute TTL) cost 1.25x input,
// cache reads 0.1x input, from the prompt-caching launch (2024-08-14) on; 1-hour writes 2x input from 2025-05-22.
import { type PriceRowInput, source } from "./schema.js";

const CACHING = "https://platform.claude.com/docs/en/build-with-claude/prompt-caching#pricing";
const anthropic = (row: Omit<PriceRowInput, "provider">): PriceRowInput => ({ provider: "anthropic", ...row });

/** A row whose cache rates follow Anthropic's fixed multipliers: write 1.25x input, read 0.1x input. */
function cached(modelId: string, name: string, startDate: string, input: number, output: number, url: string, note: string, aliases: string[] = []): PriceRowInput {
  return anthropic({
    modelId,
    name,
    aliases,
    startDate,
    inputUsdPerMillionTokens: input,
    outputUsdPerMillionTokens: output,
    cacheWriteUsdPerMillionTokens: input * 1.25,
    cacheReadUsdPerMillionTokens: input * 0.1,
    source: source(url, `${note}; cache write 1.25x, read 0.1x (${CACHING})`),
  });
}

const CLAUDE3 = "https://www.anthropic.com/news/claude-3-family";

const LIST_PRICES: PriceRowInput[] = [
  ...(
    [
      ["claude-3-haiku", "Claude 3 Haiku", 0.25, 1.25, ["claude-3-haiku-20240307"]],
      ["claude-3-sonnet", "Claude 3 Sonnet", 3, 15, ["claude-3-sonnet-20240229"]],
      ["claude-3-opus", "Claude 3 Opus", 15, 75, ["claude-3-opus-20240229", "claude-3-opus-latest"]],
    ] as const
  ).map(([modelId, name, input, output, aliases]) =>
    anthropic({
      modelId,
      name,
      aliases: [...aliases],
      startDate: "2024-03-04",
      inputUsdPerMillionTokens: input,
      outputUsdPerMillionTokens: output,
      source: source(CLAUDE3, "Claude 3 family launch prices"),
    }),
  ),
  anthropic({
    modelId: "claude-3-5-sonnet",
    name: "Claude 3.5 Sonnet",
    aliases: ["claude-3-5-sonnet-20240620", "claude-3-5-sonnet-20241022", "claude-3-5-sonnet-latest"],
    startDate: "2024-06-20",
    inputUsdPerMillionTokens: 3,
    outputUsdPerMillionTokens: 15,
    source: source("https://www.anthropic.com/news/claude-3-5-sonnet", "Claude 3.5 Sonnet launch at Claude 3 Sonnet's price"),
  }),
  // prompt caching public beta: the cache multipliers apply from here on
  cached("claude-3-haiku", "Claude 3 Haiku", "2024-08-14", 0.25, 1.25, "https://www.anthropic.com/news/prompt-caching", "prompt caching launch"),
  cached("claude-3-opus", "Claude 3 Opus", "2024-08-14", 15, 75, "https://www.anthropic.com/news/prompt-caching", "prompt caching launch"),
  cached("claude-3-5-sonnet", "Claude 3.5 Sonnet", "2024-08-14", 3, 15, "https://www.anthropic.com/news/prompt-caching", "prompt caching launch"),
  cached("claude-3-5-haiku", "Claude 3.5 Haiku", "2024-11-04", 0.8, 4, "https://www.anthropic.com/news/3-5-models-and-computer-use", "3.5 Haiku priced at $0.80/$4", ["claude-3-5-haiku-20241022", "claude-3-5-haiku-latest"]),
  cached("claude-sonnet-4", "Claude Sonnet 4", "2025-05-22", 3, 15, "https://www.anthropic.com/news/claude-4", "Claude 4 launch: Sonnet 4 $3/$15", ["claude-sonnet-4-0", "claude-sonnet-4-20250514"]),
  cached("claude-opus-4", "Claude Opus 4", "2025-05-22", 15, 75, "https://www.anthropic.com/news/claude-4", "Claude 4 launch: Opus 4 $15/$75", ["claude-opus-4-0", "claude-opus-4-20250514"]),
  // the 1M-token context beta priced requests above 200k input tokens at $6/$22.50 (whole request)
  {
    ...cached("claude-sonnet-4", "Claude Sonnet 4", "2025-08-12", 3, 15, "https://www.anthropic.com/news/1m-context", "1M context: prompts over 200k tokens at $6/$22.50"),
    contextTiers: [{ aboveInputTokens: 200_000, inputUsdPerMillionTokens: 6, outputUsdPerMillionTokens: 22.5, cacheWriteUsdPerMillionTokens: 7.5, cacheReadUsdPerMillionTokens: 0.6 }],
  },
  cached("claude-opus-4-5", "Claude Opus 4.5", "2025-11-24", 5, 25, "https://platform.claude.com/docs/en/about-claude/models/whats-new-claude-4-5", "Opus 4.5 at $5/$25, a third of Opus 4's price", ["claude-opus-4-5-20251101"]),
];

const ONE_HOUR_TTL = "https://www.anthropic.com/news/agent-capabilities-api";

/**
 * Correction (2026-12-04): the 1-hour cache TTL, sold since 2025-05-22 at 2x base input per write, was missing.
 * Each row copies the model's list price in force on `startDate` and adds the 1-hour write rate (tiers included);
 * on a shared start date it is the later row, so it replaces the one it copies.
 */
function withOneHourWrites(modelId: string, startDate: string): PriceRowInput {
  const base = LIST_PRICES.filter((r) => r.modelId === modelId && r.startDate !== null && r.startDate! <= startDate).at(-1);
  if (!base) throw new Error(`no Anthropic row to extend: ${modelId} ${startDate}`);
  return {
    ...base,
    startDate,
    cacheWriteOneHourUsdPerMillionTokens: base.inputUsdPerMillionTokens * 2,
    contextTiers: (base.contextTiers ?? []).map((t) => ({ ...t, cacheWriteOneHourUsdPerMillionTokens: t.inputUsdPerMillionTokens * 2 })),
    source: source(CACHING, `1-hour cache writes at 2x base input (5-minute writes 1.25x, reads 0.1x); 1-hour TTL since 2025-05-22 (${ONE_HOUR_TTL}); list price as in ${base.source.url}`, "2026-12-04"),
  };
}

export const ANTHROPIC_HISTORY: PriceRowInput[] = [
  ...LIST_PRICES,
  ...(
    [
      ["claude-3-haiku", "2025-05-22"],
      ["claude-3-opus", "2025-05-22"],
      ["claude-3-5-sonnet", "2025-05-22"],
      ["claude-3-5-haiku", "2025-05-22"],
      ["claude-sonnet-4", "2025-05-22"],
      ["claude-opus-4", "2025-05-22"],
      ["claude-sonnet-4", "2025-08-12"],
      ["claude-opus-4-5", "2025-11-24"],
    ] as const
  ).map(([modelId, startDate]) => withOneHourWrites(modelId, startDate)),
];
