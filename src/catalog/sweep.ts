// Sweeps: expand accelerator x count x precision into resolved configurations with their candidate plans.
import type { Engine } from "../core/efficiency.js";
import { type Accelerator, defaultUsdPerHour } from "../core/hardware.js";
import { shapeModel } from "../core/model-shape.js";
import { candidatePlans } from "../core/plan.js";
import { type Evaluation, type PredictInput, evaluatePlan } from "../core/predict.js";
import { type ComputePrecision, type Precision, peakFor } from "../core/precision.js";
import { type Issue, type Result, fail, ok } from "../core/result.js";
import type { Load } from "../core/scenario.js";
import type { Plan } from "../core/step.js";
import { findAccelerator, nearestAcceleratorIds } from "./accelerators/index.js";
import { resolveRawScenario } from "./resolve.js";

/** One configuration a sweep can evaluate: accelerator, count, precision and the resolved engine inputs. */
export interface SweepConfig {
  accelerator: Accelerator;
  count: number;
  precision: Precision;
  usdPerHour: number;
  input: PredictInput;
  plans: Plan[];
}

export interface SweepOptions {
  model: string;
  accelerators: readonly string[];
  inputTokens: number;
  outputTokens: number;
  /** Weight formats to try; activations follow the weights for fp8/fp4 (W8A8, W4A4), KV cache stays 16-bit unless fp8. */
  precisions: readonly Precision[];
  /** Accelerator counts per system; default 1, 2, 4, 8 and the scale-up domain size when larger. */
  counts?: readonly number[] | undefined;
  engine: Engine;
  /** Price per accelerator-hour by accelerator id (default: the catalog's default rental price). */
  usdPerHour?: Readonly<Record<string, number>> | undefined;
}

/** Expands a sweep into configurations (accelerator x count x precision) with their candidate plans. */
export function sweepConfigs(o: SweepOptions): Result<SweepConfig[]> {
  const issues: Issue[] = [];
  const configs: SweepConfig[] = [];
  for (const id of o.accelerators) {
    const accelerator = findAccelerator(id);
    if (!accelerator) {
      const near = nearestAcceleratorIds(id, 3);
      issues.push({ code: "unknown_accelerator", field: "accelerators", value: id, message: `--accelerators: unknown accelerator "${id}"; did you mean ${near.map((n) => `"${n}"`).join(", ")}?` });
      continue;
    }
    const counts = o.counts ?? defaultCounts(accelerator);
    for (const precision of o.precisions) {
      if (!supports(accelerator, precision)) continue;
      for (const count of counts) {
        const raw = {
          model: o.model,
          hardware: { accelerator: accelerator.id, count },
          engine: o.engine,
          precision: precisionTriple(precision),
          workload: { kind: "generate", inputTokens: o.inputTokens, outputTokens: o.outputTokens, load: { mode: "offline" } },
        };
        const resolved = resolveRawScenario(raw);
        if (!resolved.ok) return resolved;
        const shape = shapeModel(resolved.value.architecture, resolved.value.precisions);
        configs.push({
          accelerator,
          count,
          precision,
          usdPerHour: o.usdPerHour?.[accelerator.id] ?? defaultUsdPerHour(accelerator),
          input: resolved.value,
          plans: candidatePlans(shape, count),
        });
      }
    }
  }
  if (issues.length) return fail(...issues);
  if (configs.length === 0) return fail({ code: "no_configuration", message: `no accelerator supports the precisions ${o.precisions.join(", ")}` });
  return ok(configs);
}

/** Evaluates one plan of a configuration under a load (reusing the resolved inputs). */
export function evaluateConfig(config: SweepConfig, plan: Plan, load: Load): Evaluation {
  const input = config.input;
  const scenario = { ...input.scenario, workload: { ...input.scenario.workload, load } };
  return evaluatePlan({ ...input, scenario }, shapeModel(input.architecture, input.precisions), plan);
}

/** Counts worth trying: 1, 2, 4, 8, and whole scale-up domains above 8 (16 over two HGX nodes, 72 for NVL72). */
export function defaultCounts(accelerator: Accelerator): number[] {
  const counts = [1, 2, 4, 8];
  if (accelerator.scaleUp.domainSize > 8) counts.push(accelerator.scaleUp.domainSize);
  else if (accelerator.scaleOut) counts.push(16);
  return counts;
}

/** The scenario precision block for a weight format: fp8/fp4 checkpoints run W8A8/W4A4 with an fp8 KV cache. */
export function precisionTriple(weights: Precision): { weights: Precision; activations: Precision; kvCache: Precision } {
  if (weights === "fp8") return { weights, activations: "fp8", kvCache: "fp8" };
  if (weights === "fp4") return { weights, activations: "fp4", kvCache: "fp8" };
  return { weights, activations: "bf16", kvCache: "bf16" };
}

function supports(accelerator: Accelerator, precision: Precision): boolean {
  const native: ComputePrecision | undefined = (["fp32", "bf16", "fp16", "fp8", "int8", "fp4", "int4"] as const).find((p) => p === precision);
  if (!native) return true; // GGUF block formats dequantize to fp16
  const hit = peakFor(accelerator.denseFlopsPerSecond, native);
  return hit !== undefined && hit.precision === native;
}

/** Where a sweep point runs: the hardware, the format and the parallel layout of one replica. */
export interface Layout {
  accelerator: string;
  count: number;
  precision: Precision;
  tp: number;
  pp: number;
  ep: number;
  dp: number;
  replicas: number;
}

export function layoutOf(config: SweepConfig, plan: Plan): Layout {
  return { accelerator: config.accelerator.id, count: config.count, precision: config.precision, tp: plan.tp, pp: plan.pp, ep: plan.ep, dp: plan.dpAttention, replicas: plan.replicas };
}
