// The price book: costcurve's dated rows + genai-prices' current data + user rows; queries by model and date.
import { fail, ok, type Issue, type Result } from "../core/result.js";
import { ANTHROPIC_HISTORY } from "./history-anthropic.js";
import { GOOGLE_HISTORY } from "./history-google.js";
import { OPENAI_HISTORY } from "./history-openai.js";
import { DEEPSEEK_HISTORY, EMBEDDING_HISTORY, LLAMA_HOST_HISTORY, MISTRAL_HISTORY } from "./history-others.js";
import { libraryRows, matchLibraryModel } from "./library.js";
import { PriceRow, type PriceRowInput, TierRule } from "./schema.js";
import { suggestNames } from "./suggest.js";
import { TIER_RULES } from "./tiers.js";

export const COSTCURVE_ROWS: readonly PriceRowInput[] = [...OPENAI_HISTORY, ...ANTHROPIC_HISTORY, ...GOOGLE_HISTORY, ...DEEPSEEK_HISTORY, ...LLAMA_HOST_HISTORY, ...MISTRAL_HISTORY, ...EMBEDDING_HISTORY];

export interface PriceBook {
  rows: PriceRow[];
  tiers: TierRule[];
  /** lowercased alias or id -> canonical model id */
  aliases: Map<string, string>;
}

/**
 * Builds the book from costcurve's rows, genai-prices' rows (renamed to our ids where they alias) and the store's
 * rows: user rows, and genai-prices rows saved by `prices update` (which keep that origin).
 */
export function createPriceBook(userRows: readonly PriceRowInput[] = [], withLibrary = true): PriceBook {
  const stored = userRows.map((r) => ({ ...r, origin: r.origin === "genai-prices" ? ("genai-prices" as const) : ("user" as const) }));
  const own = [...COSTCURVE_ROWS, ...stored].map((r) => PriceRow.parse(r));
  const aliases = new Map<string, string>();
  for (const row of own) {
    aliases.set(row.modelId.toLowerCase(), row.modelId);
    for (const alias of row.aliases) aliases.set(alias.toLowerCase(), row.modelId);
  }
  const raw = withLibrary ? libraryRows() : [];
  const direct = new Set(raw.map((row) => `${row.provider}\u0000${row.modelId}`));
  // a library row named by one of our aliases joins our model, unless the library also lists our id itself
  const library = raw.flatMap((row) => {
    const canonical = aliases.get(row.modelId.toLowerCase());
    if (!canonical || canonical === row.modelId) return [row];
    return direct.has(`${row.provider}\u0000${canonical}`) ? [] : [{ ...row, modelId: canonical, aliases: [row.modelId] }];
  });
  for (const row of library) if (!aliases.has(row.modelId.toLowerCase())) aliases.set(row.modelId.toLowerCase(), row.modelId);
  return { rows: [...own, ...library], tiers: TIER_RULES.map((t) => TierRule.parse(t)), aliases };
}

export interface ResolvedModel {
  modelId: string;
  /** Providers selling it, preferred first: the provider whose own API name was asked for, then providers with dated rows. */
  providers: string[];
}

/** Finds the canonical id for a name (id, alias, or the library's snapshot matching); unknown names get suggestions. */
export function resolveModel(book: PriceBook, name: string, provider?: string): Result<ResolvedModel> {
  let modelId = book.aliases.get(name.trim().toLowerCase());
  if (!modelId) {
    const match = matchLibraryModel(name.trim(), provider);
    if (match) modelId = book.aliases.get(match.modelId.toLowerCase());
  }
  const suggestions = () => suggestNames(name, book.aliases.values());
  if (!modelId) return fail({ code: "unknown_model", message: `unknown model "${name}"`, model: name, suggestions: suggestions() });
  const rows = book.rows.filter((r) => r.modelId === modelId);
  const dated = new Set(rows.filter((r) => r.startDate !== null).map((r) => r.provider));
  // a provider's own API name (groq's llama-3.3-70b-versatile) names that provider's price, not the model's first seller
  const key = name.trim().toLowerCase();
  const named = new Set(rows.filter((r) => r.aliases.some((a) => a.toLowerCase() === key)).map((r) => r.provider));
  const rank = (p: string) => (named.has(p) ? 2 : 0) + (dated.has(p) ? 1 : 0);
  const providers = [...new Set(rows.map((r) => r.provider))].sort((a, b) => rank(b) - rank(a));
  if (provider) {
    if (!providers.includes(provider)) {
      return fail({ code: "unknown_provider", message: `no price for "${modelId}" from provider "${provider}"`, model: modelId, provider, providers });
    }
    return ok({ modelId, providers: [provider] });
  }
  return ok({ modelId, providers });
}

/** All rows of a model at one provider, oldest first (undated library rows last). */
function rowsFor(book: PriceBook, modelId: string, provider: string): PriceRow[] {
  return book.rows.filter((r) => r.modelId === modelId && r.provider === provider).sort((a, b) => (a.startDate ?? "9999").localeCompare(b.startDate ?? "9999"));
}

/** The dated history of a model at its preferred (or given) provider, oldest first. */
export function priceHistory(book: PriceBook, name: string, provider?: string): Result<PriceRow[]> {
  const resolved = resolveModel(book, name, provider);
  if (!resolved.ok) return resolved;
  const chosen = resolved.value.providers[0]!;
  return ok(rowsFor(book, resolved.value.modelId, chosen));
}

