// The modeled cost floor of an open model: the cheapest rented catalog configuration that serves it at a
// stated workload, interactivity and utilization, found by running the engine over accelerators x counts.
import { findAccelerator, ACCELERATORS, nearestAcceleratorIds } from "../catalog/accelerators/index.js";
import { resolveScenario } from "../catalog/resolve.js";
import { nearestModelIds, resolveModelId } from "../catalog/models/index.js";
import { type Accelerator, type RentalPrice, selectRental } from "../core/hardware.js";
import type { Precision } from "../core/precision.js";
import { predict } from "../core/predict.js";
import { fail, ok, type Issue, type Result } from "../core/result.js";
import type { Load, Prediction } from "../core/scenario.js";
import { parseScenario } from "../core/validate.js";
import { didYouMean } from "./suggest.js";

/** Defaults of the floor: a chat request of 1000 prompt and 250 generated tokens at 20 tokens/s per user. */
export const FLOOR_DEFAULTS = {
  inputTokens: 1000,
  outputTokens: 250,
  /** Output tokens per second each user sees; null means offline (maximum throughput, no latency target). */
  interactivityTokensPerSecond: 20 as number | null,
  ttftSeconds: 2,
  percentile: 99,
  /** Share of rented hours doing useful work (0-1); idle hours are paid for too. */
  utilizationFraction: 0.6,
  counts: [1, 2, 4, 8] as readonly number[],
  engine: "vllm" as const,
};

export interface Workload {
  inputTokens: number;
  outputTokens: number;
  interactivityTokensPerSecond: number | null;
  ttftSeconds: number;
  percentile: number;
}

/** One evaluated configuration: model on `count` x accelerator at its default rental price. */
export interface FloorConfig {
  acceleratorId: string;
  acceleratorName: string;
  acceleratorReleaseDate: string;
  count: number;
  precision: Precision;
  parallelism: Prediction["parallelism"];
  bound: Prediction["bound"];
  usdPerAcceleratorHour: number;
  /** The rental row the price comes from (provider, date, source). */
  priceSource: RentalPrice;
  outputTokensPerSecond: number;
  inputTokensPerSecond: number;
  /** The engine's split of the hourly cost (prefill time to input, decode time to output). */
  usdPerMillionInputTokens: number | null;
  usdPerMillionOutputTokens: number | null;
  /** System cost per million tokens of the workload's own mix: count x usdPerHour / (3600 x utilization x tokens/s) x 1e6. */
  blendedUsdPerMillionTokens: number;
}

export type Evaluated = { ok: true; config: FloorConfig } | { ok: false; acceleratorId: string; count: number; reason: string };

/** The rental row defaultUsdPerHour reads: selectRental's on-demand row (newest on-demand, else another kind). */
export function defaultRental(accelerator: Accelerator): RentalPrice {
  return selectRental(accelerator);
}

/** Datacenter GPUs: GPUs built to scale out over a network (consumer and workstation cards without one are left out). */
export function datacenterGpus(): Accelerator[] {
  return ACCELERATORS.filter((a) => a.kind === "gpu" && a.scaleOut !== null);
}

/** fp8 weights, activations and KV cache where the accelerator computes in fp8, else bf16 (fp16 where bf16 is missing). */
export function floorPrecision(accelerator: Accelerator): Precision {
  const peaks = accelerator.denseFlopsPerSecond;
  return peaks.fp8 ? "fp8" : peaks.bf16 ? "bf16" : "fp16";
}

/** "2023-03" -> "2023-03-01", so release dates compare with ISO days. */
export function releaseDay(accelerator: Accelerator): string {
  return accelerator.releaseDate.length === 7 ? `${accelerator.releaseDate}-01` : accelerator.releaseDate;
}

function loadOf(w: Workload): Load {
  return w.interactivityTokensPerSecond === null ? { mode: "offline" } : { mode: "slo", ttftSeconds: w.ttftSeconds, tpotSeconds: 1 / w.interactivityTokensPerSecond, percentile: w.percentile };
}

const MEMO = new Map<string, Evaluated>();

