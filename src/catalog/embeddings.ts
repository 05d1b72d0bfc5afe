// The embeddings comparison across accelerators (compute vs weight-load time, throughput, cost, TFLOP/s per $/h).
import type { Engine } from "../core/efficiency.js";
import { defaultUsdPerHour } from "../core/hardware.js";
import { forwardFlops } from "../core/flops.js";
import { shapeModel } from "../core/model-shape.js";
import { predict } from "../core/predict.js";
import type { Issue, Result } from "../core/result.js";
import { fail, ok } from "../core/result.js";
import { findAccelerator } from "./accelerators/index.js";
import { resolveRawScenario } from "./resolve.js";

/** One accelerator's row of the "embeddings are cheap" analysis. */
export interface EmbeddingRow {
  accelerator: string;
  name: string;
  /** Time of one batch's FLOPs at the achieved compute rate. */
  computeSeconds: number;
  /** Time to stream the weights once at the achieved bandwidth. */
  weightLoadSeconds: number;
  bound: string;
  tokensPerSecond: number;
  usdPerHour: number;
  usdPerMillionTokens: number;
  /** Achieved TFLOP/s divided by USD per hour: the figure of merit for compute-bound work. */
  achievedTflopsPerUsdHour: number;
}

export interface EmbeddingQuery {
  model: string;
  accelerators: string[];
  sequenceTokens: number;
  batch: number;
  engine: Engine;
  /** One price for every accelerator, or per accelerator id; default: each accelerator's catalog price. */
  usdPerHour?: number | Record<string, number> | undefined;
  utilization: number;
}

/** Compares accelerators on an embedding (prefill-only) workload through the engine. */
export function compareEmbeddings(q: EmbeddingQuery): Result<EmbeddingRow[]> {
  const rows: EmbeddingRow[] = [];
  const issues: Issue[] = [];
  for (const id of q.accelerators) {
    const accelerator = findAccelerator(id);
    const given = typeof q.usdPerHour === "number" ? q.usdPerHour : q.usdPerHour?.[id];
    const usdPerHour = given ?? (accelerator ? defaultUsdPerHour(accelerator) : 1);
    const resolved = resolveRawScenario({
      model: q.model,
      hardware: { accelerator: id, count: 1 },
      engine: q.engine,
      workload: { kind: "embed", inputTokens: q.sequenceTokens, outputTokens: 0, load: { mode: "concurrency", concurrency: q.batch } },
      pricing: { usdPerAcceleratorHour: usdPerHour, utilization: q.utilization },
    });
    if (!resolved.ok) {
      // An unknown accelerator skips its row; anything else is wrong for every row.
      if (resolved.issues.some((i) => i.code !== "unknown_accelerator")) return fail(...resolved.issues);
      issues.push(...resolved.issues);
      continue;
    }
    const input = resolved.value;
    const p = predict(input);
    if (!p.fits || p.inputTokensPerSecond === null) {
      issues.push(...p.issues);
      continue;
    }
    const shape = shapeModel(input.architecture, input.precisions);
    const flopsPerSequence = forwardFlops(shape, q.sequenceTokens, { attention: "causal", logitsCount: 0 }).totalFlops;
    const acc = input.accelerator;
    const peak = acc.denseFlopsPerSecond.bf16 ?? acc.denseFlopsPerSecond.fp16 ?? acc.denseFlopsPerSecond.fp32 ?? 1;
    const achievedFlopsPerSecond = (p.inputTokensPerSecond / q.sequenceTokens) * flopsPerSequence;
    rows.push({
      accelerator: acc.id,
      name: acc.name,
      computeSeconds: (flopsPerSequence * q.batch) / (peak * input.profile.computeFraction),
      weightLoadSeconds: shape.weightBytes / (acc.memoryBandwidthBytesPerSecond * input.profile.bandwidthFraction),
      bound: p.bound ?? "compute",
      tokensPerSecond: p.inputTokensPerSecond,
      usdPerHour,
      usdPerMillionTokens: p.usdPerMillionInputTokens ?? 0,
      achievedTflopsPerUsdHour: achievedFlopsPerSecond / 1e12 / usdPerHour,
    });
  }
  if (rows.length === 0) return fail(...issues);
  return ok(rows, issues);
}
