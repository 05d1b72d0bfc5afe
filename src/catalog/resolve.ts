// Resolves a scenario against the catalogs: architecture, accelerator, efficiency profile and precisions.
import { operatorsFor } from "./operators.js";
import { parseArchitecture } from "../core/architecture.js";
import type { Precisions } from "../core/model-shape.js";
import type { PredictInput } from "../core/predict.js";
import type { Precision } from "../core/precision.js";
import { parseQuantization } from "../core/quantization.js";
import { type Issue, type Result, fail, ok } from "../core/result.js";
import type { Scenario } from "../core/scenario.js";
import { parseScenario } from "../core/validate.js";
import type { Accelerator } from "../core/hardware.js";
import type { EfficiencyProfile } from "../core/efficiency.js";
import { engineNameOf } from "../core/engine-version.js";
import { findAccelerator, nearestAcceleratorIds } from "./accelerators/index.js";
import { EFFICIENCY_PROFILES, profileFor } from "./efficiency.js";
import { defaultEngineFor } from "./engine-defaults.js";
import { nearestModelIds, resolveModelId } from "./models/index.js";

/** A config.json read by the caller when scenario.model names a file rather than a catalog id. */
export interface ModelSource {
  config: unknown;
  /** Where it came from, for messages. */
  origin: string;
  /** ModelOpt's hf_quant_config.json beside it, when the caller found one (read when config.json has no quantization_config). */
  hfQuantConfig?: unknown;
}

/** Where a resolved precision came from. */
export type PrecisionSource = "scenario" | "checkpoint" | "framework" | "default";

/** A resolved scenario, with where each precision came from (for --explain). */
export interface ResolvedScenario extends PredictInput {
  /**
   * Where the weight precision came from: the scenario's precision, the checkpoint (a quantized catalog checkpoint,
   * the model's release precision, or a config.json quantization_config), or the bf16 default.
   */
  precisionSource: "scenario" | "checkpoint" | "default";
  /** The same per tensor kind; the KV cache may also follow the framework's default ("framework"). */
  precisionSources: { weights: PrecisionSource; activations: PrecisionSource; kvCache: PrecisionSource };
  /** One line on the checkpoint's format when it set the weights, e.g. "fp8 e4m3, 128x128 block scales, dynamic activations". */
  precisionNote: string | null;
}

/**
 * Resolves a parsed scenario against the catalogs: architecture (catalog id, alias, quantized checkpoint
 * or a supplied config.json), accelerator, efficiency profile and precisions. Unknown names come back as
 * issues with the nearest catalog ids suggested.
 */
