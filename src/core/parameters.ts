// Exact parameter counts per layer and in total: attention (GQA/MLA/DSA), Gated DeltaNet, Mamba2, dense MLP,
// routed and shared experts.
import type { Architecture, GatedDeltaNet, Mamba2, Mixer } from "./architecture.js";

/** Parameter counts of one layer, split by what a forward pass reads. */
export interface LayerParameters {
  mixer: Mixer;
  /** Token-mixer parameters: attention projections (with a DSA indexer), or the GDN / Mamba2 projections and conv. */
  attentionCount: number;
  /** Dense MLP, or for a MoE layer the router plus shared experts (read by every token). */
  denseMlpCount: number;
  /** Routed experts of a MoE layer (all of them), 0 for dense layers. */
  routedExpertsCount: number;
  /** One routed expert's parameters. */
  expertCount: number;
  normCount: number;
}

export interface ParameterCounts {
  totalCount: number;
  /** Parameters touched per token: dense parts plus top-k routed experts (embedding table included). */
  activeCount: number;
  embeddingCount: number;
  lmHeadCount: number;
  /** Per layer, in order. */
  layers: LayerParameters[];
}

/** Attention projection parameters of one layer (q, k, v, o with biases, q/k norms, sinks). */
export function attentionParameterCount(a: Architecture): number {
  const h = a.hiddenSize;
  if (a.attention.kind === "mla") {
    const m = a.attention;
    const qHead = m.qkNopeHeadDim + m.qkRopeHeadDim;
    const q = m.qLoraRank === null ? h * a.headCount * qHead : h * m.qLoraRank + m.qLoraRank + m.qLoraRank * a.headCount * qHead;
    const kv = h * (m.kvLoraRank + m.qkRopeHeadDim) + m.kvLoraRank + m.kvLoraRank * a.headCount * (m.qkNopeHeadDim + m.vHeadDim);
    const o = a.headCount * m.vHeadDim * h;
    return q + kv + o;
  }
  const qDim = a.headCount * a.headDim;
  const kvDim = a.kvHeadCount * a.headDim;
  let count = h * qDim + 2 * h * kvDim + qDim * h;
  if (a.attentionBias) count += qDim + 2 * kvDim;
  if (a.outputBias) count += h;
  if (a.qkNorm) count += 2 * a.headDim;
  if (a.attentionSinks) count += a.headCount;
  // attn_output_gate: q_proj also emits a query-sized gate.
  if (a.attentionOutputGate) count += h * qDim;
  return count;
}

/**
 * DSA lightning indexer of one layer (DeepSeek-V3.2 inference/model.py Indexer): wq_b (q_lora_rank -> heads x dim),
 * wk (hidden -> dim), k_norm LayerNorm (weight + bias), weights_proj (hidden -> heads).
 */
export function indexerParameterCount(a: Architecture): number {
  const s = a.sparseAttention;
  if (!s) return 0;
  const qIn = a.attention.kind === "mla" && a.attention.qLoraRank !== null ? a.attention.qLoraRank : a.hiddenSize;
  return qIn * s.indexHeadCount * s.indexHeadDim + a.hiddenSize * s.indexHeadDim + 2 * s.indexHeadDim + a.hiddenSize * s.indexHeadCount;
}

/**
 * Gated DeltaNet layer (transformers Qwen3NextGatedDeltaNet / Qwen3.5): in_proj q,k,v,z (hidden -> 2 key_dim +
 * 2 value_dim), in_proj b,a (hidden -> 2 value heads), depthwise conv over q,k,v (no bias), dt_bias and A_log per
 * value head, gated RMSNorm over the value head dim, out_proj (value_dim -> hidden).
 */
export function gdnParameterCount(h: number, g: GatedDeltaNet): number {
  const keyDim = g.keyHeadCount * g.keyHeadDim;
  const valueDim = g.valueHeadCount * g.valueHeadDim;
  const convDim = 2 * keyDim + valueDim;
  return h * (2 * keyDim + 2 * valueDim) + h * 2 * g.valueHeadCount + convDim * g.convKernelSize + 2 * g.valueHeadCount + g.valueHeadDim + valueDim * h;
}

/**
 * Mamba2 layer (transformers NemotronHMamba2Mixer / mamba_ssm Mamba2): in_proj (hidden -> z, x, B, C, dt =
 * 2 inner + 2 groups x state + heads), depthwise conv over x, B, C (with bias), dt_bias, A_log, D per head,
 * gated RMSNorm over inner, out_proj (inner -> hidden); inner = heads x head dim.
 */