/** Evaluates one configuration with the engine (parallelism left to the engine), memoized for the process. */
export function evaluateConfig(modelId: string, accelerator: Accelerator, count: number, workload: Workload, utilizationFraction: number, usdPerHour?: number): Evaluated {
  const rental = defaultRental(accelerator);
  const price = usdPerHour ?? rental.usdPerHour;
  const precision = floorPrecision(accelerator);
  const key = JSON.stringify([modelId, accelerator.id, count, workload, utilizationFraction, price]);
  const memo = MEMO.get(key);
  if (memo) return memo;
  const scenario = parseScenario({
    model: modelId,
    hardware: { accelerator: accelerator.id, count },
    engine: FLOOR_DEFAULTS.engine,
    precision: { weights: precision, activations: precision, kvCache: precision },
    workload: { kind: "generate", inputTokens: workload.inputTokens, outputTokens: workload.outputTokens, load: loadOf(workload) },
    pricing: { usdPerAcceleratorHour: price, utilization: utilizationFraction },
  });
  let result: Evaluated;
  const resolved = scenario.ok ? resolveScenario(scenario.value) : scenario;
  if (!resolved.ok) {
    result = { ok: false, acceleratorId: accelerator.id, count, reason: resolved.issues.map((i) => i.message).join("; ") };
  } else {
    const p = predict(resolved.value);
    const tokensPerSecond = (p.outputTokensPerSecond ?? 0) + (p.inputTokensPerSecond ?? 0);
    if (!p.fits || tokensPerSecond <= 0 || p.outputTokensPerSecond === null || p.inputTokensPerSecond === null) {
      result = { ok: false, acceleratorId: accelerator.id, count, reason: p.issues[0]?.message ?? "does not fit" };
    } else {
      const usdPerSecond = (count * price) / 3600 / utilizationFraction;
      result = {
        ok: true,
        config: {
          acceleratorId: accelerator.id,
          acceleratorName: accelerator.name,
          acceleratorReleaseDate: accelerator.releaseDate,
          count,
          precision,
          parallelism: p.parallelism,
          bound: p.bound,
          usdPerAcceleratorHour: price,
          priceSource: usdPerHour === undefined ? rental : { ...rental, usdPerHour: price, provider: "user" },
          outputTokensPerSecond: p.outputTokensPerSecond,
          inputTokensPerSecond: p.inputTokensPerSecond,
          usdPerMillionInputTokens: p.usdPerMillionInputTokens,
          usdPerMillionOutputTokens: p.usdPerMillionOutputTokens,
          blendedUsdPerMillionTokens: (usdPerSecond / tokensPerSecond) * 1e6,
        },
      };
    }
  }
  MEMO.set(key, result);
  return result;
}

export interface CostFloorOptions {
  /** Catalog id of an open model (Hugging Face repo name or alias). */
  model: string;
  workload?: Partial<Workload>;
  utilizationFraction?: number;
  /** Accelerator ids to search; default every datacenter GPU. */
  accelerators?: readonly string[];
  counts?: readonly number[];
  /** Only accelerators released on or before this ISO date (for floors in the past). */
  releasedBy?: string;
}

export interface CostFloor {
  modelId: string;
  workload: Workload;
  utilizationFraction: number;
  best: FloorConfig;
  /** Every fitting configuration, cheapest first. */
  candidates: FloorConfig[];
  skipped: Array<{ acceleratorId: string; count: number; reason: string }>;
  why: string;
}

/** Resolves accelerator ids; unknown ones come back as issues with the nearest ids suggested. */
export function resolveAccelerators(ids: readonly string[], field = "accelerators"): Result<Accelerator[]> {
  const found: Accelerator[] = [];
  const issues: Issue[] = [];
  for (const id of ids) {
    const accelerator = findAccelerator(id);
    if (accelerator) found.push(accelerator);
    else {
      const near = nearestAcceleratorIds(id, 3);
      issues.push({ code: "unknown_accelerator", field, value: id, suggestions: near, message: `unknown accelerator "${id}"${didYouMean(near)}` });
    }
  }
  return issues.length ? fail(...issues) : ok(found);
}

/** Resolves an open model name to its catalog id, or an issue with the nearest ids. */
export function resolveOpenModel(name: string, field = "model"): Result<string> {
  const resolved = resolveModelId(name);
  if (resolved) return ok(resolved.entry.id);
  const near = nearestModelIds(name, 3);
  return fail({ code: "unknown_model", field, value: name, suggestions: near, message: `unknown open model "${name}"${didYouMean(near)}` });
}

