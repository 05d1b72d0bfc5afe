import { z } from "zod";
import { Source } from "../core/hardware.js";
import { Precision } from "../core/precision.js";
import { QuantizationFormat } from "../core/quantization.js";

/** The precision a checkpoint is released in (its config.json quantization_config), with where that was read. */
export const ReleasePrecision = z.strictObject({
  format: QuantizationFormat,
  /** Storage of the bulk of the linear weights (the experts when only they are quantized). */
  weights: Precision,
  /** Activation format the quantized GEMMs run with (bf16 for weight-only schemes). */
  activations: Precision,
  /** KV cache format the checkpoint declares; absent means the framework's default. */
  kvCache: Precision.optional(),
  source: Source,
});
export type ReleasePrecision = z.input<typeof ReleasePrecision>;

/** A shipped model: its Hugging Face config.json as published, and where it was read. */
export const ModelEntry = z.strictObject({
  /** Hugging Face repo id, e.g. meta-llama/Llama-3.3-70B-Instruct. */
  id: z.string(),
  /** Other repo ids that publish the same architecture (base vs instruct, renamed repos). */
  aliases: z.array(z.string()).default([]),
  /** Short display name. */
  name: z.string(),
  /** The config.json object exactly as published (only the fields that matter may be kept). */
  config: z.record(z.string(), z.unknown()),
  /** Parameter count the model card states, for cross-checking the engine's count. */
  statedParamCount: z.number().positive().optional(),
  /** Precision of the published checkpoint; absent for 16-bit releases (the default then applies). */
  releasePrecision: ReleasePrecision.optional(),
  source: Source,
});
export type ModelEntry = z.input<typeof ModelEntry>;

/** A quantized checkpoint that resolves to a base architecture with its own precision. */
export const CheckpointEntry = z.strictObject({
  id: z.string(),
  baseId: z.string(),
  precision: z.strictObject({
    weights: Precision,
    activations: Precision.optional(),
    kvCache: Precision.optional(),
  }),
  source: Source,
});
export type CheckpointEntry = z.input<typeof CheckpointEntry>;