export function mamba2ParameterCount(h: number, m: Mamba2): number {
  const inner = m.headCount * m.headDim;
  const convDim = inner + 2 * m.groupCount * m.stateSize;
  const projection = inner + convDim + m.headCount;
  let count = h * projection + convDim * m.convKernelSize + 3 * m.headCount + inner + inner * h;
  if (m.convBias) count += convDim;
  if (m.projectionBias) count += projection + h;
  return count;
}

/** Token-mixer parameters of layer i. */
export function mixerParameterCount(a: Architecture, i: number): number {
  const mixer = a.layerMixers[i] ?? "attention";
  if (mixer === "gdn") return gdnParameterCount(a.hiddenSize, a.gdn!);
  if (mixer === "mamba2") return mamba2ParameterCount(a.hiddenSize, a.mamba2!);
  if (mixer === "none") return 0;
  const indexer = a.sparseAttention?.layerHasIndexer[i] === true ? indexerParameterCount(a) : 0;
  return attentionParameterCount(a) + indexer;
}

/** Dense MLP parameters for an intermediate width. */
export function mlpParameterCount(a: Architecture, intermediate: number, bias = a.mlpBias): number {
  const matrices = a.mlpKind === "gated" ? 3 : 2;
  let count = matrices * a.hiddenSize * intermediate;
  if (bias) count += (a.mlpKind === "gated" ? 2 : 1) * intermediate + a.hiddenSize;
  return count;
}

/** Exact parameter counts from the architecture (MTP modules excluded, as model cards count them). */
export function countParameters(a: Architecture): ParameterCounts {
  const h = a.hiddenSize;
  const normWeights = a.normKind === "layer" ? 2 * h : h;
  const layers: LayerParameters[] = [];
  let total = 0;
  let active = 0;
  for (let i = 0; i < a.layerCount; i++) {
    const mixer = a.layerMixers[i] ?? "attention";
    const attentionCount = mixerParameterCount(a, i);
    const moe = a.moe !== null && a.moe.layerIsMoe[i] === true ? a.moe : null;
    let denseMlpCount: number;
    let routedExpertsCount = 0;
    let expertCount = 0;
    if (moe) {
      const router = h * moe.routedExpertCount + (moe.expertBias ? moe.routedExpertCount : 0);
      const shared = moe.sharedIntermediateSize > 0 ? mlpParameterCount(a, moe.sharedIntermediateSize, false) : 0;
      // Qwen2-MoE / Qwen3-Next / Qwen3.5 shared experts carry a scalar gate per token.
      const sharedGate = /^(qwen2_moe|qwen3_next|qwen3_5_moe)/.test(a.modelType) && moe.sharedIntermediateSize > 0 ? h : 0;
      // Latent MoE: hidden -> latent and latent -> hidden projections around the routed experts.
      const latentProjections = moe.latentSize !== null ? 2 * h * moe.latentSize : 0;
      denseMlpCount = router + shared + sharedGate + latentProjections;
      const expertWidth = moe.latentSize ?? h;
      expertCount = (mlpParameterCount(a, moe.expertIntermediateSize, moe.expertBias) * expertWidth) / h;
      routedExpertsCount = expertCount * moe.routedExpertCount;
    } else {
      denseMlpCount = a.layerMlps[i] === "none" ? 0 : mlpParameterCount(a, a.intermediateSize);
    }
    // MLA's latent norms are counted inside attentionParameterCount.
    const normCount = a.normsPerLayer * normWeights;
    const layer: LayerParameters = { mixer, attentionCount, denseMlpCount, routedExpertsCount, expertCount, normCount };
    layers.push(layer);
    total += attentionCount + denseMlpCount + routedExpertsCount + normCount;
    active += attentionCount + denseMlpCount + normCount + (moe ? expertCount * moe.expertsPerToken : 0);
  }
  let embeddingCount = a.vocabSize * h + a.positionEmbeddingCount * h + a.tokenTypeCount * h;
  if (a.kind === "encoder") embeddingCount += 2 * h; // embedding LayerNorm
  const lmHeadCount = a.kind === "decoder" && a.lmHead && !a.tiedEmbeddings ? a.vocabSize * h : 0;
  const finalNorm = a.kind === "decoder" ? normWeights : 0;
  const pooler = a.pooler ? h * h + h : 0;
  total += embeddingCount + lmHeadCount + finalNorm + pooler;
  active += embeddingCount + lmHeadCount + finalNorm + pooler;
  return { totalCount: total, activeCount: active, embeddingCount, lmHeadCount, layers };
}
