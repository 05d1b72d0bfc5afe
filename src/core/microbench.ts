// The microbenchmark schema: achieved dense-GEMM FLOP/s per format and achieved memory bandwidth of one accelerator,
// each figure measured (with its source) or derived from the datasheet with a stated fraction of a measured sibling.
import { z } from "zod";
import { Source } from "./hardware.js";
import { ComputePrecision } from "./precision.js";

/** "measured": a published measurement of this device; "derived": datasheet peak x a fraction measured elsewhere. */
export const MicrobenchKind = z.enum(["measured", "derived"]);
export type MicrobenchKind = z.infer<typeof MicrobenchKind>;

/** How a derived figure was made: datasheet peak x fraction, the fraction taken from `siblingId` when there is one. */
export const Derivation = z.strictObject({
  fraction: z.number().gt(0).max(1),
  /** The device the fraction was measured on (a catalog id or a plain name); absent when the fraction is an assumption. */
  siblingId: z.string().min(1).optional(),
});
export type Derivation = z.infer<typeof Derivation>;

const derivedHasDerivation = (f: { kind: MicrobenchKind; derivation?: Derivation | undefined }) => (f.kind === "derived") === (f.derivation !== undefined);
const derivationMessage = { message: 'derivation: required for kind "derived", absent for "measured"' };

/** Achieved large dense GEMM throughput in one format (the best large square-ish shape, not a model's shapes). */
export const AchievedGemm = z
  .strictObject({
    format: ComputePrecision,
    achievedFlopsPerSecond: z.number().positive(),
    kind: MicrobenchKind,
    derivation: Derivation.optional(),
    source: Source,
  })
  .refine(derivedHasDerivation, derivationMessage);
export type AchievedGemm = z.infer<typeof AchievedGemm>;

/** Achieved device-memory bandwidth (STREAM/BabelStream-style, read or copy kernel, as the source measured it). */
export const AchievedBandwidth = z
  .strictObject({
    achievedBytesPerSecond: z.number().positive(),
    kind: MicrobenchKind,
    derivation: Derivation.optional(),
    source: Source,
  })
  .refine(derivedHasDerivation, derivationMessage);
export type AchievedBandwidth = z.infer<typeof AchievedBandwidth>;

/** Microbenchmark figures for one catalog accelerator. */
export const Microbench = z.strictObject({
  acceleratorId: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  gemm: z.array(AchievedGemm).min(1),
  memoryBandwidth: AchievedBandwidth,
});
export type Microbench = z.infer<typeof Microbench>;

/** Achieved over peak (0-1 when the figure respects its datasheet), for either kind of figure. */
export function achievedFraction(achieved: number, peak: number): number {
  if (!(peak > 0)) throw new Error(`peak: ${peak}`);
  return achieved / peak;
}

/** The GEMM figure for a format, or undefined when the row has none. */
export function gemmFor(row: Microbench, format: ComputePrecision): AchievedGemm | undefined {
  return row.gemm.find((g) => g.format === format);
}
