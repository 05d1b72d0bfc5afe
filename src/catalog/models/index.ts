import type { CheckpointEntry, ModelEntry } from "../model-entry.js";
import { CHECKPOINTS as CHECKPOINT_ROWS } from "./checkpoints.js";
import { DEEPSEEK_MODELS } from "./deepseek.js";
import { ENCODER_MODELS } from "./encoders.js";
import { GEMMA_MODELS } from "./gemma.js";
import { LLAMA_MODELS } from "./llama.js";
import { nearestIn, resolveIn, type ResolvedModel } from "./lookup.js";
import { MISTRAL_MODELS } from "./mistral.js";
import { OPENAI_MODELS } from "./openai.js";
import { QWEN_MODELS } from "./qwen.js";

export type { ResolvedModel } from "./lookup.js";

/** Every shipped model architecture, each its Hugging Face config.json with a source. */
export const MODELS: readonly ModelEntry[] = [...LLAMA_MODELS, ...QWEN_MODELS, ...MISTRAL_MODELS, ...GEMMA_MODELS, ...DEEPSEEK_MODELS, ...OPENAI_MODELS, ...ENCODER_MODELS];

/** Quantized checkpoints, each pointing at a base in MODELS with its own precision. */
export const CHECKPOINTS: readonly CheckpointEntry[] = CHECKPOINT_ROWS;

/**
 * Resolves a Hugging Face repo id (case-insensitive; model id, alias or checkpoint id; the org prefix may be
 * left out when only one entry carries that name) to its architecture and, for a checkpoint, its precision.
 */
export function resolveModelId(id: string): ResolvedModel | undefined {
  return resolveIn(MODELS, CHECKPOINTS, id);
}

/** The n (default 3) catalog ids closest to a query, for "unknown model" suggestions. */
export function nearestModelIds(query: string, n = 3): string[] {
  return nearestIn(MODELS, CHECKPOINTS, query, n);
}
