// Model architecture from a Hugging Face config.json: dense, GQA/MQA, MLA, DeepSeek sparse attention, MoE, sliding
// windows, Gated DeltaNet and Mamba2 hybrids, multimodal text towers, encoders.
import { type Issue, type Result, fail, ok } from "./result.js";
import { parseHybridLayers } from "./hybrid-layers.js";
import { refuseUnsupported } from "./unsupported-fields.js";

/** Attention as the weights and KV cache see it. */
export type Attention =
  | { kind: "gqa" }
  | {
      kind: "mla";
      qLoraRank: number | null;
      kvLoraRank: number;
      qkNopeHeadDim: number;
      qkRopeHeadDim: number;
      vHeadDim: number;
    };

/** Mixture-of-experts feed-forward layers. */
export interface Moe {
  routedExpertCount: number;
  expertsPerToken: number;
  sharedExpertCount: number;
  expertIntermediateSize: number;
  /** Total intermediate width of the shared expert(s). */
  sharedIntermediateSize: number;
  /** Whether each layer is a MoE layer (the rest use the dense MLP). */
  layerIsMoe: boolean[];
  /** Expert weights carry biases (gpt-oss). */
  expertBias: boolean;
  /**
   * Latent MoE (Nemotron 3 Super/Ultra): tokens are projected hidden -> latent before the routed experts and back
   * after, so each expert is latent x expertIntermediateSize; null when experts read the hidden state.
   */
  latentSize: number | null;
}

/** What mixes tokens in a layer: softmax attention, a Gated DeltaNet, a Mamba2 SSM, or nothing (MLP-only block). */
export type Mixer = "attention" | "gdn" | "mamba2" | "none";

/** What follows the mixer in a layer: a dense MLP, a MoE block, or nothing (Nemotron-H mixer-only blocks). */
export type LayerMlp = "dense" | "moe" | "none";

/** Gated DeltaNet linear attention (Qwen3-Next, Qwen3.5/3.6): a dk x dv state per value head per sequence. */
export interface GatedDeltaNet {
  keyHeadCount: number;
  valueHeadCount: number;
  keyHeadDim: number;
  valueHeadDim: number;
  convKernelSize: number;
  /** Chunk length of the chunked (prefill) delta-rule kernel (fla's chunk_gated_delta_rule: 64). */
  chunkTokens: number;
}

/** Mamba2 SSD mixer (Nemotron-H, Granite-4.0-H, Falcon-H1): a headDim x stateSize state per head per sequence. */
export interface Mamba2 {
  headCount: number;
  headDim: number;
  stateSize: number;
  groupCount: number;
  convKernelSize: number;
  convBias: boolean;
  projectionBias: boolean;
  /** Chunk length of the SSD prefill kernel (config chunk_size, default 256). */
  chunkTokens: number;
}

/** DeepSeek sparse attention (DSA: DeepSeek-V3.2, GLM-5): a lightning indexer picks topk KV entries per query. */
export interface SparseAttention {
  /** Each query attends to at most this many KV entries (index_topk). */
  topKTokens: number;
  indexHeadCount: number;
  indexHeadDim: number;
  /** Layers with their own indexer; the others reuse the previous indexer's selection (GLM-5.2 indexer_types "shared"). */
  layerHasIndexer: boolean[];
}

