// Time of one engine step: per-operator max(compute, memory) at achieved rates, collectives on their links, overheads.
import type { LayerGroup, ModelShape } from "./model-shape.js";
import { allToAllSeconds } from "./collectives.js";
import { expectedDistinctExperts } from "./moe.js";
import { type KernelFormat, type KvFormat, type OperatorProfile, allReduceSeconds, contextAttentionSeconds, gemmSeconds, generationAttentionSeconds, mlaContextSeconds, mlaGenerationSeconds, moeSeconds } from "./operators.js";

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

/**
 * Operator latency models for this accelerator and framework (fitted to measured kernels, or built from
 * microbenchmark rates) and the kernel formats the precisions select. When present, GEMMs, attention, MLA, MoE and
 * all-reduces take their time from these models; the roofline rates then only say what binds.
 */
export interface KernelRates {
  profile: OperatorProfile;
  gemmFormat: KernelFormat;
  kvFormat: KvFormat;
  /** MLA module tables come in bf16 or DeepSeek's fp8 block-scaled GEMMs. */
  mlaFormat: "bf16" | "fp8_block";
  /** Device-time multiplier (1 unless a calibration scales it). */
  deviceScale: number;
  /** Datasheet dense peak of the GEMM format: no operator finishes its FLOPs faster. */
  peakFlopsPerSecond: number;
  /** "measured": fitted to kernel tables; "microbenchmark": forms with rates from achieved GEMM/bandwidth figures. */
  basis: "measured" | "microbenchmark";
}

/** Achieved per-accelerator rates and the links the plan's collectives cross. */
export interface Rates {
  /** Operator models; absent: every operator is max(compute, memory) at the achieved rates below. */
  kernels?: KernelRates;
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
  const kr = rates.kernels;
  // An operator whose time comes from a kernel model; flops and bytes at the roofline rates only say what binds.
  const kop = (name: string, flops: number, bytes: number, seconds: number, count: number, bytesPerSecond = rates.memoryBytesPerSecond, flopsPerSecond = rates.matmulFlopsPerSecond): void => {
    const floor = flops / kr!.peakFlopsPerSecond;
    const t = (seconds * kr!.deviceScale > floor ? seconds * kr!.deviceScale : floor) * count;
    const compute = flops / flopsPerSecond > bytes / bytesPerSecond;
    acc.seconds += t;
    if (compute) acc.computeSeconds += t;
    else acc.memorySeconds += t;
    visit?.(name, flops * count, bytes * count, t, compute ? "compute" : "memory");
  };
  // Small GEMMs waste tiles: efficiency falls with few tokens (m) and with narrow matrices (width after sharding).
  const gemmRate = (m: number, width: number): number => rates.matmulFlopsPerSecond * (m / (m + rates.gemmHalfEfficiencyTokens)) * (width / (width + rates.gemmHalfEfficiencyWidth));

  for (const g of shape.groups) {
    const layers = g.layerCount / pp;
    if (layers === 0) continue;
    layerOps(g, layers);
  }

  function layerOps(g: LayerGroup, layers: number): void {
    if (kr) return kernelLayerOps(g, layers, kr);
    const attention = g.mixer === "attention";
    const linear = g.mixer === "gdn" || g.mixer === "mamba2";
    // Mixer projections: sharded by tp, replicated over dp ranks (each sees its own tokens).
    if (g.attentionParamCount > 0) {
      op(
        "attention projections",
        (2 * attnTokens * g.attentionParamCount) / tp,
        (g.attentionParamCount * wB) / tp + (attnTokens * g.activationElementsPerToken * aB) / (4 * tp),
        gemmRate(attnTokens, Math.min(h, (a.headCount * a.headDim) / tp)),
        layers,
      );
    }
    const window = g.sliding && a.slidingWindow !== null ? a.slidingWindow : Infinity;
    if (attention && decodeSeqs > 0) {
      const ctx = Math.min(load.decodeContextTokens, window);
      const core = g.sparseTopKTokens === null ? ctx : Math.min(ctx, g.sparseTopKTokens);
      const seqs = decodeSeqs / dp;
      // KV is read once per step however many draft tokens are verified against it.
      op("attention decode", (seqs * q * core * g.decodeAttentionFlopsPerPair) / tp, (seqs * (core + q) * g.kvBytesPerToken * dp) / kvShard, rates.attentionFlopsPerSecond, layers, rates.kvBytesPerSecond);
      if (g.indexerFlopsPerPair > 0)
        op("sparse-attention indexer decode", (seqs * q * ctx * g.indexerFlopsPerPair) / tp, (seqs * ctx * g.indexerKvBytesPerToken * dp) / kvShard, rates.attentionFlopsPerSecond, layers, rates.kvBytesPerSecond);
    }
    if (attention && prefill > 0) {
      const ctx = Math.min(load.prefillContextTokens, window);
      const core = g.sparseTopKTokens === null ? ctx : Math.min(ctx, g.sparseTopKTokens);
      const p = prefill / dp;
      op("attention prefill", (p * core * g.prefillAttentionFlopsPerPair) / tp, (p * g.kvBytesPerToken * dp) / kvShard + (p * 4 * h * aB) / tp, rates.attentionFlopsPerSecond, layers);
      if (g.indexerFlopsPerPair > 0) op("sparse-attention indexer prefill", (p * ctx * g.indexerFlopsPerPair) / tp, (p * g.indexerKvBytesPerToken * dp) / kvShard, rates.attentionFlopsPerSecond, layers);
    }
    if (linear) linearMixerOps(g, layers);
    if (g.mixer !== "none" && tp > 1) allReduce(tp, attnTokens, layers);
    mlpOps(g, layers);
  }

