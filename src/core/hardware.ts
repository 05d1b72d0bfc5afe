// The accelerator schema (dense peaks, memory, links, TDP, dated prices) and the Source of every catalog number.
import { z } from "zod";
import { ComputePrecision } from "./precision.js";

/** Where a catalog number comes from. */
export const Source = z.strictObject({
  url: z.string().url(),
  retrievedDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  note: z.string().optional(),
});
export type Source = z.infer<typeof Source>;

/** A link class between accelerators: bandwidth per accelerator per direction, latency per message. */
export const Link = z.strictObject({
  name: z.string(),
  bandwidthBytesPerSecond: z.number().positive(),
  latencySeconds: z.number().nonnegative(),
});
export type Link = z.infer<typeof Link>;

/**
 * How an hourly price is had: on-demand, reserved (a committed term), spot (interruptible), or amortized (not a
 * rental: a purchase spread over its life plus power, for hardware nobody rents by the hour).
 */
export const RentalKind = z.enum(["on-demand", "reserved", "spot", "amortized"]);
export type RentalKind = z.infer<typeof RentalKind>;

export const RentalPrice = z.strictObject({
  kind: RentalKind,
  usdPerHour: z.number().positive(),
  provider: z.string(),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  source: Source,
});
export type RentalPrice = z.infer<typeof RentalPrice>;

/** One accelerator (GPU, Apple SoC or server CPU) with dense peaks only. */
export const Accelerator = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  name: z.string(),
  vendor: z.enum(["nvidia", "amd", "apple", "intel"]),
  kind: z.enum(["gpu", "soc", "cpu"]),
  /** Efficiency profiles are keyed by family: hopper, blackwell, ampere, ada, cdna2, cdna3, cdna4, apple-m, xeon, ... */
  family: z.string(),
  releaseDate: z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/),
  /** Dense (not 2:4 sparse) peak FLOP/s per format; a missing format is unsupported. */
  denseFlopsPerSecond: z.partialRecord(ComputePrecision, z.number().positive()),
  memoryBytes: z.number().positive(),
  memoryBandwidthBytesPerSecond: z.number().positive(),
  /** Scale-up fabric (NVLink/NVSwitch, Infinity Fabric, PCIe), and how many accelerators share it. */
  scaleUp: Link.extend({ domainSize: z.number().int().positive() }),
  /** Scale-out network per accelerator (InfiniBand/RoCE/Ethernet); null when none is typical. */
  scaleOut: Link.nullable(),
  tdpWatts: z.number().positive(),
  /** Purchase price in USD (street or list), when known. */
  purchaseUsd: z.number().positive().optional(),
  rental: z.array(RentalPrice).min(1),
  sources: z.array(Source).min(1),
});
export type Accelerator = z.infer<typeof Accelerator>;

/** Kinds tried, in order, when an accelerator has no row of the kind asked for: real rentals before amortized. */
const FALLBACK_KINDS: readonly RentalKind[] = ["on-demand", "reserved", "spot", "amortized"];

/**
 * The rental row to cost an accelerator at: the newest row of `kind` (default on-demand) dated on or before
 * `date` (default: any date), else the newest of that kind, else the same for on-demand, reserved, spot, amortized.
 */
export function selectRental(accelerator: Accelerator, kind: RentalKind = "on-demand", date?: string): RentalPrice {
  const newestFirst = [...accelerator.rental].sort((a, b) => b.date.localeCompare(a.date));
  for (const k of [kind, ...FALLBACK_KINDS.filter((f) => f !== kind)]) {
    const ofKind = newestFirst.filter((r) => r.kind === k);
    const row = (date === undefined ? undefined : ofKind.find((r) => r.date <= date)) ?? ofKind[0];
    if (row) return row;
  }
  return newestFirst[0]!;
}

/** The hourly rental price to use by default: selectRental's on-demand row (USD per accelerator-hour). */
export function defaultUsdPerHour(accelerator: Accelerator): number {
  return selectRental(accelerator).usdPerHour;
}
