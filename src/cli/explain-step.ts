import type { PredictInput } from "../core/predict.js";
import { evaluate } from "../core/predict.js";
import { shapeModel } from "../core/model-shape.js";
import { ratesFor } from "../core/plan.js";
import { stepTime } from "../core/step.js";
import { formatBytes, formatDuration, formatPercent, formatSi, formatTable } from "../report/index.js";

/** Per-operator breakdown of one decode step (or forward pass) at the predicted operating point. */
export function explainStep(input: PredictInput): string {
  const shape = shapeModel(input.architecture, input.precisions);
  const e = evaluate(input, shape);
  if (!e.fits) return "";
  const routing = input.scenario.features?.routing ?? { skew: 0, imbalanceFactor: 1 };
  const rated = ratesFor(input.accelerator, input.profile, input.precisions, e.plan, routing, input.operators);
  if (!rated.ok) return "";
  const w = input.scenario.workload;
  const batch = e.point.runningSequences;
  const decode = w.kind === "generate" && w.outputTokens > 1;
  const ops = new Map<string, { flops: number; bytes: number; seconds: number; bound: string }>();
  const step = stepTime(
    shape,
    e.plan,
    rated.rates,
    decode
      ? { decodeSequenceCount: batch, decodeContextTokens: w.inputTokens + w.outputTokens / 2, decodeTokensPerSequence: 1, prefillTokenCount: 0, prefillContextTokens: 0, logitsCount: batch }
      : { decodeSequenceCount: 0, decodeContextTokens: 0, decodeTokensPerSequence: 1, prefillTokenCount: batch * Math.max(1, w.inputTokens), prefillContextTokens: Math.max(1, w.inputTokens) / 2, logitsCount: 0, prefillSequenceCount: batch },
    (name, flops, bytes, seconds, bound) => {
      const o = ops.get(name) ?? { flops: 0, bytes: 0, seconds: 0, bound };
      o.flops += flops;
      o.bytes += bytes;
      o.seconds += seconds;
      ops.set(name, o);
    },
  );
  const rows = [...ops.entries()].map(([name, o]) => ({ operator: name, flops: o.flops, bytes: o.bytes, seconds: o.seconds, share: o.seconds / step.seconds, bound: o.bound }));
  rows.push({ operator: "step overhead", flops: 0, bytes: 0, seconds: step.overheadSeconds, share: step.overheadSeconds / step.seconds, bound: "host" });
  const title = decode
    ? `one decode step of ${formatSi(batch, 3)} sequences per replica (per accelerator, tp ${e.plan.tp}, pp ${e.plan.pp}, ep ${e.plan.ep}, dp ${e.plan.dpAttention})`
    : `one forward pass of ${formatSi(batch, 3)} sequences (per accelerator)`;
  const k = rated.rates.kernels;
  const basis = k
    ? k.basis === "measured"
      ? `operator times: kernels measured on ${k.profile.system} with ${k.profile.framework} ${k.profile.version} (AIConfigurator tables, fitted; held-out errors in docs/kernel-fit.json), GEMMs ${k.gemmFormat}, KV ${k.kvFormat}`
      : `operator times: ${k.profile.source.note} (no kernel tables for this accelerator), GEMMs ${k.gemmFormat}, KV ${k.kvFormat}`
    : `operator times: roofline at the ${input.profile.engine} profile's achieved fractions of peak (no kernel models for this engine)`;
  const sources = (input as { precisionSources?: Record<string, string> }).precisionSources;
  const precision = `precision: weights ${input.precisions.weights}, activations ${input.precisions.activations}, KV ${input.precisions.kvCache}${sources ? ` (from ${[...new Set(Object.values(sources))].join("/")})` : ""}`;
  return (
    `${basis}\n${precision}\n${title}: ${formatDuration(step.seconds)}\n` +
    formatTable(
      [
        { key: "operator" },
        { key: "flops", header: "FLOPs", format: (v: number) => formatSi(v, 3) },
        { key: "bytes", header: "bytes moved", format: (v: number) => formatBytes(v) },
        { key: "seconds", header: "time", format: (v: number) => formatDuration(v) },
        { key: "share", format: (v: number) => formatPercent(v) },
        { key: "bound" },
      ],
      rows,
    )
  );
}