export function resolveScenario(scenario: Scenario, file?: ModelSource, options?: { accelerators?: readonly Accelerator[]; profiles?: readonly EfficiencyProfile[] }): Result<ResolvedScenario> {
  const issues: Issue[] = [];
  let config: unknown;
  let checkpointPrecision: Partial<Precisions> = {};
  let precisionNote: string | null = null;
  if (file) {
    config = file.config;
    const release = parseQuantization(file.config, file.hfQuantConfig);
    if (!release.ok) return fail(...release.issues.map((i) => ({ ...i, message: `${file.origin}: ${i.message}` })));
    if (release.value) {
      const r = release.value;
      checkpointPrecision = { weights: r.weights, activations: r.activations, ...(r.kvCache ? { kvCache: r.kvCache } : {}) };
      precisionNote = `${r.description} (${file.origin}: ${r.origin})`;
    }
  } else {
    const resolved = resolveModelId(scenario.model);
    if (!resolved) {
      const near = nearestModelIds(scenario.model, 3);
      issues.push({
        code: "unknown_model",
        field: "model",
        value: scenario.model,
        suggestions: near,
        message: `model: unknown model "${scenario.model}"; did you mean ${near.map((n) => `"${n}"`).join(", ")}? (or give a path to a config.json; \`costcurve models\` lists all)`,
      });
    } else {
      config = resolved.entry.config;
      // A quantized checkpoint row wins over the base model's own release precision.
      const p = resolved.checkpoint?.precision ?? resolved.entry.releasePrecision;
      if (p) checkpointPrecision = { weights: p.weights, ...(p.activations ? { activations: p.activations } : {}), ...(p.kvCache ? { kvCache: p.kvCache } : {}) };
      if (resolved.checkpoint) precisionNote = `checkpoint ${resolved.checkpoint.id}: ${resolved.checkpoint.precision.weights} weights (${resolved.checkpoint.source.url})`;
      else if (resolved.entry.releasePrecision) precisionNote = `${resolved.entry.id} is released in ${resolved.entry.releasePrecision.format} (${resolved.entry.releasePrecision.source.url})`;
    }
  }
  // extra rows (e.g. machine profiles from the store) are searched first
  const accelerator = options?.accelerators?.find((a) => a.id === scenario.hardware.accelerator) ?? findAccelerator(scenario.hardware.accelerator);
  if (!accelerator) {
    const near = nearestAcceleratorIds(scenario.hardware.accelerator, 3);
    issues.push({
      code: "unknown_accelerator",
      field: "hardware.accelerator",
      value: scenario.hardware.accelerator,
      suggestions: near,
      message: `hardware.accelerator: unknown accelerator "${scenario.hardware.accelerator}"; did you mean ${near.map((n) => `"${n}"`).join(", ")}? (\`costcurve accelerators\` lists all)`,
    });
  }
  if (issues.length || !accelerator) return fail(...issues);
  const architecture = parseArchitecture(config);
  if (!architecture.ok) {
    return fail(...architecture.issues.map((i) => ({ ...i, message: `${file ? file.origin : scenario.model}: ${i.message}` })));
  }
  const parallelism = scenario.parallelism;
  if (parallelism) {
    const perReplica = parallelism.tp * parallelism.pp * parallelism.dp;
    if (scenario.hardware.count % perReplica !== 0) {
      return fail({ code: "impossible_parallelism", field: "parallelism", message: `parallelism: tp*pp*dp = ${perReplica} must divide hardware.count ${scenario.hardware.count}` });
    }
    const arch = architecture.value;
    if (parallelism.tp > arch.headCount) {
      return fail({ code: "impossible_parallelism", field: "parallelism.tp", message: `parallelism.tp: ${parallelism.tp} exceeds the model's ${arch.headCount} attention heads` });
    }
    if (parallelism.pp > arch.layerCount) {
      return fail({ code: "impossible_parallelism", field: "parallelism.pp", message: `parallelism.pp: ${parallelism.pp} exceeds the model's ${arch.layerCount} layers` });
    }
    const experts = arch.moe?.routedExpertCount ?? 1;
    if (parallelism.ep > 1 && parallelism.ep > experts) {
      return fail({ code: "impossible_parallelism", field: "parallelism.ep", message: `parallelism.ep: ${parallelism.ep} exceeds the model's ${experts} routed experts${arch.moe ? "" : " (it is a dense model: ep must be 1)"}` });
    }
    if (parallelism.ep > parallelism.tp * parallelism.dp) {
      return fail({ code: "impossible_parallelism", field: "parallelism.ep", message: `parallelism.ep: ${parallelism.ep} must not exceed tp*dp = ${parallelism.tp * parallelism.dp} (experts are spread over the ranks of one replica)` });
    }
  }
  const base: Precision = "bf16";
  const given = scenario.precision ?? {};
  // The checkpoint's activation and KV formats go with its weights: a scenario that picks other weights (bf16 for
  // an fp8 release) gets the defaults for what it leaves out.
  const fromRelease = given.weights === undefined || given.weights === checkpointPrecision.weights ? checkpointPrecision : {};
  const pick = (kind: keyof Precisions): [Precision, PrecisionSource] => {
    const fromScenario = given[kind];
    if (fromScenario !== undefined) return [fromScenario, "scenario"];
    const fromCheckpoint = fromRelease[kind];
    if (fromCheckpoint !== undefined) return [fromCheckpoint, "checkpoint"];
    return [base, "default"];
  };
  const [weights, weightsSource] = pick("weights");
  const [activations, activationsSource] = pick("activations");
  let [kvCache, kvSource] = pick("kvCache");
  const precisions: Precisions = { weights, activations, kvCache };
  // a scenario that names no engine: embeddings run TEI, as `embed` and the web do (engine-defaults.ts); generation
  // keeps the generic "other" profile (the KB's claim checks are written against it), named in predict's output
  const engine = engineNameOf(scenario.engine ?? (scenario.workload.kind === "embed" ? defaultEngineFor("embed") : "other"));
  if (kvSource === "default" && engine === "trtllm" && (precisions.activations === "fp8" || precisions.activations === "fp4")) {
    // TensorRT-LLM's FP8/FP4 recipes quantize the KV cache to FP8 with the weights (ModelOpt kv_cache_quant_algo);
    // vLLM and SGLang keep kv_cache_dtype "auto" (the model's 16-bit dtype) unless told otherwise.
    precisions.kvCache = "fp8";
    kvSource = "framework";
  }
  const precisionSources = { weights: weightsSource, activations: activationsSource, kvCache: kvSource };
  const precisionSource = weightsSource === "framework" ? "default" : weightsSource;
  const profile = profileFor(accelerator.family, engine, options?.profiles ? [...options.profiles, ...EFFICIENCY_PROFILES] : undefined);
  const operators = operatorsFor(accelerator, engine);
  return ok({
    scenario: scenario.engine === undefined ? { ...scenario, engine } : scenario,
    architecture: architecture.value,
    accelerator,
    profile,
    precisions,
    operators,
    precisionSource,
    precisionSources,
    precisionNote: weightsSource === "checkpoint" ? precisionNote : null,
  });
}

/** Validates a raw scenario object and resolves it against the catalogs in one call. */
export function resolveRawScenario(raw: unknown, where = "scenario"): Result<ResolvedScenario> {
  const parsed = parseScenario(raw, where);
  return parsed.ok ? resolveScenario(parsed.value) : parsed;
}
