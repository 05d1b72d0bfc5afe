// An architecture bound to precisions: per-layer-group constants (params, KV/state bytes, mixer FLOPs) for the hot path.
import type { Architecture, LayerMlp, Mixer } from "./architecture.js";
import { type ParameterCounts, countParameters } from "./parameters.js";
import { type Precision, bytesPerElement } from "./precision.js";

/** Formats of weights, activations and KV cache, set independently. */
export interface Precisions {
  weights: Precision;
  activations: Precision;
  kvCache: Precision;
}

/**
 * Layers that share shapes, counted once with a multiplicity (the hot path loops over a few groups).
 *
 * Cost per layer of each operator, for a step with T tokens, S decoding sequences at context L:
 * - mixer projections (every mixer): 2 T attentionParamCount FLOPs, attentionParamCount weight elements read.
 * - softmax attention (mixer "attention"): per (query, context) pair prefill/decodeAttentionFlopsPerPair FLOPs and
 *   kvBytesPerToken bytes read per context token; with DSA (sparseTopKTokens set) the core attends to
 *   min(L, sparseTopKTokens) entries and only the indexer scans all L: per pair indexerFlopsPerPair FLOPs and
 *   indexerKvBytesPerToken bytes (a part of kvBytesPerToken).
 * - linear mixers (mixer "gdn" | "mamba2"): per token decode/prefillLinearMixerFlopsPerToken FLOPs, no KV cache
 *   (kvBytesPerToken 0, attention FLOPs 0); each decode step reads and writes the sequence's whole recurrent state,
 *   2 x stateBytesPerSequence bytes per sequence; prefill reads and writes it once per chunk of the sequence.
 */