/** A transformer's shapes, everything the engine needs to count parameters, FLOPs and bytes. */
export interface Architecture {
  modelType: string;
  kind: "decoder" | "encoder";
  hiddenSize: number;
  layerCount: number;
  vocabSize: number;
  headCount: number;
  kvHeadCount: number;
  headDim: number;
  intermediateSize: number;
  mlpKind: "gated" | "plain";
  tiedEmbeddings: boolean;
  /** Whether the checkpoint carries a language-model head (false for embedding backbones). */
  lmHead: boolean;
  attentionBias: boolean;
  outputBias: boolean;
  mlpBias: boolean;
  normKind: "rms" | "layer";
  normsPerLayer: number;
  qkNorm: boolean;
  attentionSinks: boolean;
  positionEmbeddingCount: number;
  tokenTypeCount: number;
  pooler: boolean;
  attention: Attention;
  /** Window of sliding-window layers in tokens, null when every layer attends to the full context. */
  slidingWindow: number | null;
  layerIsSliding: boolean[];
  moe: Moe | null;
  /** Extra multi-token-prediction modules shipped beside the main model (DeepSeek-V3: 1). */
  mtpModuleCount: number;
  maxContextTokens: number;
  /** Token mixer of each layer (all "attention" for a plain transformer). */
  layerMixers: Mixer[];
  /** What follows the mixer in each layer; "moe" exactly where moe.layerIsMoe is true. */
  layerMlps: LayerMlp[];
  /** Shapes of the Gated DeltaNet layers, null when there are none. */
  gdn: GatedDeltaNet | null;
  /** Shapes of the Mamba2 layers, null when there are none. */
  mamba2: Mamba2 | null;
  /** DeepSeek sparse attention, null for dense attention. */
  sparseAttention: SparseAttention | null;
  /** Attention output gated by a sigmoid of an extra query-sized projection (Qwen3-Next/3.5 attn_output_gate). */
  attentionOutputGate: boolean;
  /**
   * Bytes per element of the recurrent (SSM / delta-rule) state when the config pins it (mamba_ssm_cache_dtype or
   * mamba_ssm_dtype "float32": 4); null means the state is kept in the activation precision.
   */
  recurrentStateBytesPerElement: number | null;
}

type Config = Record<string, unknown>;