export interface PriceQuote {
  modelId: string;
  provider: string;
  date: string;
  row: PriceRow;
}

/** The row in force on `date` (YYYY-MM-DD); an error value when the date precedes the model's first price. */
export function priceAt(book: PriceBook, name: string, date: string, provider?: string): Result<PriceQuote> {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(date))) {
    return fail({ code: "bad_date", message: `date must be YYYY-MM-DD, got "${date}"`, date });
  }
  const resolved = resolveModel(book, name, provider);
  if (!resolved.ok) return resolved;
  const { modelId, providers } = resolved.value;
  const chosen = providers[0]!;
  const rows = rowsFor(book, modelId, chosen);
  const dated = rows.filter((r) => r.startDate !== null);
  const undated = rows.find((r) => r.startDate === null);
  const warnings: Issue[] = [];
  if (providers.length > 1 && !provider) {
    warnings.push({ code: "other_providers", message: `also sold by ${providers.slice(1).join(", ")}`, providers });
  }
  if (dated.length === 0) {
    warnings.push({ code: "undated_price", message: `no dated history for ${modelId}: showing the current list price` });
    return ok({ modelId, provider: chosen, date, row: undated! }, warnings);
  }
  const inForce = dated.filter((r) => r.startDate! <= date).at(-1);
  if (!inForce && undated && dated.every((r) => r.origin === "genai-prices")) {
    // the library's unconstrained price is the one in force before its first dated change
    warnings.push({ code: "undated_price", message: `price before ${dated[0]!.startDate} has no recorded start date` });
    return ok({ modelId, provider: chosen, date, row: undated }, warnings);
  }
  if (!inForce) {
    const firstDate = dated[0]!.startDate!;
    return fail({ code: "before_first_price", message: `${modelId} has no price before ${firstDate} (asked for ${date})`, model: modelId, date, firstDate });
  }
  let row = inForce;
  if (undated && row === dated.at(-1) && row.origin !== "genai-prices") {
    const same = undated.inputUsdPerMillionTokens === row.inputUsdPerMillionTokens && undated.outputUsdPerMillionTokens === row.outputUsdPerMillionTokens;
    if (same) {
      // the library knows cache and context-tier prices our row lacks
      row = {
        ...row,
        cacheReadUsdPerMillionTokens: row.cacheReadUsdPerMillionTokens ?? undated.cacheReadUsdPerMillionTokens,
        cacheWriteUsdPerMillionTokens: row.cacheWriteUsdPerMillionTokens ?? undated.cacheWriteUsdPerMillionTokens,
        contextTiers: row.contextTiers.length > 0 ? row.contextTiers : undated.contextTiers,
      };
    }
    if (row.contextWindowTokens === undefined && undated.contextWindowTokens !== undefined) {
      // the context window is a property of the model, whatever its price
      row = { ...row, contextWindowTokens: undated.contextWindowTokens };
    } else {
      warnings.push({
        code: "library_differs",
        message: `genai-prices lists ${undated.inputUsdPerMillionTokens}/${undated.outputUsdPerMillionTokens ?? "-"} USD per 1M now`,
      });
    }
  }
  return ok({ modelId, provider: chosen, date, row }, warnings);
}

/** The tier rule for a provider's model on a date (latest applicable), or null when the tier is not offered. */
export function tierRuleAt(book: PriceBook, provider: string, tier: TierRule["tier"], modelId: string, date: string): TierRule | null {
  return (
    book.tiers
      .filter((t) => t.provider === provider && t.tier === tier && t.startDate <= date && (t.models.length === 0 || t.models.includes(modelId)))
      .sort((a, b) => a.startDate.localeCompare(b.startDate))
      .at(-1) ?? null
  );
}

/** The row in force on `date` for every model (one per model and provider), optionally for one provider. */
export function listPrices(book: PriceBook, date: string, provider?: string): PriceRow[] {
  const groups = new Map<string, PriceRow[]>();
  for (const row of book.rows) {
    if (provider && row.provider !== provider) continue;
    const key = `${row.provider}\u0000${row.modelId}`;
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  const inForce: PriceRow[] = [];
  for (const rows of groups.values()) {
    const row = rowInForce(rows, date);
    if (row) inForce.push(row);
  }
  return inForce.sort((a, b) => a.provider.localeCompare(b.provider) || a.modelId.localeCompare(b.modelId));
}

/**
 * The row of one provider's model in force on `date`, by priceAt's rule: the latest dated row started by then;
 * before the first dated row only the price library's undated row (when every dated row came from that library),
 * so a model with a curated first price is not listed before it; a model with no dated row at all shows its
 * undated current price.
 */
function rowInForce(rows: readonly PriceRow[], date: string): PriceRow | undefined {
  const dated = rows.filter((r) => r.startDate !== null).sort((a, b) => (a.startDate! < b.startDate! ? -1 : a.startDate! > b.startDate! ? 1 : 0));
  const undated = rows.find((r) => r.startDate === null);
  if (dated.length === 0) return undated;
  const started = dated.filter((r) => r.startDate! <= date).at(-1);
  if (started) return started;
  return undated && dated.every((r) => r.origin === "genai-prices") ? undated : undefined;
}
