// Choices the forms offer, straight from the catalogs and the zod enums (so a form can never offer a value the engine refuses).
import { Engine } from "../core/efficiency.js";
import { Precision } from "../core/precision.js";
import { ACCELERATORS } from "../catalog/accelerators/index.js";
import { CHECKPOINTS, MODELS } from "../catalog/models/index.js";
import { ENCODER_MODELS } from "../catalog/models/encoders.js";

export const ENGINE_OPTIONS: readonly string[] = Engine.options;
export const PRECISION_OPTIONS: readonly string[] = Precision.options;

/** Whether a catalog model is an embedding model: a shipped encoder or a model published for embeddings. */
export function isEmbeddingModel(id: string): boolean {
  return ENCODER_MODELS.some((m) => m.id === id) || /embedding/i.test(id);
}

/** Every catalog model and checkpoint, as {value: id, label: "name (id)"}. */
export function modelOptions(filter: "all" | "generate" | "embed" = "all"): Array<{ value: string; label: string }> {
  const models = MODELS.filter((m) => filter === "all" || (filter === "embed") === isEmbeddingModel(m.id)).map((m) => ({ value: m.id, label: `${m.name} (${m.id})` }));
  const checkpoints = filter === "embed" ? [] : CHECKPOINTS.map((c) => ({ value: c.id, label: `${c.id} (${c.precision.weights} checkpoint)` }));
  return [...models, ...checkpoints];
}

export function acceleratorOptions(): Array<{ value: string; label: string }> {
  return ACCELERATORS.map((a) => ({ value: a.id, label: `${a.name} (${a.id})` }));
}
