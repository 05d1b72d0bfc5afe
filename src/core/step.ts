// Time of one engine step: per-operator max(compute, memory) at achieved rates, collectives on their links, overheads.
import type { LayerGroup, ModelShape } from "./model-shape.js";
import { allToAllSeconds } from "./collectives.js";
import { expectedDistinctExperts } from "./moe.js";

/** How one replica is split over accelerators. */
export interface Plan {
  /** Tensor parallel degree of attention and dense layers. */
  tp: number;
  pp: number;
  /** Expert parallel degree (experts sharded over ep accelerators of the replica). */
  ep: number;
  /** Attention runs data parallel over dp ranks (each holds whole attention weights); 1 = plain TP. */
  dpAttention: number;
  replicas: number;
}

export interface LinkRate {
  bytesPerSecond: number;
  latencySeconds: number;
  /** A single-hop switched domain (NVSwitch, xGMI mesh): small collectives finish in one round trip (one-shot). */
  singleHop?: boolean;
}

/** Achieved per-accelerator rates and the links the plan's collectives cross. */
export interface Rates {
  matmulFlopsPerSecond: number;
  attentionFlopsPerSecond: number;
  memoryBytesPerSecond: number;
  /** Bandwidth of decode attention over the paged KV cache. */
  kvBytesPerSecond: number;
  gemmHalfEfficiencyTokens: number;
  gemmHalfEfficiencyWidth: number;
  /** Grouped-GEMM efficiency of routed experts relative to dense GEMMs. */
  expertGemmFraction: number;
  tensorLink: LinkRate;
  /** Scale-up link expert-parallel traffic uses inside a domain. */
  expertLink: LinkRate;
  /** Scale-out network for traffic between domains (null when the accelerator has none). */
  scaleOutLink: LinkRate | null;
  scaleUpDomainSize: number;
  pipelineLink: LinkRate;
  stepOverheadSeconds: number;
  layerOverheadSeconds: number;
  /** Host overheads overlap device work (step = max of the two) instead of adding to it. */
  hostOverlapsDevice?: boolean;
  sequenceOverheadSeconds: number;
  /** Max over mean of tokens per expert-parallel rank (1 = perfectly balanced). */
  expertImbalanceFactor: number;
  /** Zipf exponent of expert popularity (0 = uniform routing). */
  routingSkew: number;
}

/** Work of one engine step, for the whole replica. */
export interface StepLoad {
  decodeSequenceCount: number;
  /** Mean tokens in context of each decoding sequence. */
  decodeContextTokens: number;
  /** Tokens each decoding sequence feeds per step: 1, or 1 + draft tokens when verifying speculation. */
  decodeTokensPerSequence: number;
  prefillTokenCount: number;
  /** Mean context each prefill token attends to (about half the prompt for causal attention). */
  prefillContextTokens: number;
  /** Tokens whose logits are computed (decode tokens plus one per finishing prefill). */
  logitsCount: number;
  /** Sequences whose prompts are in this step (host-side per-sequence cost); default 1 when prefilling. */
  prefillSequenceCount?: number;
}

export interface StepTime {
  seconds: number;
  computeSeconds: number;
  memorySeconds: number;
  interconnectSeconds: number;
  overheadSeconds: number;
}

/** Receives each operator's cost; used to explain a step (the hot path passes none). */
export type OperatorVisitor = (name: string, flops: number, bytes: number, seconds: number, bound: "compute" | "memory" | "interconnect") => void;

/**
 * Time of one engine step on one replica: per operator max(compute, memory) at achieved rates, summed over
 * layers, plus collectives on their links and per-step overhead. Pipeline stages run pp micro-batches.
 */