  /** Recurrent mixers (GDN, Mamba2): each decoding sequence reads and writes its state once per step; prefill runs the chunked form. */
  function linearMixerOps(g: LayerGroup, layers: number): void {
    const stateShard = tp;
    if (decodeSeqs > 0) {
      const seqs = decodeSeqs / dp;
      op("linear mixer decode", (seqs * q * g.decodeLinearMixerFlopsPerToken) / tp, (seqs * 2 * g.stateBytesPerSequence * dp) / (stateShard * dp), rates.attentionFlopsPerSecond, layers, rates.kvBytesPerSecond);
    }
    if (prefill > 0) {
      const p = prefill / dp;
      const seqs = Math.max(1, (load.prefillSequenceCount ?? 1) * micro) / dp;
      op("linear mixer prefill", (p * g.prefillLinearMixerFlopsPerToken) / tp, (seqs * 2 * g.stateBytesPerSequence) / stateShard + (p * 4 * h * aB) / tp, rates.attentionFlopsPerSecond, layers);
    }
  }

  function mlpOps(g: LayerGroup, layers: number): void {
    if (g.moe && a.moe) {
      moeOps(g, layers);
    } else if (g.denseMlpParamCount > 0) {
      // Under DP attention the dense MLP is sharded over every rank of the group, on the gathered tokens.
      const mlpShard = tp * dp;
      op("mlp", (2 * tokens * g.denseMlpParamCount) / mlpShard, (g.denseMlpParamCount * wB) / mlpShard + (tokens * h * 4 * aB) / mlpShard, gemmRate(tokens / dp, Math.min(h, a.intermediateSize / mlpShard)), layers);
      if (mlpShard > 1) allReduce(mlpShard, tokens, layers);
    }
  }

