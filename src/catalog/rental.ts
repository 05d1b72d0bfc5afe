// --price-kind: which dated rental row prices an accelerator (on-demand, reserved, spot), and how tables name it.
import { type Accelerator, type RentalKind, type RentalPrice, selectRental } from "../core/hardware.js";

/** The kinds a user may ask for; "amortized" rows are used only where an accelerator has no rental at all. */
export const PRICE_KINDS = ["on-demand", "reserved", "spot"] as const satisfies readonly RentalKind[];
export type PriceKind = (typeof PRICE_KINDS)[number];

/** The price an accelerator was costed at: a dated catalog row (or the user's price) and whether it is the kind asked for. */
export interface RentalUsed {
  usdPerHour: number;
  kind: RentalKind | "user";
  provider: string;
  /** The catalog row's date; null for a user's price. */
  date: string | null;
  sourceUrl: string | null;
  /** The kind asked for (--price-kind, default on-demand). */
  requestedKind: PriceKind;
  /** True when the accelerator has no row of the kind asked for and another kind stands in. */
  substituted: boolean;
}

/**
 * The one place a command picks an accelerator's hourly price: the user's price when given, else
 * selectRental's row of `kind` (newest on or before `date`; another kind when none, marked `substituted`).
 */
export function chooseRental(accelerator: Accelerator, kind: PriceKind = "on-demand", options: { date?: string | undefined; usdPerHour?: number | undefined; who?: string } = {}): RentalUsed {
  if (options.usdPerHour !== undefined) {
    return { usdPerHour: options.usdPerHour, kind: "user", provider: options.who ?? "user", date: null, sourceUrl: null, requestedKind: kind, substituted: false };
  }
  const row: RentalPrice = selectRental(accelerator, kind, options.date);
  return { usdPerHour: row.usdPerHour, kind: row.kind, provider: row.provider, date: row.date, sourceUrl: row.source.url, requestedKind: kind, substituted: row.kind !== kind };
}

/** USD per accelerator-hour by id at one price kind, for sweeps that take a price map (optimize, frontier). */
export function usdPerHourByKind(accelerators: readonly Accelerator[], kind: PriceKind = "on-demand", date?: string): Record<string, number> {
  return Object.fromEntries(accelerators.map((a) => [a.id, chooseRental(a, kind, { date }).usdPerHour]));
}

/** "$2.69/h on-demand, RunPod Secure Cloud, 2026-05-22", "$0.04/h amortized (no reserved row), ..." or "$3.00/h (--usd-per-hour)". */
export function rentalLabel(r: RentalUsed): string {
  const usd = `$${r.usdPerHour < 0.1 ? r.usdPerHour.toPrecision(2) : r.usdPerHour.toFixed(2)}/h`;
  if (r.kind === "user") return `${usd} (${r.provider})`;
  return `${usd} ${r.kind}${r.substituted ? ` (no ${r.requestedKind} row)` : ""}, ${r.provider}, ${r.date}`;
}

/** Parses a --price-kind value; null when it is not one of PRICE_KINDS. */
export function parsePriceKind(text: string): PriceKind | null {
  return (PRICE_KINDS as readonly string[]).includes(text) ? (text as PriceKind) : null;
}
