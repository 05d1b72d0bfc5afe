// The layouts optimize and frontier search, each a pinned scenario that `predict` evaluates: accelerator x count x
// precision x (tp, pp, ep, dp), with the base scenario's engine, pricing and features, and the price each one pays.
import { findAccelerator, nearestAcceleratorIds } from "../catalog/accelerators/index.js";
import { defaultEngineFor } from "../catalog/engine-defaults.js";
import { type ResolvedScenario, resolveScenario } from "../catalog/resolve.js";
import type { EngineSpec } from "../core/engine-version.js";
import type { Accelerator, RentalPrice } from "../core/hardware.js";
import { shapeModel } from "../core/model-shape.js";
import { candidatePlans } from "../core/plan.js";
import { type ComputePrecision, type Precision, peakFor } from "../core/precision.js";
import { predict } from "../core/predict.js";
import { type Issue, type Result, fail, ok } from "../core/result.js";
import { type Load, type Prediction, Scenario, type ScenarioInput } from "../core/scenario.js";
import type { Plan } from "../core/step.js";

/** The scenario fields a sweep keeps from its base: the model, engine, workload shape, pricing terms and features. */
export interface SweepBase {
  model: string;
  inputTokens: number;
  outputTokens: number;
  /** Engine name or {name, version}; default: the workload kind's default engine (defaultEngineFor). */
  engine?: EngineSpec | undefined;
  /** A pinned precision block: weights, activations and KV cache as the scenario gives them. */
  precision?: Scenario["precision"];
  /** Pricing terms other than the hourly price (utilization, input price ratio, power, PUE, grid carbon). */
  pricing?: Partial<Omit<NonNullable<Scenario["pricing"]>, "usdPerAcceleratorHour">> | undefined;
  features?: Scenario["features"];
}

export interface SweepOptions {
  base: SweepBase;
  accelerators: readonly string[];
  /** Weight formats to try when the base pins none (activations follow the weights for fp8/fp4: W8A8, W4A4). */
  precisions?: readonly Precision[] | undefined;
  counts: (accelerator: Accelerator) => readonly number[];
  /** Price per accelerator-hour by accelerator id, or one price for all (default: the catalog's dated rental row). */
  usdPerHour?: number | Readonly<Record<string, number>> | undefined;
}

/** Where a price came from: a dated catalog rental row, or the user (a flag or the scenario). */
export interface PriceUsed {
  usdPerHour: number;
  provider: string;
  kind: RentalPrice["kind"] | "user";
  /** ISO date of the catalog row (null for a user's price). */
  date: string | null;
  sourceUrl: string | null;
}

