// Predict: the Predict form's query <-> a scenario object, and scenarios -> predictions exactly as `costcurve predict --json`.
import { z } from "zod";
import { defaultUsdPerHour } from "../../core/hardware.js";
import { Engine } from "../../core/efficiency.js";
import type { PredictInput } from "../../core/predict.js";
import { Precision } from "../../core/precision.js";
import type { Prediction, ScenarioInput } from "../../core/scenario.js";
import { findAccelerator } from "../../catalog/accelerators/index.js";
import { explain, resolveEach } from "../../app/predict.js";
import type { PredictionEvaluation } from "../../core/evaluation.js";
import { defaultEngineFor } from "../../catalog/engine-defaults.js";
import { HttpError } from "../http.js";

const num = z.coerce.number();

/** The Predict page's query parameters (also GET /api/predict); every one optional with a default. */
export const PredictQueryShape = {
  model: z.string().default("meta-llama/Llama-3.3-70B-Instruct"),
  accelerator: z.string().default("h100-sxm"),
  count: num.default(8),
  /** Without one, the workload kind's default engine (tei for embed, vllm for generate), as the CLI's sweeps use. */
  engine: Engine.optional(),
  weights: Precision.default("bf16"),
  activations: Precision.default("bf16"),
  kv: Precision.default("bf16"),
  kind: z.enum(["generate", "embed"]).default("generate"),
  input: num.default(1000),
  output: num.default(1000),
  mode: z.enum(["offline", "concurrency", "slo"]).default("concurrency"),
  concurrency: num.default(64),
  ttft: num.default(2),
  tpot: num.default(0.05),
  percentile: num.default(99),
  usd: num.optional(),
  utilization: num.default(1),
};
export const PredictQuery = z.object(PredictQueryShape);
export type PredictQuery = z.infer<typeof PredictQuery>;

/** Scenario field -> the form field that sets it, so messages name what the user touched. */
const FIELD_OF: Array<[RegExp, string]> = [
  [/^scenario\.model/, "model"],
  [/^scenario\.hardware\.accelerator/, "accelerator"],
  [/^scenario\.hardware\.count/, "count"],
  [/^scenario\.precision\.weights/, "weights"],
  [/^scenario\.precision\.activations/, "activations"],
  [/^scenario\.precision\.kvCache/, "kv"],
  [/^scenario\.workload\.inputTokens/, "input"],
  [/^scenario\.workload\.outputTokens/, "output"],
  [/^scenario\.workload\.load\.concurrency/, "concurrency"],
  [/^scenario\.workload\.load\.ttftSeconds/, "ttft"],
  [/^scenario\.workload\.load\.tpotSeconds/, "tpot"],
  [/^scenario\.workload\.load\.percentile/, "percentile"],
  [/^scenario\.pricing\.usdPerAcceleratorHour/, "usd"],
  [/^scenario\.pricing\.utilization/, "utilization"],
];

/** "scenario.hardware.count: must be > 0" -> "count (scenario.hardware.count): must be > 0". */
export function formFieldMessage(message: string): string {
  const hit = FIELD_OF.find(([pattern]) => pattern.test(message));
  return hit ? `${hit[1]} (${message.split(":")[0]}):${message.slice(message.indexOf(":") + 1)}` : message;
}

/** The hourly price the form uses when none is typed: the accelerator's newest on-demand rental. */
export function defaultUsd(acceleratorId: string): number | undefined {
  const acc = findAccelerator(acceleratorId);
  return acc ? defaultUsdPerHour(acc) : undefined;
}

/** The scenario object a Predict form describes (what the page shows and what `costcurve predict` reads). */
export function scenarioFromQuery(q: PredictQuery): ScenarioInput {
  const load =
    q.mode === "offline"
      ? { mode: "offline" as const }
      : q.mode === "concurrency"
        ? { mode: "concurrency" as const, concurrency: q.concurrency }
        : { mode: "slo" as const, ttftSeconds: q.ttft, tpotSeconds: q.tpot, percentile: q.percentile };
  const usd = q.usd ?? defaultUsd(q.accelerator);
  return {
    model: q.model,
    hardware: { accelerator: q.accelerator, count: q.count },
    engine: q.engine ?? defaultEngineFor(q.kind),
    precision: { weights: q.weights, activations: q.activations, kvCache: q.kv },
    workload: { kind: q.kind, inputTokens: q.input, outputTokens: q.kind === "embed" ? 0 : q.output, load },
    ...(usd !== undefined ? { pricing: { usdPerAcceleratorHour: usd, utilization: q.utilization } } : {}),
  };
}

/**
 * Validates and resolves scenarios like the CLI (any problem fails the batch, messages name the field); model
 * file paths are refused over HTTP so a request cannot make the server read its disk.
 */
export function resolveForWeb(raw: unknown): PredictInput[] {
  const list = Array.isArray(raw) ? raw : [raw];
  if (list.length === 0) throw new HttpError(400, "body: the scenario array is empty");
  if (list.length > 256) throw new HttpError(400, `body: at most 256 scenarios per request, got ${list.length}`);
  const { inputs, problems } = resolveEach(raw, (m, where) =>
    m.endsWith(".json") || m.startsWith(".") || m.startsWith("/") || m.includes("\\") ? `${where}.model: config.json paths are not read over HTTP; use a catalog id such as "meta-llama/Llama-3.3-70B-Instruct"` : undefined,
  );
  if (problems.length) throw new HttpError(400, problems.join("\n"));
  return inputs;
}

/** What `costcurve predict --json` prints for this body: one prediction, or an array for an array. */
export function predictBody(raw: unknown): { value: Prediction | Prediction[]; inputs: PredictInput[]; predictions: Prediction[]; evaluations: PredictionEvaluation[] } {
  const inputs = resolveForWeb(raw);
  const explained = inputs.map(explain);
  const predictions = explained.map((x) => x.prediction);
  return { value: Array.isArray(raw) ? predictions : predictions[0]!, inputs, predictions, evaluations: explained.map((x) => x.evaluation) };
}
