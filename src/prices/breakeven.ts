// Self-hosting versus a hosted API: the monthly token volume above which renting accelerators is cheaper,
// and whether the rented system can serve that volume at a given utilization.
import { type Accelerator, selectRental } from "../core/hardware.js";
import type { PriceKind } from "../catalog/rental.js";
import { fail, ok, type Issue, type Result } from "../core/result.js";
import { priceAt, type PriceBook, type PriceQuote } from "./book.js";
import { evaluateConfig, FLOOR_DEFAULTS, type FloorConfig, type Workload } from "./cost-floor.js";
import { computeTco, type Tco } from "./tco.js";

/** Average hours in a month (8760 / 12). */
export const HOURS_PER_MONTH = 730;
export const DEFAULT_INPUT_SHARE = 0.75;
export const DEFAULT_UTILIZATIONS = [0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1] as const;
/** Counts tried when the requested count never wins. */
export const COUNT_SEARCH = [1, 2, 4, 8, 16, 32, 64] as const;

/** USD per million tokens of a mix: share F at the input rate, the rest at the output rate. */
export function blendedUsdPerMillionTokens(inputUsd: number, outputUsd: number, inputShareFraction: number): number {
  return inputShareFraction * inputUsd + (1 - inputShareFraction) * outputUsd;
}

export interface BreakevenRow {
  utilizationFraction: number;
  /** Tokens (input + output) the system serves in a month at this utilization. */
  capacityTokensPerMonth: number;
  /** Fixed monthly cost / blended API price: the same at every utilization for rented hardware. */
  breakevenTokensPerMonth: number;
  /** Whether the system can serve the breakeven volume at this utilization. */
  feasible: boolean;
  /** Self-hosting cost per million tokens when the system is busy this share of the time. */
  selfHostUsdPerMillionTokens: number;
  /** Smallest searched count that would win at this utilization (null when feasible, or none up to 64). */
  minimumWinningCount: number | null;
}

/** The table at each utilization, from the fixed cost, the API's blended price and the full-time capacity. */
export function breakevenRows(monthlyFixedUsd: number, apiUsdPerMillionTokens: number, fullCapacityTokensPerMonth: number, utilizations: readonly number[]): Omit<BreakevenRow, "minimumWinningCount">[] {
  const breakevenTokensPerMonth = (monthlyFixedUsd / apiUsdPerMillionTokens) * 1e6;
  return utilizations.map((u) => {
    const capacityTokensPerMonth = fullCapacityTokensPerMonth * u;
    return {
      utilizationFraction: u,
      capacityTokensPerMonth,
      breakevenTokensPerMonth,
      feasible: breakevenTokensPerMonth <= capacityTokensPerMonth,
      selfHostUsdPerMillionTokens: (monthlyFixedUsd / capacityTokensPerMonth) * 1e6,
    };
  });
}

export interface BreakevenOptions {
  /** Catalog id of the open model (already resolved). */
  openModelId: string;
  accelerator: Accelerator;
  count: number;
  /** API model name as the price book knows it. */
  apiModel: string;
  provider?: string;
  /** Date of the API price and of the rental row (YYYY-MM-DD). */
  date: string;
  inputShareFraction?: number;
  /** Overrides the accelerator's rental price. */
  usdPerHour?: number;
  /** Which dated rental row prices the accelerator (default on-demand; see selectRental for the fallback). */
  priceKind?: PriceKind;
  utilizations?: readonly number[];
  outputTokens?: number;
  /** Output tokens/s per user for the capacity (SLO mode); null = offline maximum throughput. */
  interactivityTokensPerSecond?: number | null;
}

export interface Breakeven {
  openModelId: string;
  acceleratorId: string;
  count: number;
  workload: Workload;
  inputShareFraction: number;
  api: { modelId: string; provider: string; date: string; inputUsdPerMillionTokens: number; outputUsdPerMillionTokens: number; blendedUsdPerMillionTokens: number; sourceUrl: string; warnings: string[] };
  /** The rental row used; `requestedKind` is --price-kind, and `kind` differs from it where the accelerator has no such row. */
  rent: { usdPerHour: number; kind: string; requestedKind: PriceKind; provider: string; date: string; sourceUrl: string; note: string };
  tco: Tco;
  monthlyFixedUsd: number;
  /** Engine configuration at full use (utilization 1). */
  capacity: FloorConfig;
  fullCapacityTokensPerMonth: number;
  /** Lowest utilization at which self-hosting wins: breakeven volume / full-time capacity (may exceed 1: never). */
  breakevenUtilizationFraction: number;
  rows: BreakevenRow[];
}

/** The workload whose input:output token ratio is the API mix: F / (1 - F) prompt tokens per generated token. */
export function workloadForShare(inputShareFraction: number, outputTokens: number, interactivity: number | null): Workload {
  return {
    inputTokens: Math.round((outputTokens * inputShareFraction) / (1 - inputShareFraction)),
    outputTokens,
    interactivityTokensPerSecond: interactivity,
    ttftSeconds: FLOOR_DEFAULTS.ttftSeconds,
    percentile: FLOOR_DEFAULTS.percentile,
  };
}