export function stepTime(shape: ModelShape, plan: Plan, rates: Rates, load: StepLoad, visit?: OperatorVisitor): StepTime {
  const acc: StepTime = { seconds: 0, computeSeconds: 0, memorySeconds: 0, interconnectSeconds: 0, overheadSeconds: 0 };
  const pp = plan.pp;
  // Decode sequences cannot be split: with fewer sequences than stages the pipeline runs that many micro-batches
  // and every token still crosses all pp stages, so a step takes pp stage-times either way.
  const microBatches = load.decodeSequenceCount > 0 ? Math.min(pp, Math.max(1, load.decodeSequenceCount)) : pp;
  const micro = 1 / microBatches;
  const decodeSeqs = load.decodeSequenceCount * micro;
  const q = load.decodeTokensPerSequence;
  const decode = decodeSeqs * q;
  const prefill = load.prefillTokenCount * micro;
  const tokens = decode + prefill;
  if (tokens <= 0) return acc;
  const a = shape.architecture;
  const tp = plan.tp;
  const dp = plan.dpAttention;
  const attnTokens = tokens / dp;
  // MLA's latent is shared by all heads, so TP ranks each keep the whole cache; GQA shards KV heads.
  const kvShard = (a.attention.kind === "mla" ? 1 : Math.min(tp, a.kvHeadCount)) * dp;
  const wB = shape.weightBytesPerParam;
  const aB = shape.activationBytes;
  const h = a.hiddenSize;
  // Reductions run in at least 16 bits even when GEMMs run in fp8/fp4.
  const reduceBytes = aB > 2 ? aB : 2;

  const op = (name: string, flops: number, bytes: number, flopsPerSecond: number, count: number, bytesPerSecond = rates.memoryBytesPerSecond): void => {
    const c = flops / flopsPerSecond;
    const m = bytes / bytesPerSecond;
    const t = (c > m ? c : m) * count;
    acc.seconds += t;
    if (c > m) acc.computeSeconds += t;
    else acc.memorySeconds += t;
    visit?.(name, flops * count, bytes * count, t, c > m ? "compute" : "memory");
  };
  const comm = (name: string, bytes: number, link: LinkRate, steps: number, count: number): void => {
    const t = (bytes / link.bytesPerSecond + steps * link.latencySeconds) * count;
    acc.seconds += t;
    acc.interconnectSeconds += t;
    visit?.(name, 0, bytes * count, t, "interconnect");
  };
  // Small GEMMs waste tiles: efficiency falls with few tokens (m) and with narrow matrices (width after sharding).
  const gemmRate = (m: number, width: number): number =>
    rates.matmulFlopsPerSecond * (m / (m + rates.gemmHalfEfficiencyTokens)) * (width / (width + rates.gemmHalfEfficiencyWidth));

  for (const g of shape.groups) {
    const layers = g.layerCount / pp;
    if (layers === 0) continue;
    layerOps(g, layers);
  }

  function layerOps(g: LayerGroup, layers: number): void {
    // Attention projections: sharded by tp, replicated over dp ranks (each sees its own tokens).
    op("attention projections", (2 * attnTokens * g.attentionParamCount) / tp, (g.attentionParamCount * wB) / tp + (attnTokens * g.activationElementsPerToken * aB) / (4 * tp), gemmRate(attnTokens, Math.min(h, (a.headCount * a.headDim) / tp)), layers);
    const window = g.sliding && a.slidingWindow !== null ? a.slidingWindow : Infinity;
    if (decodeSeqs > 0) {
      const ctx = Math.min(load.decodeContextTokens, window);
      const seqs = decodeSeqs / dp;
      // KV is read once per step however many draft tokens are verified against it.
      op("attention decode", (seqs * q * ctx * g.decodeAttentionFlopsPerPair) / tp, (seqs * (ctx + q) * g.kvBytesPerToken * dp) / kvShard, rates.attentionFlopsPerSecond, layers, rates.kvBytesPerSecond);
    }
    if (prefill > 0) {
      const ctx = Math.min(load.prefillContextTokens, window);
      const p = prefill / dp;
      op("attention prefill", (p * ctx * g.prefillAttentionFlopsPerPair) / tp, (p * g.kvBytesPerToken * dp) / kvShard + (p * 4 * h * aB) / tp, rates.attentionFlopsPerSecond, layers);
    }
    if (tp > 1) allReduce(tp, attnTokens, layers);
    if (g.moe && a.moe) {
      moeOps(g, layers);
    } else {
      // Under DP attention the dense MLP is sharded over every rank of the group, on the gathered tokens.
      const mlpShard = tp * dp;
      op("mlp", (2 * tokens * g.denseMlpParamCount) / mlpShard, (g.denseMlpParamCount * wB) / mlpShard + (tokens * h * 4 * aB) / mlpShard, gemmRate(tokens / dp, Math.min(h, a.intermediateSize / mlpShard)), layers);
      if (mlpShard > 1) allReduce(mlpShard, tokens, layers);
    }
  }

  /**
   * All-reduce of tokens x hidden: ring bandwidth term 2(n-1)/n of the message per rank; inside a switched scale-up
   * domain one message latency (one-shot kernels write to every peer at once), log-depth tree rounds across the network.
   */
  function allReduce(n: number, arTokens: number, layers: number): void {
    const rounds = rates.tensorLink.singleHop ? 1 : 2 * Math.ceil(Math.log2(n));
    comm("all-reduce", (2 * (n - 1) * arTokens * h * reduceBytes) / n, rates.tensorLink, rounds, layers);
  }

  function moeOps(g: LayerGroup, layers: number): void {
    const moe = a.moe!;
    const ep = plan.ep;
    // Non-expert MoE parts (router, shared experts) are sharded like dense layers.
    const denseShard = tp * dp;
    if (g.denseMlpParamCount > 0) {
      op("router + shared experts", (2 * tokens * g.denseMlpParamCount) / denseShard, (g.denseMlpParamCount * wB) / denseShard, gemmRate(tokens / dp, Math.min(h, (moe.sharedIntermediateSize || moe.expertIntermediateSize) / denseShard)), layers);
    }
    // Experts are split over ep ranks; inside a rank each expert is sharded over the rest of the group.
    const expertShard = (tp * dp) / ep;
    const touched = expectedDistinctExperts(moe.routedExpertCount, moe.expertsPerToken, tokens, rates.routingSkew);
    const perRankTokens = ((tokens * moe.expertsPerToken) / ep) * rates.expertImbalanceFactor;
    const perRankExperts = Math.min(moe.routedExpertCount / ep, (touched / ep) * rates.expertImbalanceFactor);
    const tokensPerExpert = perRankExperts > 0 ? perRankTokens / perRankExperts : 0;
    op(
      "routed experts",
      (2 * perRankTokens * g.expertParamCount) / expertShard,
      (perRankExperts * g.expertParamCount * wB) / expertShard + (perRankTokens * h * 2 * aB) / expertShard,
      gemmRate(tokensPerExpert, Math.min(h, moe.expertIntermediateSize / expertShard)) * rates.expertGemmFraction,
      layers,
    );
    if (ep > 1) {
      // Dispatch and combine (all-to-all): each token's hidden state travels to its top-k ranks and back.
      const seconds = allToAllSeconds({
        tokensPerRank: tokens / ep,
        destinationsPerToken: moe.expertsPerToken,
        hiddenSize: h,
        dispatchBytes: aB,
        combineBytes: reduceBytes,
        ranks: ep,
        domainSize: rates.scaleUpDomainSize,
        inside: rates.expertLink,
        outside: rates.scaleOutLink,
      });
      const bytes = (tokens / ep) * moe.expertsPerToken * h * (aB + reduceBytes);
      acc.seconds += seconds * layers;
      acc.interconnectSeconds += seconds * layers;
      visit?.("all-to-all", 0, bytes * layers, seconds * layers, "interconnect");
    }
    if (expertShard > 1) allReduce(expertShard, tokens, layers);
  }

  // LM head on the last stage, sharded by tp (vocab-parallel).
  if (shape.lmHeadParamCount > 0 && load.logitsCount > 0) {
    const logits = load.logitsCount * micro;
    op("lm head", (2 * logits * shape.lmHeadParamCount) / (tp * dp), (shape.lmHeadParamCount * shape.headBytesPerParam) / (tp * dp), gemmRate(logits, h), 1 / pp);
  }
  // Micro-batches flow through pp stages: a step lasts max(micro-batches, pp) = pp stage-times.
  const stageSeconds = acc.seconds;
  acc.seconds = stageSeconds * pp;
  acc.computeSeconds *= pp;
  acc.memorySeconds *= pp;
  acc.interconnectSeconds *= pp;
  if (pp > 1) {
    const hop = (tokens * h * aB) / rates.pipelineLink.bytesPerSecond + rates.pipelineLink.latencySeconds;
    acc.seconds += hop * pp;
    acc.interconnectSeconds += hop * pp;
  }
  // Host work runs per scheduler: each data-parallel attention rank handles its own sequences.
  const overhead = rates.stepOverheadSeconds + rates.layerOverheadSeconds * a.layerCount + rates.sequenceOverheadSeconds * ((load.decodeSequenceCount + (load.prefillTokenCount > 0 ? (load.prefillSequenceCount ?? 1) : 0)) / dp);
  // overlapped host work shows only where it outlasts the device's work
  const visibleOverhead = rates.hostOverlapsDevice === true ? Math.max(0, overhead - acc.seconds) : overhead;
  acc.seconds += visibleOverhead;
  acc.overheadSeconds = visibleOverhead;
  return acc;
}
