// Effective API bill with a line-by-line breakdown: context steps, caching, batch share, tokenizer, overheads.
import { fail, ok, type Issue, type Result } from "../core/result.js";
import type { ContextTier, PriceRow, TierRule } from "./schema.js";

const MILLION = 1e6;

export interface BillInput {
  /** Input tokens over all requests, as counted by a tiktoken-style tokenizer. */
  inputTokens: number;
  outputTokens: number;
  /**
   * How many requests the tokens are spread over, default 1: the tokens are taken as evenly split, so one request
   * holds inputTokens / requestCount of input (unless contextPerRequestTokens says otherwise) and
   * outputTokens / requestCount of output; that size picks the long-context tier and is checked against the
   * model's context window.
   */
  requestCount?: number;
  /** Share of input tokens read from the prompt cache (0-1). */
  cacheHitFraction?: number;
  /** Share of input tokens written to the cache (0-1) with the provider's default TTL; billed at the write rate where the provider has one. */
  cacheWriteFraction?: number;
  /** Share of input tokens written to the cache with a one-hour TTL (0-1); Anthropic bills 2x input. */
  cacheWriteOneHourFraction?: number;
  /** Hours the cached prefix stays stored (Google bills storage per token-hour). */
  cacheStorageHours?: number;
  /** Share of the traffic sent through the batch tier (0-1). */
  batchShareFraction?: number;
  /** Input tokens in one request; decides long-context tiers. Default inputTokens / requestCount. */
  contextPerRequestTokens?: number;
  /** Multiplies every token count (e.g. 1.3 when the provider's tokenizer makes 30% more tokens). */
  tokenizerInflation?: number;
  /** Added on top of the subtotal (0-1), e.g. enterprise support or a reseller margin. */
  overheadFraction?: number;
  /** Taken off the subtotal (0-1), e.g. a negotiated discount. */
  discountFraction?: number;
}

export interface BillLine {
  item: string;
  tokens: number | null;
  usdPerMillionTokens: number | null;
  usd: number;
  note: string;
}

export interface Bill {
  modelId: string;
  provider: string;
  contextTier: ContextTier | null;
  lines: BillLine[];
  totalUsd: number;
  usdPerRequest: number;
  requestCount: number;
}

const FRACTIONS = ["cacheHitFraction", "cacheWriteFraction", "cacheWriteOneHourFraction", "batchShareFraction", "overheadFraction", "discountFraction"] as const;

/** Checks ranges; issues name the offending field. */
export function validateBillInput(input: BillInput): Issue[] {
  const issues: Issue[] = [];
  const bad = (field: string, value: unknown, allowed: string) => issues.push({ code: "out_of_range", field, value, allowed, message: `${field} must be ${allowed}, got ${String(value)}` });
  for (const field of ["inputTokens", "outputTokens", "cacheStorageHours"] as const) {
    const v = input[field];
    if (v !== undefined && !(Number.isFinite(v) && v >= 0)) bad(field, v, "a number >= 0");
  }
  if (input.requestCount !== undefined && !(Number.isInteger(input.requestCount) && input.requestCount >= 1)) bad("requestCount", input.requestCount, "an integer >= 1");
  if (input.contextPerRequestTokens !== undefined && !(Number.isFinite(input.contextPerRequestTokens) && input.contextPerRequestTokens > 0)) {
    bad("contextPerRequestTokens", input.contextPerRequestTokens, "a number > 0");
  }
  if (input.tokenizerInflation !== undefined && !(Number.isFinite(input.tokenizerInflation) && input.tokenizerInflation > 0 && input.tokenizerInflation <= 10)) {
    bad("tokenizerInflation", input.tokenizerInflation, "a number in (0, 10]");
  }
  for (const field of FRACTIONS) {
    const v = input[field];
    if (v !== undefined && !(Number.isFinite(v) && v >= 0 && v <= 1)) bad(field, v, "a fraction between 0 and 1");
  }
  if ((input.cacheHitFraction ?? 0) + (input.cacheWriteFraction ?? 0) + (input.cacheWriteOneHourFraction ?? 0) > 1 + 1e-12) {
    issues.push({
      code: "cache_fractions_exceed_one",
      field: input.cacheWriteOneHourFraction ? "cacheWriteOneHourFraction" : "cacheWriteFraction",
      message: "cache hits and cache writes (both TTLs) must not exceed 1 together",
    });
  }
  return issues;
}

/** The context tier a request of `contextTokens` input tokens falls in (whole request), or null for base rates. */
export function contextTierFor(row: PriceRow, contextTokens: number): ContextTier | null {
  return (
    [...row.contextTiers]
      .sort((a, b) => a.aboveInputTokens - b.aboveInputTokens)
      .filter((t) => contextTokens > t.aboveInputTokens)
      .at(-1) ?? null
  );
}

/**
 * Prices usage at `row`; `batch` is the provider's batch rule in force (needed when batchShareFraction > 0).
 * Order: tokenizer inflation -> context tier (whole request) -> cache split -> batch -> overhead and discount.
 */