export interface LayerGroup {
  layerCount: number;
  /** Token mixer of these layers. */
  mixer: Mixer;
  /** What follows the mixer: a dense MLP, a MoE block, or none (Nemotron-H mixer-only blocks; denseMlpParamCount 0). */
  mlp: LayerMlp;
  sliding: boolean;
  moe: boolean;
  /** Token-mixer params: attention projections (+ DSA indexer), or the GDN / Mamba2 projections and conv; 0 for "none". */
  attentionParamCount: number;
  /** Dense MLP params, or router + shared experts (+ latent projections) on a MoE layer. */
  denseMlpParamCount: number;
  expertParamCount: number;
  /** KV cache bytes one token adds to one layer (DSA indexer keys included); 0 for linear mixers and "none". */
  kvBytesPerToken: number;
  /** Attention-core FLOPs per (query token x context token) in prefill (unabsorbed) form; 0 without attention. */
  prefillAttentionFlopsPerPair: number;
  /** Same in decode; MLA absorbs the up-projections and attends over the latent. */
  decodeAttentionFlopsPerPair: number;
  /** DSA: the core attention reads at most this many KV entries per query; null for dense attention. */
  sparseTopKTokens: number | null;
  /** DSA indexer FLOPs per (query x context token): index heads x (2 x index dim) scores + their weighted sum. */
  indexerFlopsPerPair: number;
  /** DSA indexer key bytes per token (fp8 keys + one fp32 scale per 128), included in kvBytesPerToken. */
  indexerKvBytesPerToken: number;
  /** Recurrent state one sequence holds in one layer (SSM / delta-rule state + conv window), whatever its length. */
  stateBytesPerSequence: number;
  /** Linear-mixer core FLOPs per token in the recurrent (decode) form; 0 for attention. */
  decodeLinearMixerFlopsPerToken: number;
  /** Linear-mixer core FLOPs per token in the chunked (prefill) form, intra-chunk work included. */
  prefillLinearMixerFlopsPerToken: number;
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
  /** Recurrent state bytes of one sequence over all layers, counted once per sequence (0 without linear mixers). */
  stateBytesPerSequence: number;
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
  const stateElementBytes = a.recurrentStateBytesPerElement ?? bytesPerElement(precisions.activations);
  const convElementBytes = bytesPerElement(precisions.activations);
  for (let i = 0; i < a.layerCount; i++) {
    const layer = parameters.layers[i]!;
    const mixer = layer.mixer;
    const mlp = a.layerMlps[i] ?? "dense";
    const sliding = a.layerIsSliding[i] === true;
    const moe = layer.routedExpertsCount > 0;
    const attention = mixer === "attention";
    const indexer = attention && a.sparseAttention?.layerHasIndexer[i] === true;
    const key = `${mixer}:${mlp}:${sliding}:${moe}:${indexer}`;
    const existing = groups.get(key);
    if (existing) {
      existing.layerCount += 1;
      continue;
    }
    const indexerKv = indexer ? indexerKeyBytesPerToken(a) : 0;
    const state = recurrentState(a, mixer);
    const linear = linearMixerFlops(a, mixer);
    groups.set(key, {
      layerCount: 1,
      mixer,
      mlp,
      sliding,
      moe,
      attentionParamCount: layer.attentionCount,
      denseMlpParamCount: layer.denseMlpCount,
      expertParamCount: layer.expertCount,
      kvBytesPerToken: attention ? kvElementsPerTokenPerLayer(a) * kvBytesPerElement + indexerKv : 0,
      prefillAttentionFlopsPerPair: attention ? prefillPairFlops(a) : 0,
      decodeAttentionFlopsPerPair: attention ? decodePairFlops(a) : 0,
      sparseTopKTokens: attention && a.sparseAttention ? a.sparseAttention.topKTokens : null,
      indexerFlopsPerPair: indexer ? indexerPairFlops(a) : 0,
      indexerKvBytesPerToken: indexerKv,
      stateBytesPerSequence: state.stateElements * stateElementBytes + state.convElements * convElementBytes,
      decodeLinearMixerFlopsPerToken: linear.decode,
      prefillLinearMixerFlopsPerToken: linear.prefill,
      activationElementsPerToken: activationElements(a, i, moe),
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
    stateBytesPerSequence: groupList.reduce((s, g) => s + g.layerCount * g.stateBytesPerSequence, 0),
    weightBytes: (parameters.totalCount - parameters.embeddingCount - parameters.lmHeadCount) * weightBytesPerParam + (parameters.embeddingCount + parameters.lmHeadCount) * headBytesPerParam,
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

/** DSA indexer key bytes per token per layer: fp8 keys with one fp32 scale per 128 (DeepSeek-V3.2, vLLM's indexer cache). */
function indexerKeyBytesPerToken(a: Architecture): number {
  const d = a.sparseAttention!.indexHeadDim;
  return d + 4 * Math.ceil(d / 128);
}

function indexerPairFlops(a: Architecture): number {
  const s = a.sparseAttention!;
  // q.k per index head (2 d), ReLU and the head-weighted sum (2 per head).
  return s.indexHeadCount * (2 * s.indexHeadDim + 2);
}

/**
 * Recurrent state of one sequence in one layer, in elements: GDN keeps a dk x dv matrix per value head plus the conv
 * window (kernel - 1 past inputs of q, k, v); Mamba2 keeps head dim x state per head plus the conv window over x, B, C.
 */
function recurrentState(a: Architecture, mixer: Mixer): { stateElements: number; convElements: number } {
  if (mixer === "gdn" && a.gdn) {
    const g = a.gdn;
    const convDim = 2 * g.keyHeadCount * g.keyHeadDim + g.valueHeadCount * g.valueHeadDim;
    return { stateElements: g.valueHeadCount * g.keyHeadDim * g.valueHeadDim, convElements: convDim * (g.convKernelSize - 1) };
  }
  if (mixer === "mamba2" && a.mamba2) {
    const m = a.mamba2;
    const inner = m.headCount * m.headDim;
    return { stateElements: inner * m.stateSize, convElements: (inner + 2 * m.groupCount * m.stateSize) * (m.convKernelSize - 1) };
  }
  return { stateElements: 0, convElements: 0 };
}

/**
 * Core FLOPs per token of a linear mixer (projections excluded: they are in attentionParamCount).
 * GDN recurrent step per value head on its dk x dv state: decay (1), S^T k (2), rank-1 delta update (2), S^T q (2)
 * = 7 dk dv; chunked prefill adds intra-chunk attention over C/2 earlier tokens on average, 2 (dk + dv) each, and
 * the WY-transform's triangular solve, ~C dk. Mamba2 step per head on its head dim x state: decay (1), dt x B^T
 * update (2), C readout (2) = 5 P N; chunked SSD adds C B^T per group and its use per head over C/2 tokens:
 * 2 N per group + 2 P per head each. Both add the depthwise conv, 2 x kernel per conv channel.
 */
function linearMixerFlops(a: Architecture, mixer: Mixer): { decode: number; prefill: number } {
  if (mixer === "gdn" && a.gdn) {
    const g = a.gdn;
    const convDim = 2 * g.keyHeadCount * g.keyHeadDim + g.valueHeadCount * g.valueHeadDim;
    const step = 7 * g.valueHeadCount * g.keyHeadDim * g.valueHeadDim + 2 * g.convKernelSize * convDim;
    const intra = g.valueHeadCount * ((g.chunkTokens / 2) * 2 * (g.keyHeadDim + g.valueHeadDim) + g.chunkTokens * g.keyHeadDim);
    return { decode: step, prefill: step + intra };
  }
  if (mixer === "mamba2" && a.mamba2) {
    const m = a.mamba2;
    const inner = m.headCount * m.headDim;
    const convDim = inner + 2 * m.groupCount * m.stateSize;
    const step = 5 * inner * m.stateSize + 2 * m.convKernelSize * convDim;
    const intra = (m.chunkTokens / 2) * (2 * m.stateSize * m.groupCount + 2 * m.headDim * m.headCount);
    return { decode: step, prefill: step + intra };
  }
  return { decode: 0, prefill: 0 };
}

function activationElements(a: Architecture, i: number, moe: boolean): number {
  const h = a.hiddenSize;
  const mlp = a.layerMlps[i] ?? "dense";
  const ffn = mlp === "none" ? 0 : moe && a.moe ? a.moe.expertsPerToken * a.moe.expertIntermediateSize + a.moe.sharedIntermediateSize : a.intermediateSize;
  const mlpMatrices = a.mlpKind === "gated" ? 3 : 2;
  const mlpTraffic = mlp === "none" ? 0 : mlpMatrices * ffn + h;
  const mixer = a.layerMixers[i] ?? "attention";
  let mixerTraffic = 0;
  if (mixer === "attention") {
    const q = a.headCount * a.headDim;
    const kv = 2 * a.kvHeadCount * a.headDim;
    mixerTraffic = h + q + kv + q + h;
  } else if (mixer === "gdn" && a.gdn) {
    const g = a.gdn;
    const keyDim = g.keyHeadCount * g.keyHeadDim;
    const valueDim = g.valueHeadCount * g.valueHeadDim;
    mixerTraffic = h + 2 * keyDim + 2 * valueDim + valueDim + h;
  } else if (mixer === "mamba2" && a.mamba2) {
    const m = a.mamba2;
    const inner = m.headCount * m.headDim;
    mixerTraffic = h + 2 * inner + 2 * m.groupCount * m.stateSize + m.headCount + inner + h;
  }
  // Inputs and outputs of the mixer projections and the MLP matrices, plus norm/residual traffic.
  return mixerTraffic + h + mlpTraffic + 4 * h;
}
