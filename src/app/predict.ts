// predict: scenarios validated and resolved against the catalogs (every problem collected with where it is), then
// the engine's prediction with the evaluation behind it (plan, operating point, per-operator step, what binds).
import { type PredictInput, predict } from "../core/predict.js";
import { type Explained, predictExplained } from "../core/evaluation.js";
import type { Prediction } from "../core/scenario.js";
import { parseScenario } from "../core/validate.js";
import { type ModelSource, resolveScenario } from "../catalog/resolve.js";

/**
 * Validates and resolves a raw scenario (or an array of them), collecting every problem with where it is;
 * `modelSource` gives a scenario's model file (undefined: the catalog) or a problem with it.
 */
export function resolveEach(raw: unknown, modelSource: (model: string, where: string) => ModelSource | string | undefined): { inputs: PredictInput[]; problems: string[] } {
  const list = Array.isArray(raw) ? raw : [raw];
  const inputs: PredictInput[] = [];
  const problems: string[] = [];
  list.forEach((item, index) => {
    const where = Array.isArray(raw) ? `scenario[${index}]` : "scenario";
    const parsed = parseScenario(item, where);
    if (!parsed.ok) return void problems.push(...parsed.issues.map((i) => i.message));
    const source = modelSource(parsed.value.model, where);
    if (typeof source === "string") return void problems.push(source);
    const resolved = resolveScenario(parsed.value, source);
    if (!resolved.ok) return void problems.push(...resolved.issues.map((i) => (i.message.startsWith(where) ? i.message : `${where}.${i.message}`)));
    inputs.push(resolved.value);
  });
  return { inputs, problems };
}
/** The prediction of each resolved scenario. */
export function predictAll(inputs: readonly PredictInput[]): Prediction[] {
  return inputs.map(predict);
}

/** The prediction and the evaluation it came from: what `predict --explain` and the web's roofline format. */
export function explain(input: PredictInput): Explained {
  return predictExplained(input);
}