/** Reads a Hugging Face config.json object into an Architecture; contradictions and gaps are issues. */
export function parseArchitecture(raw: unknown): Result<Architecture> {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    return fail({ code: "invalid_config", message: "config.json must be a JSON object" });
  }
  const outer = raw as Config;
  // Multimodal configs (Gemma 3, Llama 4, Qwen3-VL, Qwen3.5, Kimi K2.5) nest the language model under text_config
  // (llm_config / language_config elsewhere); the text tower is imported, the vision tower is not counted.
  const nested = [outer.text_config, outer.llm_config, outer.language_config].find((v) => typeof v === "object" && v !== null && !Array.isArray(v));
  const c: Config = nested ? { ...outer, ...(nested as Config) } : outer;
  const refused = refuseUnsupported(c);
  if (refused.length) return fail(...refused);
  const issues: Issue[] = [];
  const modelType = String(c.model_type ?? "");
  const archNames = Array.isArray(outer.architectures) ? outer.architectures.map(String) : [];
  const encoder = /bert|roberta|xlm|e5|mpnet|electra/i.test(modelType) || archNames.some((a) => /Bert|Roberta|XLM/.test(a));

  const int = (key: string, fallback?: number): number => {
    const value = c[key];
    if (value === undefined || value === null) {
      if (fallback !== undefined) return fallback;
      issues.push({ code: "missing_field", field: key, message: `config.json: missing field ${key}` });
      return 1;
    }
    if (typeof value !== "number" || !Number.isInteger(value) || value <= 0) {
      issues.push({ code: "invalid_field", field: key, value, message: `config.json: ${key} must be a positive integer, got ${JSON.stringify(value)}` });
      return 1;
    }
    return value;
  };
  const optInt = (...keys: string[]): number | undefined => {
    for (const key of keys) {
      const v = c[key];
      if (typeof v === "number" && Number.isInteger(v) && v >= 0) return v;
    }
    return undefined;
  };

  const hiddenSize = int("hidden_size");
  // Newer Nemotron-H configs give the block list only; its length is the layer count.
  const blockList = Array.isArray(c.layers_block_type) ? c.layers_block_type : typeof c.hybrid_override_pattern === "string" ? [...c.hybrid_override_pattern] : undefined;
  const layerCount = int("num_hidden_layers", blockList?.length);
  const vocabSize = int("vocab_size");
  const headCount = int("num_attention_heads");
  const kvHeadCount = int("num_key_value_heads", headCount);
  const headDimDefault = Math.floor(hiddenSize / Math.max(1, headCount));
  // Nemotron-H names it attention_head_dim.
  const headDim = typeof c.head_dim === "number" ? int("head_dim") : typeof c.attention_head_dim === "number" ? int("attention_head_dim") : headDimDefault;
  if (c.head_dim === undefined && c.attention_head_dim === undefined && hiddenSize % headCount !== 0 && !issues.length) {
    issues.push({ code: "contradictory_fields", message: `config.json: hidden_size ${hiddenSize} is not divisible by num_attention_heads ${headCount} and head_dim is absent` });
  }
  if (kvHeadCount > headCount || headCount % kvHeadCount !== 0) {
    issues.push({ code: "contradictory_fields", fields: ["num_attention_heads", "num_key_value_heads"], message: `config.json: num_key_value_heads ${kvHeadCount} must divide num_attention_heads ${headCount}` });
  }
  const hybrid = parseHybridLayers(c, layerCount, issues);
  const moe = parseMoe(c, layerCount, hybrid.layerMlps, issues);
  const layerMlps: LayerMlp[] = hybrid.layerMlps ?? Array.from({ length: layerCount }, (_, i) => (moe?.layerIsMoe[i] ? "moe" : "dense"));
  const anyDense = layerMlps.includes("dense");
  // A model whose every MLP is a MoE block needs no dense width (Qwen3.5-MoE omits intermediate_size): the expert
  // width stands in where the engine sizes workspaces.
  const denseIntermediate = optInt("intermediate_size_mlp", "intermediate_size", "ffn_dim") ?? (encoder ? 4 * hiddenSize : !anyDense && moe ? moe.expertIntermediateSize : undefined);
  const intermediateSize = denseIntermediate ?? int("intermediate_size");

  const act = String(c.mlp_hidden_act ?? c.hidden_act ?? c.hidden_activation ?? "silu");
  // relu2 (squared ReLU, Nemotron-H) MLPs are up + down only.
  const mlpKind: "gated" | "plain" = encoder || act === "relu2" ? "plain" : act.includes("gelu") && modelType === "gpt2" ? "plain" : "gated";
  const tied = typeof c.tie_word_embeddings === "boolean" ? c.tie_word_embeddings : encoder || /gemma/.test(modelType);
  // A bare "...Model" class (Qwen3Model, LlamaModel) is the backbone without an LM head: embedding checkpoints.
  const headless = archNames.length > 0 && archNames.every((a) => /Model$/.test(a) && !/ForCausalLM|LMHead/.test(a));

  const attention = parseAttention(c, issues);
  const { slidingWindow, layerIsSliding } = parseSliding(c, layerCount);
  const sparseAttention = parseSparseAttention(c, layerCount, attention, issues);

  if (issues.length) return fail(...issues);
  return ok({
    modelType,
    kind: encoder ? "encoder" : "decoder",
    hiddenSize,
    layerCount,
    vocabSize,
    headCount,
    kvHeadCount,
    headDim,
    intermediateSize,
    mlpKind,
    tiedEmbeddings: tied,
    lmHead: !encoder && !headless,
    attentionBias: encoder || c.attention_bias === true || /qwen2/.test(modelType) || c.qkv_bias === true,
    outputBias: encoder || (c.attention_bias === true && modelType !== "qwen3" && modelType !== "qwen3_moe"),
    mlpBias: encoder || c.mlp_bias === true,
    normKind: encoder ? "layer" : "rms",
    // Nemotron-H blocks are one pre-norm plus one mixer or MLP.
    normsPerLayer: /gemma2|gemma3/.test(modelType) ? 4 : modelType === "nemotron_h" ? 1 : 2,
    qkNorm: /qwen3|gemma3|olmo2/.test(modelType) || c.use_qk_norm === true,
    attentionSinks: modelType === "gpt_oss",
    positionEmbeddingCount: encoder ? int("max_position_embeddings", 512) : 0,
    tokenTypeCount: encoder ? (optInt("type_vocab_size") ?? 0) : 0,
    pooler: encoder && archNames.every((a) => !/ForMaskedLM|ForCausalLM/.test(a)),
    attention,
    slidingWindow,
    layerIsSliding,
    moe,
    mtpModuleCount: optInt("num_nextn_predict_layers", "mtp_num_hidden_layers") ?? 0,
    maxContextTokens: optInt("max_position_embeddings") ?? 4096,
    layerMixers: hybrid.layerMixers,
    layerMlps,
    gdn: hybrid.gdn,
    mamba2: hybrid.mamba2,
    sparseAttention,
    attentionOutputGate: c.attn_output_gate === true || c.attention_output_gate === true,
    recurrentStateBytesPerElement: [c.mamba_ssm_cache_dtype, c.mamba_ssm_dtype].some((v) => v === "float32") ? 4 : null,
  });
}