/** The cheapest configuration serving `model` over accelerators x counts, with all candidates and why it wins. */
export function costFloor(options: CostFloorOptions): Result<CostFloor> {
  const utilizationFraction = options.utilizationFraction ?? FLOOR_DEFAULTS.utilizationFraction;
  if (!(utilizationFraction > 0 && utilizationFraction <= 1)) {
    return fail({ code: "out_of_range", field: "utilizationFraction", value: utilizationFraction, message: `utilization must be a fraction in (0, 1], got ${utilizationFraction}` });
  }
  const workload: Workload = {
    inputTokens: options.workload?.inputTokens ?? FLOOR_DEFAULTS.inputTokens,
    outputTokens: options.workload?.outputTokens ?? FLOOR_DEFAULTS.outputTokens,
    interactivityTokensPerSecond: options.workload?.interactivityTokensPerSecond === undefined ? FLOOR_DEFAULTS.interactivityTokensPerSecond : options.workload.interactivityTokensPerSecond,
    ttftSeconds: options.workload?.ttftSeconds ?? FLOOR_DEFAULTS.ttftSeconds,
    percentile: options.workload?.percentile ?? FLOOR_DEFAULTS.percentile,
  };
  const model = resolveOpenModel(options.model);
  if (!model.ok) return model;
  const pool = options.accelerators ? resolveAccelerators(options.accelerators) : ok(datacenterGpus());
  if (!pool.ok) return pool;
  const eligible = pool.value.filter((a) => options.releasedBy === undefined || releaseDay(a) <= options.releasedBy);
  const candidates: FloorConfig[] = [];
  const skipped: CostFloor["skipped"] = [];
  for (const accelerator of eligible) {
    for (const count of options.counts ?? FLOOR_DEFAULTS.counts) {
      const e = evaluateConfig(model.value, accelerator, count, workload, utilizationFraction);
      if (e.ok) candidates.push(e.config);
      else skipped.push({ acceleratorId: e.acceleratorId, count: e.count, reason: e.reason });
    }
  }
  candidates.sort((a, b) => a.blendedUsdPerMillionTokens - b.blendedUsdPerMillionTokens);
  const best = candidates[0];
  if (!best) {
    const when = options.releasedBy ? ` among accelerators released by ${options.releasedBy}` : "";
    return fail({
      code: "no_fitting_configuration",
      model: model.value,
      message: `no configuration of ${model.value}${when} fits and meets the target (${eligible.length} accelerators x counts ${(options.counts ?? FLOOR_DEFAULTS.counts).join("/")} tried)`,
    });
  }
  return ok({ modelId: model.value, workload, utilizationFraction, best, candidates, skipped, why: explain(best, candidates, workload, utilizationFraction) });
}

function explain(best: FloorConfig, candidates: FloorConfig[], w: Workload, utilization: number): string {
  const p = best.parallelism;
  const plan = p ? `tp=${p.tp} pp=${p.pp} ep=${p.ep} x${p.replicas} replicas` : "engine plan";
  const target = w.interactivityTokensPerSecond === null ? "offline" : `${w.interactivityTokensPerSecond} tok/s per user (p${w.percentile} TPOT ${(1000 / w.interactivityTokensPerSecond).toFixed(0)} ms, TTFT ${w.ttftSeconds} s)`;
  const runnerUp = candidates.find((c) => c.acceleratorId !== best.acceleratorId);
  const margin = runnerUp ? `; next other accelerator ${runnerUp.count}x ${runnerUp.acceleratorId} costs ${((runnerUp.blendedUsdPerMillionTokens / best.blendedUsdPerMillionTokens - 1) * 100).toFixed(0)}% more` : "";
  const tokensPerHourPerDollar = ((best.outputTokensPerSecond + best.inputTokensPerSecond) * 3600) / (best.count * best.usdPerAcceleratorHour);
  return `cheapest of ${candidates.length} fitting configurations: ${best.count}x ${best.acceleratorId} (${best.precision}, ${plan}, ${best.bound ?? "?"}-bound) at $${best.usdPerAcceleratorHour}/h (${best.priceSource.kind}, ${best.priceSource.provider}, ${best.priceSource.date}) processes ${Math.round(tokensPerHourPerDollar).toLocaleString("en-US")} tokens per rented dollar at ${target}, ${Math.round(utilization * 100)}% utilization${margin}`;
}
