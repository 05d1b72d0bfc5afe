// Expert-parallel all-to-all time over scale-up and scale-out links.
import type { LinkRate } from "./step.js";

/** Expert-parallel all-to-all: where the ranks sit and the links between them. */
export interface AllToAllInput {
  /** Tokens each rank routes in this step. */
  tokensPerRank: number;
  /** Ranks each token's hidden state is sent to (its routed experts). */
  destinationsPerToken: number;
  hiddenSize: number;
  /** Bytes per element going out (DeepEP dispatches in FP8) and coming back (combine in BF16). */
  dispatchBytes: number;
  combineBytes: number;
  ranks: number;
  /** Accelerators sharing the scale-up fabric. */
  domainSize: number;
  inside: LinkRate;
  /** Scale-out network, needed when ranks exceed the domain. */
  outside: LinkRate | null;
}

/**
 * Seconds of one dispatch plus combine. Destinations spread evenly over the ranks, so (ranks-1)/ranks of the
 * traffic leaves a rank; of that, the share bound for ranks in other domains crosses the scale-out network.
 * Both links run at once, so the slower side sets the time; each phase pays one message latency.
 * Method as in DeepSeek-AI, "Insights into DeepSeek-V3" (arXiv 2505.09343), section 2.3.
 */
export function allToAllSeconds(p: AllToAllInput): number {
  if (p.ranks <= 1) return 0;
  const bytes = p.tokensPerRank * p.destinationsPerToken * p.hiddenSize * (p.dispatchBytes + p.combineBytes);
  const leaving = (bytes * (p.ranks - 1)) / p.ranks;
  const local = Math.min(p.ranks, p.domainSize);
  const outsideShare = (p.ranks - local) / (p.ranks - 1);
  const insideSeconds = (leaving * (1 - outsideShare)) / p.inside.bytesPerSecond;
  if (outsideShare > 0 && !p.outside) return Infinity;
  const outsideSeconds = outsideShare > 0 && p.outside ? (leaving * outsideShare) / p.outside.bytesPerSecond : 0;
  const latency = 2 * (outsideShare > 0 && p.outside ? p.outside.latencySeconds : p.inside.latencySeconds);
  return Math.max(insideSeconds, outsideSeconds) + latency;
}
