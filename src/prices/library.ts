// Adapter over @pydantic/genai-prices: its current price data (context tiers, cache read/write rates) as PriceRows,
// and its model-name matching for ids we do not list ourselves.
import { calcPrice, findProvider, type ModelInfo, type ModelPrice, type Provider } from "@pydantic/genai-prices";
import { PriceRow, type ContextTier } from "./schema.js";

/** Version of the bundled data (package.json pin); the rows carry it in their source note. */
export const GENAI_PRICES_VERSION = "0.1.8";
/** Providers whose list prices we take from the library (resellers and clouds are left out on purpose). */
export const LIBRARY_PROVIDERS = ["openai", "anthropic", "google", "deepseek", "mistral", "x-ai", "together", "fireworks", "groq", "cohere", "voyage"] as const;
const RETRIEVED = "2026-11-22";

interface Rate {
  base: number;
  tiers: { start: number; price: number }[];
}

function rateOf(value: ModelPrice[string]): Rate | null {
  if (typeof value === "number") return { base: value, tiers: [] };
  if (value && typeof value === "object" && "base" in value) return { base: value.base, tiers: value.tiers ?? [] };
  return null;
}

function priceAt(rate: Rate | null, start: number): number | undefined {
  if (!rate) return undefined;
  let price = rate.base;
  for (const tier of rate.tiers) if (tier.start <= start) price = tier.price;
  return price;
}

function contextTiers(input: Rate, output: Rate | null, cacheRead: Rate | null, cacheWrite: Rate | null, cacheWriteOneHour: Rate | null): ContextTier[] {
  const starts = [...new Set([input, output, cacheRead, cacheWrite, cacheWriteOneHour].flatMap((r) => r?.tiers.map((t) => t.start) ?? []))].sort((a, b) => a - b);
  return starts.map((start) => ({
    aboveInputTokens: start,
    inputUsdPerMillionTokens: priceAt(input, start)!,
    outputUsdPerMillionTokens: priceAt(output, start) ?? null,
    ...(cacheRead ? { cacheReadUsdPerMillionTokens: priceAt(cacheRead, start)! } : {}),
    ...(cacheWrite ? { cacheWriteUsdPerMillionTokens: priceAt(cacheWrite, start)! } : {}),
    ...(cacheWriteOneHour ? { cacheWriteOneHourUsdPerMillionTokens: priceAt(cacheWriteOneHour, start)! } : {}),
  }));
}

interface RowSource {
  retrievedDate: string;
  /** Says where the data came from; the model's provider/id is appended. */
  note: string;
}

function toRow(providerId: string, url: string, model: ModelInfo, prices: ModelPrice, startDate: string | null, from: RowSource = { retrievedDate: RETRIEVED, note: `@pydantic/genai-prices ${GENAI_PRICES_VERSION} data` }): PriceRow | null {
  const input = rateOf(prices.input_mtok);
  if (!input) return null;
  const output = rateOf(prices.output_mtok);
  const cacheRead = rateOf(prices.cache_read_mtok);
  const cacheWrite = rateOf(prices.cache_write_mtok);
  const cacheWriteOneHour = rateOf(prices.cache_write_1h_mtok);
  const parsed = PriceRow.safeParse({
    modelId: model.id,
    provider: providerId,
    ...(model.name ? { name: model.name } : {}),
    kind: /embed|voyage/i.test(model.id) && !output ? "embedding" : "chat",
    startDate,
    inputUsdPerMillionTokens: input.base,
    outputUsdPerMillionTokens: output?.base ?? null,
    ...(cacheRead ? { cacheReadUsdPerMillionTokens: cacheRead.base } : {}),
    ...(cacheWrite ? { cacheWriteUsdPerMillionTokens: cacheWrite.base } : {}),
    ...(cacheWriteOneHour ? { cacheWriteOneHourUsdPerMillionTokens: cacheWriteOneHour.base } : {}),
    contextTiers: contextTiers(input, output, cacheRead, cacheWrite, cacheWriteOneHour),
    ...(model.context_window ? { contextWindowTokens: model.context_window } : {}),
    origin: "genai-prices",
    source: { url, retrievedDate: from.retrievedDate, note: `${from.note} for ${providerId}/${model.id}` },
  });
  return parsed.success ? parsed.data : null;
}

let cached: PriceRow[] | null = null;

/** Every text-token price the library knows for LIBRARY_PROVIDERS; time-of-day variants are left out. */
export function libraryRows(): PriceRow[] {
  if (cached) return cached;
  cached = providerRows(
    LIBRARY_PROVIDERS.flatMap((providerId) => findProvider({ providerId }) ?? []),
    null,
  );
  return cached;
}

/**
 * Price rows from genai-prices provider data (the bundled copy, or its remote data.json fetched by `prices update`):
 * a model's one price starts on `currentStartDate` (null: undated); a model with dated variants keeps their dates
 * (its unconstrained entry is the price before them, undated).
 */
export function providerRows(providers: readonly Provider[], currentStartDate: string | null, from?: RowSource): PriceRow[] {
  const rows: PriceRow[] = [];
  for (const provider of providers) {
    if (!(LIBRARY_PROVIDERS as readonly string[]).includes(provider.id)) continue;
    const url = provider.pricing_urls?.[0] ?? "https://github.com/pydantic/genai-prices";
    for (const model of provider.models) {
      if (model.id.startsWith("ft:")) continue;
      if (!Array.isArray(model.prices)) {
        const row = toRow(provider.id, url, model, model.prices, currentStartDate, from);
        if (row) rows.push(row);
        continue;
      }
      for (const conditional of model.prices) {
        const constraint = conditional.constraint;
        if (constraint?.type === "time_of_date") continue;
        const row = toRow(provider.id, url, model, conditional.prices, constraint?.type === "start_date" ? constraint.start_date : null, from);
        if (row) rows.push(row);
      }
    }
  }
  return rows;
}

/** The library's own id for a model name (it knows many API snapshot names), or null. */
export function matchLibraryModel(name: string, providerId?: string): { provider: string; modelId: string } | null {
  try {
    const result = calcPrice({ input_tokens: 0, output_tokens: 0 }, name, providerId ? { providerId } : {});
    if (!result) return null;
    return { provider: result.provider.id, modelId: result.model.id };
  } catch {
    return null;
  }
}
