// Scenario files (JSON, YAML or standard input): read, validate (every scenario before any output), resolve and predict.
import { existsSync } from "node:fs";
import { dirname, isAbsolute, resolve } from "node:path";
import type { PredictInput } from "../core/predict.js";
import type { PredictionEvaluation } from "../core/evaluation.js";
import { chooseRental, type PriceKind, type RentalUsed } from "../catalog/rental.js";
import type { Prediction } from "../core/scenario.js";
import { explain, resolveEach } from "../app/predict.js";
import type { ModelSource } from "../catalog/resolve.js";
import { parse as parseYaml } from "yaml";
import { UsageError } from "./io.js";
import { readTextBounded } from "./read-bounded.js";

/** True for a path that names YAML (.yaml or .yml); every other file is read as JSON. */
const isYamlPath = (path: string) => /\.ya?ml$/i.test(path);

/**
 * Parses a file's text as JSON, or as YAML when its name ends in .yaml/.yml or, for standard input ("-"),
 * when the text does not start like JSON; errors name the file and the format.
 */
export function parseDataText(text: string, path: string, what = "file"): unknown {
  const yaml = isYamlPath(path) || (path === "-" && !/^\s*[[{]/.test(text));
  try {
    return yaml ? parseYaml(text) : JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${what} ${path === "-" ? "(standard input)" : path}: not valid ${yaml ? "YAML" : "JSON"} (${(error as Error).message})`);
  }
}

/** Reads a JSON or YAML file (see parseDataText), turning I/O and syntax errors into messages that name the file. */
export function readJsonFile(path: string, what = "file"): unknown {
  let text: string;
  try {
    text = readTextBounded(path, `${what} ${path}`);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`${what} ${path}: cannot read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  return parseDataText(text, path, what);
}

/** Standard input as text, bounded like a file. */
function readStandardInput(): string {
  try {
    return readTextBounded(0, "scenario (standard input)");
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`scenario (standard input): cannot read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
}

/** A model field names a file when it ends in .json or points at an existing path; catalog ids never do. */
function modelFile(model: string, baseDir: string): ModelSource | undefined {
  const looksLikePath = model.endsWith(".json") || model.startsWith(".") || isAbsolute(model);
  if (!looksLikePath) return undefined;
  const path = isAbsolute(model) ? model : resolve(baseDir, model);
  if (!existsSync(path)) throw new UsageError(`model: config file ${model} not found (looked at ${path})`);
  return { config: readJsonFile(path, "config.json"), origin: model };
}

export { resolveEach };

/** Validates and resolves raw scenario objects; any problem in any of them fails the whole batch. */
export function resolveScenarios(raw: unknown, baseDir: string): PredictInput[] {
  if (Array.isArray(raw) && raw.length === 0) throw new UsageError("scenario file: the array is empty");
  const { inputs, problems } = resolveEach(raw, (model) => modelFile(model, baseDir));
  if (problems.length) throw new UsageError(problems.join("\n"));
  return inputs;
}

/**
 * Loads a scenario file (object or array) and predicts each scenario. A scenario that gives no hourly price is
 * costed at its accelerator's catalog rental row of `priceKind` when `priceKind` or `gridGramsCo2PerKwh` (from
 * --grid, which also fills the carbon intensity of scenarios that state none) is given; `rentals[i]` names that row.
 */
export function predictFile(
  path: string,
  gridGramsCo2PerKwh?: number,
  readStdin: () => string = readStandardInput,
  priceKind?: PriceKind,
): { predictions: Prediction[]; evaluations: PredictionEvaluation[]; inputs: PredictInput[]; isArray: boolean; rentals: Array<RentalUsed | null> } {
  // "-" reads the scenario from standard input; its model files resolve against the working directory
  const raw = path === "-" ? parseDataText(readStdin(), "-", "scenario") : readJsonFile(path, "scenario file");
  const rentals: Array<RentalUsed | null> = [];
  const inputs = resolveScenarios(raw, path === "-" ? process.cwd() : dirname(resolve(path))).map((input) => {
    const given = input.scenario.pricing?.usdPerAcceleratorHour;
    const fill = given === undefined && (priceKind !== undefined || gridGramsCo2PerKwh !== undefined);
    const rental = fill ? chooseRental(input.accelerator, priceKind) : null;
    rentals.push(rental);
    if (!rental && gridGramsCo2PerKwh === undefined) return input;
    const pricing = { utilization: 1, pue: 1, ...input.scenario.pricing, usdPerAcceleratorHour: given ?? rental!.usdPerHour };
    const gridGramsCo2 = input.scenario.pricing?.gridGramsCo2PerKwh ?? gridGramsCo2PerKwh;
    return { ...input, scenario: { ...input.scenario, pricing: { ...pricing, ...(gridGramsCo2 === undefined ? {} : { gridGramsCo2PerKwh: gridGramsCo2 }) } } };
  });
  const explained = inputs.map(explain);
  return { predictions: explained.map((x) => x.prediction), evaluations: explained.map((x) => x.evaluation), inputs, isArray: Array.isArray(raw), rentals };
}