function parseSparseAttention(c: Config, layerCount: number, attention: Attention, issues: Issue[]): SparseAttention | null {
  const topK = firstNumber(c, "index_topk");
  if (topK === undefined) return null;
  const need = (key: string): number => {
    const v = c[key];
    if (typeof v === "number" && Number.isInteger(v) && v > 0) return v;
    issues.push({ code: "missing_field", field: key, message: `config.json: DeepSeek sparse attention (index_topk) needs ${key}` });
    return 1;
  };
  if (attention.kind !== "mla") {
    issues.push({ code: "unsupported_field", field: "index_topk", message: "config.json: index_topk (DeepSeek sparse attention) is only supported over MLA attention (kv_lora_rank)" });
  }
  const types = Array.isArray(c.indexer_types) ? c.indexer_types.map(String) : null;
  if (types && types.some((t) => t !== "full" && t !== "shared")) {
    issues.push({ code: "unsupported_field", field: "indexer_types", message: `config.json: indexer_types must be "full" or "shared", got ${JSON.stringify([...new Set(types)])}` });
  }
  return {
    topKTokens: need("index_topk"),
    indexHeadCount: need("index_n_heads"),
    indexHeadDim: need("index_head_dim"),
    layerHasIndexer: Array.from({ length: layerCount }, (_, i) => (types ? types[i] !== "shared" : true)),
  };
}

function parseAttention(c: Config, issues: Issue[]): Attention {
  if (typeof c.kv_lora_rank !== "number") return { kind: "gqa" };
  const need = (key: string): number => {
    const v = c[key];
    if (typeof v === "number" && v > 0) return v;
    issues.push({ code: "missing_field", field: key, message: `config.json: MLA attention (kv_lora_rank) needs ${key}` });
    return 1;
  };
  return {
    kind: "mla",
    qLoraRank: typeof c.q_lora_rank === "number" && c.q_lora_rank > 0 ? c.q_lora_rank : null,
    kvLoraRank: need("kv_lora_rank"),
    qkNopeHeadDim: need("qk_nope_head_dim"),
    qkRopeHeadDim: need("qk_rope_head_dim"),
    vHeadDim: need("v_head_dim"),
  };
}

