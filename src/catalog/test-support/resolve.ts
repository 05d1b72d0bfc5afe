// Tests' shorthand: a raw scenario resolved against the catalogs, or a thrown error listing the issues.
import type { PredictInput } from "../../core/predict.js";
import { resolveRawScenario } from "../resolve.js";

export function resolveOrThrow(raw: unknown): PredictInput {
  const resolved = resolveRawScenario(raw);
  if (!resolved.ok) throw new Error(JSON.stringify(resolved.issues));
  return resolved.value;
}
