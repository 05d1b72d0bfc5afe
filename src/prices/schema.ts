// Shapes of the price book: dated list-price rows, context tiers, and tier rules (batch, flex, priority).
import { z } from "zod";
import { Source } from "../core/hardware.js";

/** A calendar date YYYY-MM-DD (the price book's, the knowledge base's and the store's). */
export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected a date YYYY-MM-DD");

/**
 * A list price in USD per million tokens, kept at its decimal precision: computed rates (3 x 0.1) lose the
 * binary noise (0.30000000000000004 becomes 0.3) by rounding to 12 significant digits, far below a cent.
 */
export const UsdPerMillionTokens = z
  .number()
  .nonnegative()
  .transform((v) => Number(v.toPrecision(12)));

/** Rates that replace the base rates for the WHOLE request once its input exceeds `aboveInputTokens`. */
export const ContextTier = z.strictObject({
  aboveInputTokens: z.number().int().positive(),
  inputUsdPerMillionTokens: UsdPerMillionTokens,
  outputUsdPerMillionTokens: UsdPerMillionTokens.nullable(),
  cacheReadUsdPerMillionTokens: UsdPerMillionTokens.optional(),
  cacheWriteUsdPerMillionTokens: UsdPerMillionTokens.optional(),
  cacheWriteOneHourUsdPerMillionTokens: UsdPerMillionTokens.optional(),
});
export type ContextTier = z.infer<typeof ContextTier>;

/** A daily discount window in UTC (DeepSeek's off-peak hours); multipliers apply to the standard rates. */
export const OffPeak = z.strictObject({
  startUtc: z.string().regex(/^\d{2}:\d{2}$/),
  endUtc: z.string().regex(/^\d{2}:\d{2}$/),
  inputMultiplier: z.number().positive().max(1),
  outputMultiplier: z.number().positive().max(1),
});
export type OffPeak = z.infer<typeof OffPeak>;

/**
 * One list price in force from `startDate` until the next row for the same model and provider.
 * `startDate` null marks a genai-prices row whose start is not recorded (the library's current price).
 */
export const PriceRow = z.strictObject({
  modelId: z.string().min(1),
  provider: z.string().min(1),
  name: z.string().optional(),
  /** Other ids that name the same model (API snapshots, the library's id). */
  aliases: z.array(z.string()).default([]),
  kind: z.enum(["chat", "embedding"]).default("chat"),
  startDate: IsoDate.nullable(),
  inputUsdPerMillionTokens: UsdPerMillionTokens,
  /** Null for models that produce no output tokens (embeddings). */
  outputUsdPerMillionTokens: UsdPerMillionTokens.nullable(),
  cacheReadUsdPerMillionTokens: UsdPerMillionTokens.optional(),
  /** Absent means cache writes cost the normal input rate (no write fee). The provider's default TTL (Anthropic: 5 minutes). */
  cacheWriteUsdPerMillionTokens: UsdPerMillionTokens.optional(),
  /** Writes kept for one hour, where the provider sells that TTL (Anthropic: 2x input); absent means not offered or not known. */
  cacheWriteOneHourUsdPerMillionTokens: UsdPerMillionTokens.optional(),
  cacheStorageUsdPerMillionTokensPerHour: UsdPerMillionTokens.optional(),
  contextTiers: z.array(ContextTier).default([]),
  /** The most tokens (input and output) one request may hold, where the source states it. */
  contextWindowTokens: z.number().int().positive().optional(),
  offPeak: OffPeak.optional(),
  origin: z.enum(["costcurve", "genai-prices", "user"]).default("costcurve"),
  source: Source,
});
export type PriceRow = z.infer<typeof PriceRow>;
export type PriceRowInput = z.input<typeof PriceRow>;

/** A service tier's multipliers on the standard rates, per provider, from a date. */
export const TierRule = z.strictObject({
  provider: z.string().min(1),
  tier: z.enum(["batch", "flex", "priority"]),
  startDate: IsoDate,
  /** Model ids the rule is limited to; empty means every model of the provider. */
  models: z.array(z.string()).default([]),
  inputMultiplier: z.number().positive(),
  outputMultiplier: z.number().positive(),
  /** Whether the multiplier also applies to cache read/write rates (Anthropic: yes, multipliers stack). */
  appliesToCache: z.boolean(),
  note: z.string(),
  source: Source,
});
export type TierRule = z.infer<typeof TierRule>;
export type TierRuleInput = z.input<typeof TierRule>;

/** Builds a Source; every data file uses it so each row carries url, retrieval date and a note. */
export function source(url: string, note: string, retrievedDate = "2026-11-22"): Source {
  return { url, retrievedDate, note };
}