function parseMoe(c: Config, layerCount: number, hybridMlps: LayerMlp[] | null, issues: Issue[]): Moe | null {
  const experts = firstNumber(c, "n_routed_experts", "num_local_experts", "num_experts");
  if (experts === undefined || experts <= 1) return null;
  const topK = firstNumber(c, "num_experts_per_tok", "experts_per_token", "moe_topk");
  if (topK === undefined || topK < 1) {
    issues.push({ code: "missing_field", field: "num_experts_per_tok", message: "config.json: MoE model (experts > 1) needs num_experts_per_tok" });
    return null;
  }
  if (topK > experts) {
    issues.push({ code: "contradictory_fields", fields: ["num_experts_per_tok", "num_local_experts"], message: `config.json: num_experts_per_tok ${topK} exceeds the ${experts} experts` });
  }
  const expertIntermediate = firstNumber(c, "moe_intermediate_size", "intermediate_size") ?? 0;
  // Total shared-expert width under its several names (Qwen2/3-MoE, Nemotron-H, MiniMax, Step).
  const sharedWidthField = firstNumber(c, "shared_expert_intermediate_size", "moe_shared_expert_intermediate_size", "shared_intermediate_size", "share_expert_dim");
  const sharedCount = firstNumber(c, "n_shared_experts", "num_shared_experts") ?? (sharedWidthField ? 1 : 0);
  // Llama 4 ships one shared expert per MoE layer with the expert width.
  const llama4Shared = c.model_type === "llama4_text" || c.interleave_moe_layer_step !== undefined ? 1 : 0;
  const shared = sharedWidthField === 0 ? 0 : Math.max(sharedCount, llama4Shared);
  const sharedWidth = sharedWidthField ?? shared * expertIntermediate;
  const firstDense = firstNumber(c, "first_k_dense_replace") ?? 0;
  const step = firstNumber(c, "interleave_moe_layer_step", "moe_layer_freq", "decoder_sparse_step") ?? 1;
  let layerIsMoe = Array.from({ length: layerCount }, (_, i) => i >= firstDense && (i + 1) % step === 0);
  const mlpOnly = Array.isArray(c.mlp_only_layers) ? (c.mlp_only_layers as number[]) : [];
  for (const i of mlpOnly) if (i < layerCount) layerIsMoe[i] = false;
  // Per-layer lists win over the rules: moe_layer_freq as 0/1 per layer, GLM-5.2's mlp_layer_types, hybrid patterns.
  if (Array.isArray(c.moe_layer_freq)) layerIsMoe = Array.from({ length: layerCount }, (_, i) => Number((c.moe_layer_freq as unknown[])[i]) === 1);
  if (Array.isArray(c.mlp_layer_types)) layerIsMoe = Array.from({ length: layerCount }, (_, i) => (c.mlp_layer_types as unknown[])[i] === "sparse");
  if (hybridMlps) layerIsMoe = hybridMlps.map((m) => m === "moe");
  const latent = firstNumber(c, "moe_latent_size");
  return {
    routedExpertCount: experts,
    expertsPerToken: topK,
    sharedExpertCount: shared,
    expertIntermediateSize: expertIntermediate,
    sharedIntermediateSize: sharedWidth,
    layerIsMoe,
    expertBias: c.model_type === "gpt_oss",
    latentSize: latent !== undefined && latent > 0 ? latent : null,
  };
}

function parseSliding(c: Config, layerCount: number): { slidingWindow: number | null; layerIsSliding: boolean[] } {
  const window = firstNumber(c, "sliding_window");
  const none = { slidingWindow: null, layerIsSliding: new Array<boolean>(layerCount).fill(false) };
  if (window === undefined || c.use_sliding_window === false) return none;
  if (Array.isArray(c.layer_types)) {
    const types = c.layer_types.map(String);
    return { slidingWindow: window, layerIsSliding: Array.from({ length: layerCount }, (_, i) => types[i] === "sliding_attention") };
  }
  const pattern = firstNumber(c, "sliding_window_pattern");
  if (pattern !== undefined && pattern > 1) {
    // Gemma 3: every pattern-th layer is global, the others slide.
    return { slidingWindow: window, layerIsSliding: Array.from({ length: layerCount }, (_, i) => (i + 1) % pattern !== 0) };
  }
  if (/gemma2/.test(String(c.model_type))) {
    return { slidingWindow: window, layerIsSliding: Array.from({ length: layerCount }, (_, i) => i % 2 === 0) };
  }
  if (c.use_sliding_window === true || /mistral|mixtral/.test(String(c.model_type))) {
    const maxWindowLayers = firstNumber(c, "max_window_layers");
    return {
      slidingWindow: window,
      layerIsSliding: Array.from({ length: layerCount }, (_, i) => (maxWindowLayers === undefined ? true : i >= maxWindowLayers)),
    };
  }
  return none;
}

function firstNumber(c: Config, ...keys: string[]): number | undefined {
  for (const key of keys) {
    const v = c[key];
    if (typeof v === "number" && Number.isFinite(v)) return v;
  }
  return undefined;
}