function capacityAt(openModelId: string, accelerator: Accelerator, count: number, workload: Workload, usdPerHour: number): Result<{ config: FloorConfig; tokensPerMonth: number }> {
  const e = evaluateConfig(openModelId, accelerator, count, workload, 1, usdPerHour);
  if (!e.ok) return fail({ code: "does_not_serve", message: `${openModelId} on ${count}x ${accelerator.id}: ${e.reason}`, count });
  return ok({ config: e.config, tokensPerMonth: (e.config.outputTokensPerSecond + e.config.inputTokensPerSecond) * 3600 * HOURS_PER_MONTH });
}

/** Breakeven of self-hosting `openModelId` on count x accelerator against an API model, across utilizations. */
export function computeBreakeven(book: PriceBook, o: BreakevenOptions): Result<Breakeven> {
  const share = o.inputShareFraction ?? DEFAULT_INPUT_SHARE;
  if (!(share >= 0 && share < 1)) return fail({ code: "out_of_range", field: "inputShareFraction", message: `input share must be a fraction in [0, 1), got ${share}` });
  const quote = priceAt(book, o.apiModel, o.date, o.provider);
  if (!quote.ok) return quote;
  const row = quote.value.row;
  if (row.outputUsdPerMillionTokens === null) {
    return fail({ code: "not_generative", model: quote.value.modelId, message: `${quote.value.modelId} is an embedding model (no output price); compare a chat model` });
  }
  const apiBlended = blendedUsdPerMillionTokens(row.inputUsdPerMillionTokens, row.outputUsdPerMillionTokens, share);
  if (!(apiBlended > 0)) return fail({ code: "free_api", message: `${quote.value.modelId} costs nothing on ${o.date}: self-hosting never wins` });

  const requestedKind = o.priceKind ?? "on-demand";
  const rental = selectRental(o.accelerator, requestedKind, o.date);
  const usdPerHour = o.usdPerHour ?? rental.usdPerHour;
  const tco = computeTco({ acquisition: { kind: "rent", usdPerHour, pricing: rental.kind, date: rental.date } });
  if (!tco.ok) return tco;
  const workload = workloadForShare(share, o.outputTokens ?? FLOOR_DEFAULTS.outputTokens, o.interactivityTokensPerSecond === undefined ? FLOOR_DEFAULTS.interactivityTokensPerSecond : o.interactivityTokensPerSecond);
  const capacity = capacityAt(o.openModelId, o.accelerator, o.count, workload, tco.value.usdPerHour);
  if (!capacity.ok) return capacity;
  const monthly = (n: number) => n * HOURS_PER_MONTH * tco.value.usdPerHour;
  const utilizations = o.utilizations ?? DEFAULT_UTILIZATIONS;
  const base = breakevenRows(monthly(o.count), apiBlended, capacity.value.tokensPerMonth, utilizations);

  // For utilizations where the requested count never wins: the smallest count (engine re-plans) that would.
  const perCount = new Map<number, number | null>();
  const capacityOf = (n: number): number | null => {
    if (!perCount.has(n)) {
      const c = capacityAt(o.openModelId, o.accelerator, n, workload, tco.value.usdPerHour);
      perCount.set(n, c.ok ? c.value.tokensPerMonth : null);
    }
    return perCount.get(n)!;
  };
  const rows: BreakevenRow[] = base.map((r) => {
    if (r.feasible) return { ...r, minimumWinningCount: null };
    const winner = COUNT_SEARCH.find((n) => {
      const cap = capacityOf(n);
      return cap !== null && (monthly(n) / apiBlended) * 1e6 <= cap * r.utilizationFraction;
    });
    return { ...r, minimumWinningCount: winner ?? null };
  });
  const warnings = quote.warnings.map((w: Issue) => w.message);
  const q: PriceQuote = quote.value;
  return ok({
    openModelId: o.openModelId,
    acceleratorId: o.accelerator.id,
    count: o.count,
    workload,
    inputShareFraction: share,
    api: {
      modelId: q.modelId,
      provider: q.provider,
      date: o.date,
      inputUsdPerMillionTokens: row.inputUsdPerMillionTokens,
      outputUsdPerMillionTokens: row.outputUsdPerMillionTokens,
      blendedUsdPerMillionTokens: apiBlended,
      sourceUrl: row.source.url,
      warnings,
    },
    rent: {
      usdPerHour,
      kind: o.usdPerHour === undefined ? rental.kind : "user",
      requestedKind,
      provider: o.usdPerHour === undefined ? rental.provider : "user",
      date: rental.date,
      sourceUrl: rental.source.url,
      note: o.usdPerHour === undefined ? (rental.source.note ?? "") : "price given by the user",
    },
    tco: tco.value,
    monthlyFixedUsd: monthly(o.count),
    capacity: capacity.value.config,
    fullCapacityTokensPerMonth: capacity.value.tokensPerMonth,
    breakevenUtilizationFraction: ((monthly(o.count) / apiBlended) * 1e6) / capacity.value.tokensPerMonth,
    rows,
  });
}
