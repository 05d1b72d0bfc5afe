import { z } from "zod";
import { ComputePrecision } from "../core/precision.js";
import { Source } from "../core/hardware.js";

/** One published large-scale training run and the model FLOPs utilization it reported (or implied). */
export const TrainingMfuRow = z.strictObject({
  id: z.string(),
  run: z.string(),
  /** Accelerator family as in the accelerator catalog (hopper, ampere, volta, tpu-v4, ...). */
  family: z.string(),
  accelerator: z.string(),
  acceleratorCount: z.number().int().positive(),
  precision: ComputePrecision,
  mfuFraction: z.number().gt(0).lte(1),
  /** Reported by the authors, or derived by us from their reported FLOPs and accelerator-hours. */
  kind: z.enum(["reported", "derived"]),
  source: Source,
});
export type TrainingMfuRow = z.infer<typeof TrainingMfuRow>;

const D = "2026-11-22";
const PALM = "https://arxiv.org/abs/2204.02311";

/** Published MFUs of large training runs; defaults per accelerator family come from here. */
export const TRAINING_MFU: TrainingMfuRow[] = [
  {
    id: "palm-540b",
    run: "PaLM 540B",
    family: "tpu-v4",
    accelerator: "TPU v4",
    acceleratorCount: 6144,
    precision: "bf16",
    mfuFraction: 0.462,
    kind: "reported",
    source: { url: "https://leonericsson.github.io/blog/2023-08-22-palm", retrievedDate: D, note: `PaLM (Chowdhery et al. 2022, ${PALM}) Table 3: 238.3K tokens/s, 46.2% MFU (57.8% HFU with rematerialization).` },
  },
  {
    id: "gpt3-175b",
    run: "GPT-3 175B",
    family: "volta",
    accelerator: "V100",
    acceleratorCount: 1024,
    precision: "fp16",
    mfuFraction: 0.213,
    kind: "reported",
    source: { url: PALM, retrievedDate: D, note: "PaLM paper Table 3 (MFU of prior models, computed by the PaLM authors); GPU count is the PaLM table's assumption." },
  },
  {
    id: "gopher-280b",
    run: "Gopher 280B",
    family: "tpu-v3",
    accelerator: "TPU v3",
    acceleratorCount: 4096,
    precision: "bf16",
    mfuFraction: 0.325,
    kind: "reported",
    source: { url: PALM, retrievedDate: D, note: "PaLM paper Table 3." },
  },
  {
    id: "mt-nlg-530b",
    run: "Megatron-Turing NLG 530B",
    family: "ampere",
    accelerator: "A100",
    acceleratorCount: 2240,
    precision: "bf16",
    mfuFraction: 0.302,
    kind: "reported",
    source: { url: PALM, retrievedDate: D, note: "PaLM paper Table 3." },
  },
  {
    id: "megascale-175b",
    run: "MegaScale 175B (ByteDance)",
    family: "ampere",
    accelerator: "A100",
    acceleratorCount: 12288,
    precision: "bf16",
    mfuFraction: 0.552,
    kind: "reported",
    source: {
      url: "https://study.space/p/MegaScale%3A_Scaling_Large_Language_Model_Training_to_More_Than_10%2C_000_GPUs",
      retrievedDate: D,
      note: "Jiang et al. 2024 (arXiv 2402.15627): 55.2% MFU training a 175B model on 12,288 GPUs, 1.34x Megatron-LM.",
    },
  },
  {
    id: "llama3-405b",
    run: "Llama 3 405B",
    family: "hopper",
    accelerator: "H100 SXM",
    acceleratorCount: 16384,
    precision: "bf16",
    mfuFraction: 0.41,
    kind: "reported",
    source: {
      url: "https://arxiv.org/abs/2407.21783",
      retrievedDate: D,
      note: "The Llama 3 Herd of Models, Table 4: 38-43% BF16 MFU across 8K-16K GPU configurations; 0.41 is the midpoint. Also quoted at https://news.barelyhuman.xyz/item/43598691.",
    },
  },
  {
    id: "llama4-fp8",
    run: "Llama 4 (Behemoth pre-training)",
    family: "hopper",
    accelerator: "H100 SXM",
    acceleratorCount: 32000,
    precision: "fp8",
    mfuFraction: 0.197,
    kind: "reported",
    source: {
      url: "https://ai.meta.com/blog/llama-4-multimodal-intelligence/",
      retrievedDate: D,
      note: "Meta reports 390 TFLOPs/GPU in FP8 on 32K GPUs; 390 / 1979 dense FP8 peak = 19.7% (computation quoted at https://news.barelyhuman.xyz/item/43598691).",
    },
  },
  {
    id: "deepseek-v3",
    run: "DeepSeek-V3 (671B MoE, 37B active)",
    family: "hopper",
    accelerator: "H800",
    acceleratorCount: 2048,
    precision: "fp8",
    mfuFraction: 0.173,
    kind: "derived",
    source: {
      url: "https://www.researchpapers.dev/en/papers/deepseek-v3/",
      retrievedDate: D,
      note: "Derived: 6 x 37e9 active x 14.8e12 tokens = 3.286e24 FLOPs over 2.664M H800-hours of pre-training (arXiv 2412.19437) = 3.43e14 FLOP/s per GPU = 17.3% of 1979 TFLOP/s dense FP8 (34.6% of BF16 peak); attention FLOPs excluded.",
    },
  },
];

/** A default MFU and the rows it came from. */
export interface MfuDefault {
  mfuFraction: number;
  rows: TrainingMfuRow[];
  /** How the default was chosen: same family and format, same family, or the overall fallback. */
  basis: "family-and-precision" | "family" | "fallback";
}

/** The Llama 3 BF16 H100 figure: the best-documented recent large dense run, used when a family has no row. */
export const FALLBACK_MFU_ROW_ID = "llama3-405b";

/**
 * Default training MFU for an accelerator family and compute format: the median of the published runs on that
 * family and format, else on that family, else the Llama 3 405B figure (0.41).
 */
export function defaultTrainingMfu(family: string, precision: ComputePrecision): MfuDefault {
  const sameFamily = TRAINING_MFU.filter((r) => r.family === family);
  const exact = sameFamily.filter((r) => r.precision === precision);
  if (exact.length > 0) return { mfuFraction: median(exact.map((r) => r.mfuFraction)), rows: exact, basis: "family-and-precision" };
  if (sameFamily.length > 0) return { mfuFraction: median(sameFamily.map((r) => r.mfuFraction)), rows: sameFamily, basis: "family" };
  const fallback = TRAINING_MFU.find((r) => r.id === FALLBACK_MFU_ROW_ID)!;
  return { mfuFraction: fallback.mfuFraction, rows: [fallback], basis: "fallback" };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