/** One accelerator x count x precision, resolved once, with the plans worth trying. */
export interface SweepConfig {
  accelerator: Accelerator;
  count: number;
  precision: Precision;
  price: PriceUsed;
  input: ResolvedScenario;
  plans: Plan[];
  /** The validated scenario of this configuration (no parallelism, an offline load): each layout's starts from it. */
  scenario: Scenario;
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

/** The catalog's default rental row (newest on-demand, else newest), or the user's price. */
export function priceFor(accelerator: Accelerator, given: number | undefined, who = "user"): PriceUsed {
  if (given !== undefined) return { usdPerHour: given, provider: who, kind: "user", date: null, sourceUrl: null };
  const sorted = [...accelerator.rental].sort((a, b) => (a.date < b.date ? 1 : -1));
  const row = sorted.find((r) => r.kind === "on-demand") ?? sorted[0]!;
  return { usdPerHour: row.usdPerHour, provider: row.provider, kind: row.kind, date: row.date, sourceUrl: row.source.url };
}

/** "$2.69/h on-demand, Lambda, 2025-06-01" or "$0.50/h (user)": a price with its name and date. */
export function priceLabel(p: PriceUsed): string {
  const usd = `$${p.usdPerHour.toFixed(2)}/h`;
  return p.kind === "user" ? `${usd} (${p.provider})` : `${usd} ${p.kind}, ${p.provider}, ${p.date}`;
}

/** Expands a sweep into resolved configurations (accelerator x count x precision) and their candidate plans. */
export function sweepConfigs(o: SweepOptions): Result<SweepConfig[]> {
  const issues: Issue[] = [];
  const configs: SweepConfig[] = [];
  const pinned = o.base.precision?.weights;
  const precisions = pinned !== undefined ? [pinned] : (o.precisions ?? ["bf16", "fp8", "fp4"]);
  for (const id of o.accelerators) {
    const accelerator = findAccelerator(id);
    if (!accelerator) {
      const near = nearestAcceleratorIds(id, 3);
      issues.push({ code: "unknown_accelerator", field: "accelerators", value: id, suggestions: near, message: `unknown accelerator "${id}"; did you mean ${near.map((n) => `"${n}"`).join(", ")}?` });
      continue;
    }
    const given = typeof o.usdPerHour === "number" ? o.usdPerHour : o.usdPerHour?.[accelerator.id];
    const price = priceFor(accelerator, given);
    for (const precision of precisions) {
      if (!supports(accelerator, precision)) continue;
      for (const count of o.counts(accelerator)) {
        const scenario = layoutScenario(o.base, { accelerator: accelerator.id, count, precision }, price.usdPerHour);
        const parsed = Scenario.safeParse(scenario);
        if (!parsed.success) return fail({ code: "invalid_scenario", message: parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ") });
        const resolved = resolveScenario(parsed.data);
        if (!resolved.ok) return resolved;
        const shape = shapeModel(resolved.value.architecture, resolved.value.precisions);
        configs.push({ accelerator, count, precision, price, input: resolved.value, plans: candidatePlans(shape, count), scenario: parsed.data });
      }
    }
  }
  if (issues.length) return fail(...issues);
  if (configs.length === 0) return fail({ code: "no_configuration", precisions, message: `no accelerator supports the precisions ${precisions.join(", ")}` });
  return ok(configs);
}

/**
 * The raw scenario of one configuration (offline load, parallelism left open), before validation. The base's
 * precision block wins when it pins the weights; otherwise fp8/fp4 weights run W8A8/W4A4 with an fp8 KV cache.
 */
export function layoutScenario(base: SweepBase, at: { accelerator: string; count: number; precision: Precision }, usdPerHour: number): ScenarioInput {
  const { disaggregation: _split, ...features } = base.features ?? {};
  return {
    model: base.model,
    hardware: { accelerator: at.accelerator, count: at.count },
    engine: base.engine ?? defaultEngineFor("generate"),
    precision: base.precision?.weights !== undefined ? base.precision : precisionTriple(at.precision),
    workload: { kind: "generate", inputTokens: base.inputTokens, outputTokens: base.outputTokens, load: { mode: "offline" } },
    ...(Object.keys(features).length ? { features } : {}),
    pricing: { utilization: 1, pue: 1, ...base.pricing, usdPerAcceleratorHour: usdPerHour },
  };
}

/** Predicts one plan of a configuration under a load: `predict` on the layout's scenario, the resolved inputs reused. */
export function predictLayout(config: SweepConfig, plan: Plan, load: Load): { scenario: Scenario; prediction: Prediction } {
  // The configuration's scenario was validated once; a plan from candidatePlans and a valid load keep it valid.
  const s = config.scenario;
  const scenario: Scenario = { ...s, parallelism: { tp: plan.tp, pp: plan.pp, ep: plan.ep, dp: plan.dpAttention }, workload: { ...s.workload, load } };
  return { scenario, prediction: predict({ ...config.input, scenario }) };
}

/** The scenario precision block for a weight format: fp8/fp4 checkpoints run W8A8/W4A4 with an fp8 KV cache. */
export function precisionTriple(weights: Precision): { weights: Precision; activations: Precision; kvCache: Precision } {
  if (weights === "fp8") return { weights, activations: "fp8", kvCache: "fp8" };
  if (weights === "fp4") return { weights, activations: "fp4", kvCache: "fp8" };
  return { weights, activations: "bf16", kvCache: "bf16" };
}

/** Counts worth trying: 1, 2, 4, 8, and whole scale-up domains above 8 (16 over two HGX nodes, 72 for NVL72). */
export function defaultCounts(accelerator: Accelerator): number[] {
  const counts = [1, 2, 4, 8];
  if (accelerator.scaleUp.domainSize > 8) counts.push(accelerator.scaleUp.domainSize);
  else if (accelerator.scaleOut) counts.push(16);
  return counts;
}

export function layoutOf(config: SweepConfig, plan: Plan): Layout {
  return { accelerator: config.accelerator.id, count: config.count, precision: config.precision, tp: plan.tp, pp: plan.pp, ep: plan.ep, dp: plan.dpAttention, replicas: plan.replicas };
}

function supports(accelerator: Accelerator, precision: Precision): boolean {
  const native: ComputePrecision | undefined = (["fp32", "bf16", "fp16", "fp8", "int8", "fp4", "int4"] as const).find((p) => p === precision);
  if (!native) return true; // GGUF block formats dequantize to fp16
  const hit = peakFor(accelerator.denseFlopsPerSecond, native);
  return hit !== undefined && hit.precision === native;
}