export function computeBill(row: PriceRow, input: BillInput, batch: TierRule | null): Result<Bill> {
  const issues = validateBillInput(input);
  if (issues.length > 0) return fail(...issues);
  const warnings: Issue[] = [];
  const requestCount = input.requestCount ?? 1;
  const inflation = input.tokenizerInflation ?? 1;
  const hit = input.cacheHitFraction ?? 0;
  const write = input.cacheWriteFraction ?? 0;
  const writeOneHour = input.cacheWriteOneHourFraction ?? 0;
  const batchShare = input.batchShareFraction ?? 0;
  const inputTokens = input.inputTokens * inflation;
  const outputTokens = input.outputTokens * inflation;
  const contextTokens = (input.contextPerRequestTokens ?? input.inputTokens / requestCount) * inflation;

  const window = row.contextWindowTokens;
  const requestTokens = contextTokens + outputTokens / requestCount;
  if (window !== undefined && requestTokens > window) {
    warnings.push({
      code: "exceeds_context_window",
      field: input.contextPerRequestTokens === undefined ? "requestCount" : "contextPerRequestTokens",
      requestTokens,
      contextWindowTokens: window,
      message: `one request would hold ${Math.round(requestTokens)} tokens, more than ${row.modelId}'s ${window}-token context window: spread the tokens over more requests`,
    });
  }
  const tier = contextTierFor(row, contextTokens);
  const inputRate = tier?.inputUsdPerMillionTokens ?? row.inputUsdPerMillionTokens;
  const outputRate = tier ? tier.outputUsdPerMillionTokens : row.outputUsdPerMillionTokens;
  let readRate = tier?.cacheReadUsdPerMillionTokens ?? row.cacheReadUsdPerMillionTokens;
  const writeRate = tier?.cacheWriteUsdPerMillionTokens ?? row.cacheWriteUsdPerMillionTokens;
  const writeOneHourRate = tier?.cacheWriteOneHourUsdPerMillionTokens ?? row.cacheWriteOneHourUsdPerMillionTokens;
  if (writeOneHour > 0 && writeOneHourRate === undefined) {
    return fail({ code: "no_one_hour_cache", field: "cacheWriteOneHourFraction", message: `${row.provider} lists no 1-hour cache-write price for ${row.modelId} on this date` });
  }
  if (outputTokens > 0 && outputRate === null) {
    return fail({ code: "no_output_price", message: `${row.modelId} has no output price (embedding model): bill no output tokens` });
  }
  if (hit > 0 && readRate === undefined) {
    warnings.push({ code: "no_cache_price", message: `${row.provider} lists no cache-read price for ${row.modelId}: cache hits billed as input` });
    readRate = inputRate;
  }
  if (batchShare > 0 && !batch) {
    return fail({ code: "no_batch_tier", field: "batchShareFraction", message: `${row.provider} has no batch tier for ${row.modelId} on this date` });
  }
  const tierNote = tier ? `request > ${tier.aboveInputTokens.toLocaleString("en-US")} input tokens: long-context rate on the whole request` : "";

  const readTokens = inputTokens * hit;
  const writeTokens = inputTokens * write;
  const writeOneHourTokens = inputTokens * writeOneHour;
  const freshTokens = inputTokens - readTokens - writeTokens - writeOneHourTokens;
  const lines: BillLine[] = [];
  const line = (item: string, tokens: number | null, rate: number | null, usd: number, note = "") => lines.push({ item, tokens, usdPerMillionTokens: rate, usd, note });

  const freshUsd = (freshTokens * inputRate) / MILLION;
  line("input", freshTokens, inputRate, freshUsd, tierNote);
  const readUsd = (readTokens * (readRate ?? 0)) / MILLION;
  if (hit > 0) line("cache read", readTokens, readRate ?? null, readUsd);
  const effectiveWriteRate = writeRate ?? inputRate;
  const writeUsd = (writeTokens * effectiveWriteRate) / MILLION;
  if (write > 0) line("cache write", writeTokens, effectiveWriteRate, writeUsd, writeRate === undefined ? "no write fee: input rate" : "");
  const writeOneHourUsd = (writeOneHourTokens * (writeOneHourRate ?? 0)) / MILLION;
  if (writeOneHour > 0) line("cache write 1h", writeOneHourTokens, writeOneHourRate ?? null, writeOneHourUsd, "one-hour TTL");
  const hours = input.cacheStorageHours ?? 0;
  if (hours > 0) {
    const storedTokens = contextTokens * hit;
    const storageRate = row.cacheStorageUsdPerMillionTokensPerHour;
    if (storageRate === undefined) warnings.push({ code: "no_storage_price", message: `no cache storage price for ${row.modelId}` });
    else line("cache storage", storedTokens, storageRate, (storedTokens * storageRate * hours) / MILLION, `${hours} h of the cached prefix`);
  }
  const outputUsd = (outputTokens * (outputRate ?? 0)) / MILLION;
  line("output", outputTokens, outputRate, outputUsd, tierNote);

  if (batchShare > 0 && batch) {
    const cacheUsd = readUsd + writeUsd + writeOneHourUsd;
    const saved = freshUsd * (1 - batch.inputMultiplier) + outputUsd * (1 - batch.outputMultiplier) + (batch.appliesToCache ? cacheUsd * (1 - batch.inputMultiplier) : 0);
    line("batch discount", null, null, -batchShare * saved, `${Math.round(batchShare * 100)}% of traffic at ${batch.inputMultiplier}x input, ${batch.outputMultiplier}x output${batch.appliesToCache ? ", cache included" : ""}`);
  }
  const subtotal = lines.reduce((sum, l) => sum + l.usd, 0);
  if ((input.overheadFraction ?? 0) > 0) line("overhead", null, null, subtotal * input.overheadFraction!, `${input.overheadFraction! * 100}% of subtotal`);
  if ((input.discountFraction ?? 0) > 0) line("discount", null, null, -subtotal * input.discountFraction!, `${input.discountFraction! * 100}% of subtotal`);
  const totalUsd = lines.reduce((sum, l) => sum + l.usd, 0);
  return ok({ modelId: row.modelId, provider: row.provider, contextTier: tier, lines, totalUsd, usdPerRequest: totalUsd / requestCount, requestCount }, warnings);
}
