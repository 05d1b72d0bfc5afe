// FLOP counts of a forward pass or decode step, from the same operator code that times steps.
import type { ModelShape } from "./model-shape.js";
import { type Plan, type Rates, type StepLoad, stepTime } from "./step.js";

export interface FlopCount {
  totalFlops: number;
  byOperator: Record<string, number>;
}

const UNIT_LINK = { bytesPerSecond: 1, latencySeconds: 0 };
const UNIT_RATES: Rates = {
  matmulFlopsPerSecond: 1,
  attentionFlopsPerSecond: 1,
  memoryBytesPerSecond: 1,
  kvBytesPerSecond: 1,
  gemmHalfEfficiencyTokens: 0,
  gemmHalfEfficiencyWidth: 0,
  expertGemmFraction: 1,
  tensorLink: UNIT_LINK,
  expertLink: UNIT_LINK,
  scaleOutLink: UNIT_LINK,
  scaleUpDomainSize: 1,
  pipelineLink: UNIT_LINK,
  stepOverheadSeconds: 0,
  layerOverheadSeconds: 0,
  sequenceOverheadSeconds: 0,
  expertImbalanceFactor: 1,
  routingSkew: 0,
};
const ONE_DEVICE: Plan = { tp: 1, pp: 1, ep: 1, dpAttention: 1, replicas: 1 };

/**
 * FLOPs of one forward pass over `tokenCount` tokens of one sequence, counted by the same per-operator code
 * that times engine steps. `attention: "full"` counts every query-key pair (bidirectional encoders, and the
 * published convention of Tensor Economics' tables); "causal" counts the (S+1)/2 keys each query sees.
 */
export function forwardFlops(shape: ModelShape, tokenCount: number, options: { attention: "causal" | "full"; logitsCount: number }): FlopCount {
  return countFlops(shape, {
    decodeSequenceCount: 0,
    decodeContextTokens: 0,
    decodeTokensPerSequence: 1,
    prefillTokenCount: tokenCount,
    prefillContextTokens: options.attention === "full" ? tokenCount : (tokenCount + 1) / 2,
    logitsCount: options.logitsCount,
  });
}

/** FLOPs of one decode step for `batch` sequences each holding `contextTokens` tokens. */
export function decodeFlops(shape: ModelShape, batch: number, contextTokens: number): FlopCount {
  return countFlops(shape, { decodeSequenceCount: batch, decodeContextTokens: contextTokens, decodeTokensPerSequence: 1, prefillTokenCount: 0, prefillContextTokens: 0, logitsCount: batch });
}

/** Runs the step model on one device at unit rates and adds up each operator's FLOPs. */
function countFlops(shape: ModelShape, load: StepLoad): FlopCount {
  const byOperator: Record<string, number> = {};
  let totalFlops = 0;
  stepTime(shape, ONE_DEVICE, UNIT_RATES, load, (name, flops) => {
    byOperator[name] = (byOperator[name] ?? 0) + flops;
    totalFlops += flops;
  });
  return { totalFlops, byOperator };
}
