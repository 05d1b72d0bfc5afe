// The sentence that says what binds a prediction and by how much, from the engine's own evaluation (host overhead
// included): the CLI's `predict` and the web's Predict page print the same words.
import type { PredictionEvaluation } from "../core/evaluation.js";
import type { PredictInput } from "../core/predict.js";
import type { Prediction } from "../core/scenario.js";

const pct = (f: number) => `${Math.round(f * 100)}%`;

/** "(61% of the step, 1.8x the next; host overhead 12%)": the evaluation's shares, or "" without a step. */
function shareText(ev: PredictionEvaluation | undefined): string {
  if (!ev?.step) return "";
  const margin = Number.isFinite(ev.bindingMarginRatio) ? `, ${ev.bindingMarginRatio.toFixed(1)}x the next` : "";
  const host = ev.binding === "host" ? "" : `; host overhead ${pct(ev.hostOverheadFraction)}`;
  return ` (${pct(ev.bindingFraction)} of the step${margin}${host})`;
}

/** One sentence on what binds decode (or the forward pass) and why, from the prediction and its evaluation. */
export function explainBound(p: Prediction, input: PredictInput, ev?: PredictionEvaluation): string {
  if (!p.fits) return "bound: capacity - the model (or one sequence's KV cache) does not fit in accelerator memory; see the issue below.";
  const acc = input.accelerator;
  const embed = input.scenario.workload.kind === "embed";
  const phase = embed ? "the forward pass" : "decode";
  const eachStep = embed ? "each forward pass" : "each decode step";
  const tbps = (acc.memoryBandwidthBytesPerSecond / 1e12).toFixed(2);
  const binding = ev && p.bound !== "capacity" ? ev.binding : p.bound;
  const shares = shareText(ev);
  switch (binding) {
    case "host":
      return `bound: host overhead - scheduling and kernel launches between ${embed ? "forward passes" : "decode steps"} take ${pct(ev!.hostOverheadFraction)} of each step, more than ${acc.name}'s compute or memory; larger batches amortize it${ev!.bindingMarginRatio < Number.POSITIVE_INFINITY ? ` (${ev!.bindingMarginRatio.toFixed(1)}x the next share)` : ""}.`;
    case "compute":
      return `bound: compute - ${phase} performs enough FLOPs per byte read that ${acc.name}'s tensor cores, not its ${tbps} TB/s memory, set the pace${shares}.`;
    case "memory":
      return `bound: memory bandwidth - ${eachStep} re-reads the weights${embed ? "" : " and KV cache"} from ${tbps} TB/s memory for too few tokens to keep the tensor cores busy; larger batches amortize it${shares}.`;
    case "interconnect":
      return `bound: interconnect - collectives between accelerators (all-reduce/all-to-all over ${acc.scaleUp.name}${acc.scaleOut ? ` or ${acc.scaleOut.name}` : ""}) take more of each step than compute or memory${shares}.`;
    case "capacity":
      return "bound: memory capacity - the KV cache fills the memory left after weights, so fewer sequences run at once than requested; the rest queue.";
    default:
      return "";
  }
}
