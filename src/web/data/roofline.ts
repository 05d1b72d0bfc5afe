// The roofline picture of a prediction: arithmetic intensity vs attainable FLOP/s under the accelerator's roofs,
// with the workload's decode and prefill steps placed by the engine's own per-operator FLOPs and bytes.
import { explain } from "../../app/predict.js";
import { type PredictionEvaluation, stepOperators } from "../../core/evaluation.js";
import type { PredictInput } from "../../core/predict.js";
import { computePrecisionOf, peakFor } from "../../core/precision.js";
import type { StepLoad } from "../../core/step.js";
import { formatSi, formatSignificant, renderXYChart } from "../../report/index.js";

export interface RooflinePoint {
  name: string;
  /** FLOPs per byte moved to or from memory, per accelerator. */
  flopsPerByte: number;
  /** min(peak, bandwidth x intensity), FLOP/s per accelerator. */
  attainableFlopsPerSecond: number;
  bound: "compute" | "memory";
}

export interface Roofline {
  acceleratorName: string;
  computePrecision: string;
  peakFlopsPerSecond: number;
  memoryBandwidthBytesPerSecond: number;
  /** Intensity where the two roofs meet, FLOPs per byte. */
  ridgeFlopsPerByte: number;
  points: RooflinePoint[];
}

/** FLOPs per memory byte of one step with the evaluation's plan and rates (interconnect bytes are not memory traffic). */
function intensity(ev: PredictionEvaluation, load: StepLoad): number | null {
  if (!ev.rates) return null;
  let flops = 0;
  let bytes = 0;
  for (const o of stepOperators(ev.shape, ev.plan, ev.rates, load).operators) {
    if (o.bound === "interconnect" || o.bound === "host") continue;
    flops += o.flops;
    bytes += o.bytes;
  }
  return flops > 0 && bytes > 0 ? flops / bytes : null;
}

/**
 * Roofs of the accelerator at the scenario's compute format, and where decode and prefill steps sit, from the
 * evaluation predict kept (its plan, rates and operating point; given by the caller, else evaluated once here).
 */
export function rooflineOf(input: PredictInput, ev: PredictionEvaluation = explain(input).evaluation): Roofline | null {
  const acc = input.accelerator;
  const peak = peakFor(acc.denseFlopsPerSecond, computePrecisionOf(input.precisions.weights, input.precisions.activations));
  if (!peak) return null;
  const bw = acc.memoryBandwidthBytesPerSecond;
  const w = input.scenario.workload;
  const running = Math.max(1, Math.round(ev.point.runningSequences || 1));
  const context = Math.max(1, w.inputTokens + w.outputTokens / 2);
  const place = (name: string, ai: number | null): RooflinePoint[] =>
    ai === null ? [] : [{ name, flopsPerByte: ai, attainableFlopsPerSecond: Math.min(peak.flopsPerSecond, bw * ai), bound: bw * ai < peak.flopsPerSecond ? "memory" : "compute" }];
  const decode = (batch: number): StepLoad => ({ decodeSequenceCount: batch, decodeContextTokens: context, decodeTokensPerSequence: 1, prefillTokenCount: 0, prefillContextTokens: 0, logitsCount: batch });
  const chunk = Math.max(1, Math.min(w.inputTokens, input.profile.maxBatchedTokens));
  const prefill: StepLoad = { decodeSequenceCount: 0, decodeContextTokens: 0, decodeTokensPerSequence: 1, prefillTokenCount: chunk, prefillContextTokens: Math.max(1, w.inputTokens) / 2, logitsCount: 1, prefillSequenceCount: 1 };
  const points: RooflinePoint[] =
    w.kind === "embed"
      ? place(`forward pass, batch ${running}`, intensity(ev, { ...prefill, prefillTokenCount: Math.max(1, w.inputTokens) * running, prefillContextTokens: w.inputTokens, logitsCount: 0, prefillSequenceCount: running }))
      : [...place("decode, 1 sequence", intensity(ev, decode(1))), ...(running > 1 ? place(`decode, batch ${running}`, intensity(ev, decode(running))) : []), ...place(`prefill, ${chunk} tokens`, intensity(ev, prefill))];
  return { acceleratorName: acc.name, computePrecision: peak.precision, peakFlopsPerSecond: peak.flopsPerSecond, memoryBandwidthBytesPerSecond: bw, ridgeFlopsPerByte: peak.flopsPerSecond / bw, points };
}

/** The roofline as an SVG chart (log-log), the same renderer as every CLI chart. */
export function rooflineChart(r: Roofline, id = "roofline"): string {
  const xs = r.points.map((p) => p.flopsPerByte);
  const xMin = Math.min(0.5, ...xs.map((x) => x / 2));
  const xMax = Math.max(r.ridgeFlopsPerByte * 8, ...xs.map((x) => x * 2));
  const roof = [
    { x: xMin, y: r.memoryBandwidthBytesPerSecond * xMin },
    { x: r.ridgeFlopsPerByte, y: r.peakFlopsPerSecond },
    { x: xMax, y: r.peakFlopsPerSecond },
  ];
  return renderXYChart({
    id,
    title: `Roofline of ${r.acceleratorName} (${r.computePrecision})`,
    subtitle: `Compute roof ${formatSi(r.peakFlopsPerSecond, 3).replace(/([kMGTPE])$/, " $1")}FLOP/s, memory roof ${formatSignificant(r.memoryBandwidthBytesPerSecond / 1e12, 3)} TB/s; ridge at ${formatSignificant(r.ridgeFlopsPerByte, 3)} FLOP/byte`,
    footnote: "Points: FLOPs and memory bytes of one engine step per accelerator, counted operator by operator by the costcurve engine",
    width: 760,
    height: 440,
    x: { title: "arithmetic intensity (FLOP/byte)", scale: "log", domain: [xMin, xMax] },
    y: { title: "attainable FLOP/s per accelerator", scale: "log", domain: [Math.min(roof[0]!.y, ...r.points.map((p) => p.attainableFlopsPerSecond)) / 2, r.peakFlopsPerSecond * 4], tickFormat: (v) => formatSi(v, 3) },
    series: [
      { name: "roofline: min(peak, bandwidth x intensity)", points: roof, color: "#374151" },
      { name: "workload steps", kind: "scatter", points: r.points.map((p) => ({ x: p.flopsPerByte, y: p.attainableFlopsPerSecond, label: p.name })), color: "#dc2626" },
    ],
    legend: true,
  });
}
