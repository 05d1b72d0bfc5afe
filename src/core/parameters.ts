// Exact parameter counts per layer and in total: attention (GQA/MLA), dense MLP, routed and shared experts.
import type { Architecture } from "./architecture.js";

/** Parameter counts of one layer, split by what a forward pass reads. */
export interface LayerParameters {
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
  return count;
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
  const attentionCount = attentionParameterCount(a);
  const layers: LayerParameters[] = [];
  let total = 0;
  let active = 0;
  for (let i = 0; i < a.layerCount; i++) {
    const moe = a.moe !== null && a.moe.layerIsMoe[i] === true ? a.moe : null;
    let denseMlpCount: number;
    let routedExpertsCount = 0;
    let expertCount = 0;
    if (moe) {
      const router = h * moe.routedExpertCount + (moe.expertBias ? moe.routedExpertCount : 0);
      const shared = moe.sharedIntermediateSize > 0 ? mlpParameterCount(a, moe.sharedIntermediateSize, false) : 0;
      // Qwen2-MoE style shared experts carry a scalar gate per token.
      const sharedGate = a.modelType === "qwen2_moe" ? h : 0;
      denseMlpCount = router + shared + sharedGate;
      expertCount = mlpParameterCount(a, moe.expertIntermediateSize, moe.expertBias);
      routedExpertsCount = expertCount * moe.routedExpertCount;
    } else {
      denseMlpCount = mlpParameterCount(a, a.intermediateSize);
    }
    // MLA's latent norms are counted inside attentionParameterCount.
    const normCount = a.normsPerLayer * normWeights;
    const layer: LayerParameters = { attentionCount, denseMlpCount, routedExpertsCount, expertCount, normCount };
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
