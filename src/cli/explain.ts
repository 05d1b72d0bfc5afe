import type { PredictInput } from "../core/predict.js";
import type { Prediction } from "../core/scenario.js";

/** One sentence on what binds decode (or the forward pass) and why, from the prediction's numbers. */
export function explainBound(p: Prediction, input: PredictInput): string {
  if (!p.fits) return "bound: capacity - the model (or one sequence's KV cache) does not fit in accelerator memory; see the issue below.";
  const acc = input.accelerator;
  const embed = input.scenario.workload.kind === "embed";
  const phase = embed ? "the forward pass" : "decode";
  switch (p.bound) {
    case "compute":
      return `bound: compute - ${phase} performs enough FLOPs per byte read that ${acc.name}'s tensor cores, not its ${(acc.memoryBandwidthBytesPerSecond / 1e12).toFixed(2)} TB/s memory, set the pace.`;
    case "memory":
      return `bound: memory bandwidth - each ${phase} step re-reads the weights and KV cache from ${(acc.memoryBandwidthBytesPerSecond / 1e12).toFixed(2)} TB/s memory for too few tokens to keep the tensor cores busy; larger batches amortize it.`;
    case "interconnect":
      return `bound: interconnect - collectives between accelerators (all-reduce/all-to-all over ${acc.scaleUp.name}${acc.scaleOut ? ` or ${acc.scaleOut.name}` : ""}) take more of each step than compute or memory.`;
    case "capacity":
      return "bound: memory capacity - the KV cache fills the memory left after weights, so fewer sequences run at once than requested; the rest queue.";
    default:
      return "";
  }
}