  /**
   * One layer group from the operator models: the mixer projections as one GEMM (k = hidden), attention by phase
   * (MLA from its module or kernel tables), the MLP as gate-up and down GEMMs, experts as grouped GEMMs, all-reduces
   * from the framework's custom kernel or NCCL while the group stays in the scale-up domain.
   */
  function kernelLayerOps(g: LayerGroup, layers: number, k: KernelRates): void {
    const P = k.profile;
    const attention = g.mixer === "attention";
    const mla = attention && a.attention.kind === "mla" && P.mla !== undefined;
    // tables a profile lacks fall back to the roofline operator
    const gqaTables = P.contextAttention !== undefined && P.generationAttention !== undefined;

    const mlaModule = mla && P.mla!.scope === "module";
    const headsPerRank = Math.max(1, a.headCount / tp);
    const kvHeadsPerRank = Math.max(1, a.kvHeadCount / tp);
    const window = g.sliding && a.slidingWindow !== null ? a.slidingWindow : Infinity;
    if (g.attentionParamCount > 0 && !mlaModule) {
      const n = g.attentionParamCount / (h * tp);
      kop("attention projections", (2 * attnTokens * g.attentionParamCount) / tp, (g.attentionParamCount * wB) / tp, gemmSeconds(P, k.gemmFormat, attnTokens, n, h), layers);
    }
    if (attention && decodeSeqs > 0) {
      const ctx = Math.min(load.decodeContextTokens, window);
      const core = g.sparseTopKTokens === null ? ctx : Math.min(ctx, g.sparseTopKTokens);
      const seqs = decodeSeqs / dp;
      const flops = (seqs * q * core * g.decodeAttentionFlopsPerPair) / tp;
      const bytes = (seqs * (core + q) * g.kvBytesPerToken * dp) / kvShard;
      if (!mla && !gqaTables) op("attention decode", flops, bytes, rates.attentionFlopsPerSecond, layers, rates.kvBytesPerSecond);
      else
        kop(
          mlaModule ? "attention (MLA module) decode" : "attention decode",
          flops,
          bytes,
          mla
            ? mlaGenerationSeconds(P, { batchSize: seqs * q, contextTokens: core, headCount: headsPerRank, kvFormat: k.kvFormat, gemmFormat: k.mlaFormat })
            : generationAttentionSeconds(P, { batchSize: seqs, contextTokens: core, headCount: headsPerRank * q, kvHeadCount: kvHeadsPerRank, headDim: a.headDim, kvFormat: k.kvFormat }),
          layers,
          rates.kvBytesPerSecond,
          rates.attentionFlopsPerSecond,
        );
      if (g.indexerFlopsPerPair > 0)
        op("sparse-attention indexer decode", (seqs * q * ctx * g.indexerFlopsPerPair) / tp, (seqs * ctx * g.indexerKvBytesPerToken * dp) / kvShard, rates.attentionFlopsPerSecond, layers, rates.kvBytesPerSecond);
    }
    if (attention && prefill > 0) {
      const ctx = Math.min(load.prefillContextTokens, window);
      const core = g.sparseTopKTokens === null ? ctx : Math.min(ctx, g.sparseTopKTokens);
      const p = prefill / dp;
      // A chunk of p tokens each attending to ~core tokens: the causal prompt of s = 2 core - 1 tokens has the
      // same pairs per token, so p / s such prompts carry the chunk's work.
      const s = Math.max(1, 2 * core - 1);
      const b = p / s;
      const flops = (p * core * g.prefillAttentionFlopsPerPair) / tp;
      const bytes = (p * g.kvBytesPerToken * dp) / kvShard + (p * 4 * h * aB) / tp;
      if (!mla && !gqaTables) op("attention prefill", flops, bytes, rates.attentionFlopsPerSecond, layers);
      else
        kop(
          mlaModule ? "attention (MLA module) prefill" : "attention prefill",
          flops,
          bytes,
          mla
            ? mlaContextSeconds(P, { batchSize: b, inputTokens: s, headCount: headsPerRank, kvFormat: k.kvFormat, gemmFormat: k.mlaFormat })
            : contextAttentionSeconds(P, { batchSize: b, inputTokens: s, headCount: headsPerRank, kvHeadCount: kvHeadsPerRank, headDim: a.headDim, kvFormat: k.kvFormat }),
          layers,
          rates.memoryBytesPerSecond,
          rates.attentionFlopsPerSecond,
        );
      if (g.indexerFlopsPerPair > 0) op("sparse-attention indexer prefill", (p * ctx * g.indexerFlopsPerPair) / tp, (p * g.indexerKvBytesPerToken * dp) / kvShard, rates.attentionFlopsPerSecond, layers);
    }
    if (g.mixer === "gdn" || g.mixer === "mamba2") linearMixerOps(g, layers);
    if (g.mixer !== "none" && tp > 1) kernelAllReduce(tp, attnTokens, layers);
    if (g.moe && a.moe) {
      if (P.moe) kernelMoeOps(g, layers, k);
      else moeOps(g, layers);
    } else if (g.denseMlpParamCount > 0) {
      const shard = tp * dp;
      // gate + up (2/3 of a gated MLP's weights) then down (1/3)
      const inner = g.denseMlpParamCount / (3 * h * shard);
      const seconds = gemmSeconds(P, k.gemmFormat, tokens, 2 * inner, h) + gemmSeconds(P, k.gemmFormat, tokens, h, inner);
      kop("mlp", (2 * tokens * g.denseMlpParamCount) / shard, (g.denseMlpParamCount * wB) / shard, seconds, layers);
      if (shard > 1) kernelAllReduce(shard, tokens, layers);
    }
  }

