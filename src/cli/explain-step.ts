// `predict --explain`: the per-operator breakdown of the step the engine evaluated (src/core/evaluation.ts), formatted.
import type { PredictionEvaluation } from "../core/evaluation.js";
import type { PredictInput } from "../core/predict.js";
import { formatBytes, formatDuration, formatPercent, formatSi, formatTable } from "../report/index.js";

/** Per-operator breakdown of one decode step (or forward pass) at the predicted operating point. */
export function explainStep(input: PredictInput, ev: PredictionEvaluation): string {
  const step = ev.step;
  if (!ev.fits || !step || !ev.rates) return "";
  const plan = ev.plan;
  const batch = step.sequenceCount;
  const rows = step.operators.map((o) => ({ operator: o.operator, flops: o.flops, bytes: o.bytes, seconds: o.seconds, share: o.shareFraction, bound: o.bound }));
  const title =
    step.kind === "decode"
      ? `one decode step of ${formatSi(batch, 3)} sequences per replica (per accelerator, tp ${plan.tp}, pp ${plan.pp}, ep ${plan.ep}, dp ${plan.dpAttention})`
      : `one forward pass of ${formatSi(batch, 3)} sequences (per accelerator)`;
  const k = ev.rates.kernels;
  const basis = k
    ? k.basis === "measured"
      ? `operator times: kernels measured on ${k.profile.system} with ${k.profile.framework} ${k.profile.version} (AIConfigurator tables, fitted; held-out errors in docs/kernel-fit.json), GEMMs ${k.gemmFormat}, KV ${k.kvFormat}`
      : `operator times: ${k.profile.source.note} (no kernel tables for this accelerator), GEMMs ${k.gemmFormat}, KV ${k.kvFormat}`
    : `operator times: roofline at the ${input.profile.engine} profile's achieved fractions of peak (no kernel models for this engine)`;
  const sources = (input as { precisionSources?: Record<string, string> }).precisionSources;
  const precision = `precision: weights ${input.precisions.weights}, activations ${input.precisions.activations}, KV ${input.precisions.kvCache}${sources ? ` (from ${[...new Set(Object.values(sources))].join("/")})` : ""}`;
  const binds = `binds: ${ev.binding} at ${formatPercent(ev.bindingFraction)} of the step${Number.isFinite(ev.bindingMarginRatio) ? ` (${ev.bindingMarginRatio.toFixed(2)}x the next)` : ""}; host overhead ${formatPercent(ev.hostOverheadFraction)}`;
  return (
    `${basis}\n${precision}\n${title}: ${formatDuration(step.time.seconds)}\n${binds}\n` +
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
