// An architecture bound to precisions: per-layer-group constants (params, KV bytes, attention FLOPs) for the hot path.
import type { Architecture } from "./architecture.js";
import { type ParameterCounts, countParameters } from "./parameters.js";
import { type Precision, bytesPerElement } from "./precision.js";

/** Formats of weights, activations and KV cache, set independently. */
export interface Precisions {
  weights: Precision;
  activations: Precision;
  kvCache: Precision;
}

/** Layers that share shapes, counted once with a multiplicity (the hot path loops over a few groups). */
export interface LayerGroup {
  layerCount: number;
  sliding: boolean;
  moe: boolean;
  attentionParamCount: number;
  /** Dense MLP params, or router + shared experts on a MoE layer. */
  denseMlpParamCount: number;
  expertParamCount: number;
  /** KV cache bytes one token adds to one layer. */
  kvBytesPerToken: number;
  /** Attention-core FLOPs per (query token x context token) in prefill (unabsorbed) form. */
  prefillAttentionFlopsPerPair: number;
  /** Same in decode; MLA absorbs the up-projections and attends over the latent. */
  decodeAttentionFlopsPerPair: number;
  /** Activation elements written + read by this layer's projections per token (for bytes moved). */
  activationElementsPerToken: number;
}

/** An architecture bound to precisions: the constants every step evaluation reads. */
export interface ModelShape {
  architecture: Architecture;
  parameters: ParameterCounts;
  precisions: Precisions;
  weightBytesPerParam: number;
  activationBytes: number;
  kvBytesPerElement: number;
  groups: LayerGroup[];
  /** LM head (or tied embedding) parameters read to produce logits. */
  lmHeadParamCount: number;
  /** Bytes per parameter of the embedding table and LM head, which quantized checkpoints keep wider. */
  headBytesPerParam: number;
  /** KV cache bytes per token over all layers (no window applied). */
  kvBytesPerToken: number;
  /** Total weight bytes (embeddings and LM head included). */
  weightBytes: number;
  /** Weight bytes of routed experts (what expert parallelism shards). */
  expertWeightBytes: number;
}

const shapes = new WeakMap<Architecture, Map<string, ModelShape>>();

/** Binds an architecture to precisions (memoized per architecture object and precision triple). */
export function shapeModel(architecture: Architecture, precisions: Precisions): ModelShape {
  const key = `${precisions.weights}/${precisions.activations}/${precisions.kvCache}`;
  let byPrecision = shapes.get(architecture);
  if (!byPrecision) {
    byPrecision = new Map();
    shapes.set(architecture, byPrecision);
  }
  const hit = byPrecision.get(key);
  if (hit) return hit;
  const shape = buildShape(architecture, precisions);
  byPrecision.set(key, shape);
  return shape;
}

function buildShape(architecture: Architecture, precisions: Precisions): ModelShape {
  const a = architecture;
  const parameters = countParameters(a);
  const kvBytesPerElement = bytesPerElement(precisions.kvCache);
  const groups = new Map<string, LayerGroup>();
  for (let i = 0; i < a.layerCount; i++) {
    const layer = parameters.layers[i]!;
    const sliding = a.layerIsSliding[i] === true;
    const moe = layer.routedExpertsCount > 0;
    const key = `${sliding}:${moe}`;
    const existing = groups.get(key);
    if (existing) {
      existing.layerCount += 1;
      continue;
    }
    groups.set(key, {
      layerCount: 1,
      sliding,
      moe,
      attentionParamCount: layer.attentionCount,
      denseMlpParamCount: layer.denseMlpCount,
      expertParamCount: layer.expertCount,
      kvBytesPerToken: kvElementsPerTokenPerLayer(a) * kvBytesPerElement,
      prefillAttentionFlopsPerPair: prefillPairFlops(a),
      decodeAttentionFlopsPerPair: decodePairFlops(a),
      activationElementsPerToken: activationElements(a, moe),
    });
  }
  const weightBytesPerParam = bytesPerElement(precisions.weights);
  const headBytesPerParam = headBytes(precisions.weights);
  const expertParams = parameters.layers.reduce((s, l) => s + l.routedExpertsCount, 0);
  const groupList = [...groups.values()];
  return {
    architecture: a,
    parameters,
    precisions,
    weightBytesPerParam,
    activationBytes: bytesPerElement(precisions.activations),
    kvBytesPerElement,
    groups: groupList,
    lmHeadParamCount: a.kind === "decoder" && a.lmHead ? a.vocabSize * a.hiddenSize : 0,
    headBytesPerParam,
    kvBytesPerToken: groupList.reduce((s, g) => s + g.layerCount * g.kvBytesPerToken, 0),
    weightBytes:
      (parameters.totalCount - parameters.embeddingCount - parameters.lmHeadCount) * weightBytesPerParam +
      (parameters.embeddingCount + parameters.lmHeadCount) * headBytesPerParam,
    expertWeightBytes: expertParams * weightBytesPerParam,
  };
}

/**
 * Quantized checkpoints keep the embedding table and LM head wider: FP8/FP4 releases (NVIDIA ModelOpt,
 * llm-compressor) leave them in bf16; llama.cpp's quantize stores output.weight as q6_K in 4- and 5-bit mixes.
 */
function headBytes(weights: Precision): number {
  const w = bytesPerElement(weights);
  if (w >= 2) return w;
  if (weights.startsWith("q")) return Math.max(w, bytesPerElement("q6_k"));
  return 2;
}

/** KV cache elements per token per layer: K and V heads, or MLA's latent plus the decoupled RoPE key. */
export function kvElementsPerTokenPerLayer(a: Architecture): number {
  if (a.attention.kind === "mla") return a.attention.kvLoraRank + a.attention.qkRopeHeadDim;
  return 2 * a.kvHeadCount * a.headDim;
}

function prefillPairFlops(a: Architecture): number {
  // QK^T and AV are 2 FLOPs per multiply-add; softmax ~5 FLOPs per score (the published convention).
  if (a.attention.kind === "mla") {
    const m = a.attention;
    return a.headCount * (2 * (m.qkNopeHeadDim + m.qkRopeHeadDim) + 2 * m.vHeadDim + 5);
  }
  return a.headCount * (4 * a.headDim + 5);
}

function decodePairFlops(a: Architecture): number {
  if (a.attention.kind === "mla") {
    const m = a.attention;
    // Absorbed MLA: scores over the latent + rope part, values are the latent itself.
    return a.headCount * (2 * (m.kvLoraRank + m.qkRopeHeadDim) + 2 * m.kvLoraRank + 5);
  }
  return prefillPairFlops(a);
}

function activationElements(a: Architecture, moe: boolean): number {
  const h = a.hiddenSize;
  const q = a.headCount * a.headDim;
  const kv = 2 * a.kvHeadCount * a.headDim;
  const ffn = moe && a.moe ? a.moe.expertsPerToken * a.moe.expertIntermediateSize + a.moe.sharedIntermediateSize : a.intermediateSize;
  const mlpMatrices = a.mlpKind === "gated" ? 3 : 2;
  // Inputs and outputs of q/k/v/o and the MLP matrices, plus norm/residual traffic.
  return h + q + kv + q + h + h + mlpMatrices * ffn + h + 4 * h;
}