  function kernelMoeOps(g: LayerGroup, layers: number, k: KernelRates): void {
    const moe = a.moe!;
    const ep = plan.ep;
    const denseShard = tp * dp;
    if (g.denseMlpParamCount > 0) {
      const inner = g.denseMlpParamCount / (3 * h * denseShard);
      kop(
        "router + shared experts",
        (2 * tokens * g.denseMlpParamCount) / denseShard,
        (g.denseMlpParamCount * wB) / denseShard,
        gemmSeconds(k.profile, k.gemmFormat, tokens, 2 * inner, h) + gemmSeconds(k.profile, k.gemmFormat, tokens, h, inner),
        layers,
      );
    }
    const expertShard = (tp * dp) / ep;
    const perRankTokens = ((tokens * moe.expertsPerToken) / ep) * rates.expertImbalanceFactor;
    const seconds = moeSeconds(k.profile, k.gemmFormat, {
      tokenCount: tokens * rates.expertImbalanceFactor,
      hiddenSize: h,
      intermediateSize: moe.expertIntermediateSize,
      topK: moe.expertsPerToken,
      expertCount: moe.routedExpertCount,
      tpSize: expertShard,
      epSize: ep,
    });
    kop("routed experts", (2 * perRankTokens * g.expertParamCount) / expertShard, (Math.min(moe.routedExpertCount / ep, perRankTokens) * g.expertParamCount * wB) / expertShard, seconds, layers);
    if (ep > 1) expertAllToAll(tokens, layers);
    if (expertShard > 1) kernelAllReduce(expertShard, tokens, layers);
  }

  /** All-reduce from the framework's custom kernel / NCCL inside the scale-up domain; the link model beyond it or without tables. */
  function kernelAllReduce(n: number, arTokens: number, layers: number): void {
    const P = kr!.profile;
    if (n > rates.scaleUpDomainSize || (!P.allReduce && !P.nccl?.all_reduce)) return allReduce(n, arTokens, layers);
    const message = arTokens * h * reduceBytes;
    const t = allReduceSeconds(P, { messageBytes: message, gpuCount: n }) * layers;
    acc.seconds += t;
    acc.interconnectSeconds += t;
    visit?.("all-reduce", 0, ((2 * (n - 1)) / n) * message * layers, t, "interconnect");
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
      op(
        "router + shared experts",
        (2 * tokens * g.denseMlpParamCount) / denseShard,
        (g.denseMlpParamCount * wB) / denseShard,
        gemmRate(tokens / dp, Math.min(h, (moe.sharedIntermediateSize || moe.expertIntermediateSize) / denseShard)),
        layers,
      );
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
    if (ep > 1) expertAllToAll(tokens, layers);
    if (expertShard > 1) allReduce(expertShard, tokens, layers);
  }

  /** Dispatch and combine (all-to-all): each token's hidden state travels to its top-k ranks and back. */
  function expertAllToAll(a2aTokens: number, layers: number): void {
    const moe = a.moe!;
    const ep = plan.ep;
    const seconds = allToAllSeconds({
      tokensPerRank: a2aTokens / ep,
      destinationsPerToken: moe.expertsPerToken,
      hiddenSize: h,
      dispatchBytes: aB,
      combineBytes: reduceBytes,
      ranks: ep,
      domainSize: rates.scaleUpDomainSize,
      inside: rates.expertLink,
      outside: rates.scaleOutLink,
    });
    const bytes = (a2aTokens / ep) * moe.expertsPerToken * h * (aB + reduceBytes);
    acc.seconds += seconds * layers;
    acc.interconnectSeconds += seconds * layers;
    visit?.("all-to-all", 0, bytes * layers, seconds * layers, "interconnect");
  }

  // LM head on the last stage, sharded by tp (vocab-parallel).
  if (shape.lmHeadParamCount > 0 && load.logitsCount > 0) {
    const logits = load.logitsCount * micro;
    const flops = (2 * logits * shape.lmHeadParamCount) / (tp * dp);
    const bytes = (shape.lmHeadParamCount * shape.headBytesPerParam) / (tp * dp);
    // the head stays 16-bit in quantized checkpoints
    if (kr) kop("lm head", flops, bytes, gemmSeconds(kr.profile, "bf16", logits, shape.lmHeadParamCount / (h * tp * dp), h), 1 / pp);
    else op("lm head", flops, bytes, gemmRate(logits, h), 1 / pp);
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
