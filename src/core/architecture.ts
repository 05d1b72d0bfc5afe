// Model architecture from a Hugging Face config.json: dense, GQA/MQA, MLA, MoE, sliding windows, encoders.
import { type Issue, type Result, fail, ok } from "./result.js";

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
}

type Config = Record<string, unknown>;

/** Reads a Hugging Face config.json object into an Architecture; contradictions and gaps are issues. */
export function parseArchitecture(raw: unknown): Result<Architecture> {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    return fail({ code: "invalid_config", message: "config.json must be a JSON object" });
  }
  const outer = raw as Config;
  // Multimodal configs (Gemma 3, Llama 4) nest the language model under text_config.
  const nested = outer.text_config;
  const c: Config = typeof nested === "object" && nested !== null ? { ...outer, ...(nested as Config) } : outer;
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
  const layerCount = int("num_hidden_layers");
  const vocabSize = int("vocab_size");
  const headCount = int("num_attention_heads");
  const kvHeadCount = int("num_key_value_heads", headCount);
  const headDimDefault = Math.floor(hiddenSize / Math.max(1, headCount));
  const headDim = typeof c.head_dim === "number" ? int("head_dim") : headDimDefault;
  if (c.head_dim === undefined && hiddenSize % headCount !== 0 && !issues.length) {
    issues.push({ code: "contradictory_fields", message: `config.json: hidden_size ${hiddenSize} is not divisible by num_attention_heads ${headCount} and head_dim is absent` });
  }
  if (kvHeadCount > headCount || headCount % kvHeadCount !== 0) {
    issues.push({ code: "contradictory_fields", fields: ["num_attention_heads", "num_key_value_heads"], message: `config.json: num_key_value_heads ${kvHeadCount} must divide num_attention_heads ${headCount}` });
  }
  const denseIntermediate = optInt("intermediate_size_mlp", "intermediate_size", "ffn_dim") ?? (encoder ? 4 * hiddenSize : undefined);
  const intermediateSize = denseIntermediate ?? int("intermediate_size");

  const act = String(c.hidden_act ?? c.hidden_activation ?? "silu");
  const mlpKind: "gated" | "plain" = encoder ? "plain" : act.includes("gelu") && modelType === "gpt2" ? "plain" : "gated";
  const tied = typeof c.tie_word_embeddings === "boolean" ? c.tie_word_embeddings : encoder || /gemma/.test(modelType);
  // A bare "...Model" class (Qwen3Model, LlamaModel) is the backbone without an LM head: embedding checkpoints.
  const headless = archNames.length > 0 && archNames.every((a) => /Model$/.test(a) && !/ForCausalLM|LMHead/.test(a));

  const attention = parseAttention(c, issues);
  const moe = parseMoe(c, layerCount, issues);
  const { slidingWindow, layerIsSliding } = parseSliding(c, layerCount);

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
    normsPerLayer: /gemma2|gemma3/.test(modelType) ? 4 : 2,
    qkNorm: /qwen3|gemma3|olmo2/.test(modelType),
    attentionSinks: modelType === "gpt_oss",
    positionEmbeddingCount: encoder ? int("max_position_embeddings", 512) : 0,
    tokenTypeCount: encoder ? optInt("type_vocab_size") ?? 0 : 0,
    pooler: encoder && archNames.every((a) => !/ForMaskedLM|ForCausalLM/.test(a)),
    attention,
    slidingWindow,
    layerIsSliding,
    moe,
    mtpModuleCount: optInt("num_nextn_predict_layers") ?? 0,
    maxContextTokens: optInt("max_position_embeddings") ?? 4096,
  });
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

function parseMoe(c: Config, layerCount: number, issues: Issue[]): Moe | null {
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
  const sharedCount = firstNumber(c, "n_shared_experts") ?? (firstNumber(c, "shared_expert_intermediate_size") ? 1 : 0);
  // Llama 4 ships one shared expert per MoE layer with the expert width.
  const llama4Shared = c.model_type === "llama4_text" || c.interleave_moe_layer_step !== undefined ? 1 : 0;
  const shared = Math.max(sharedCount, llama4Shared);
  const sharedWidth = firstNumber(c, "shared_expert_intermediate_size") ?? shared * expertIntermediate;
  const firstDense = firstNumber(c, "first_k_dense_replace") ?? 0;
  const step = firstNumber(c, "interleave_moe_layer_step", "moe_layer_freq", "decoder_sparse_step") ?? 1;
  const layerIsMoe = Array.from({ length: layerCount }, (_, i) => i >= firstDense && (i + 1) % step === 0);
  const mlpOnly = Array.isArray(c.mlp_only_layers) ? (c.mlp_only_layers as number[]) : [];
  for (const i of mlpOnly) if (i < layerCount) layerIsMoe[i] = false;
  return {
    routedExpertCount: experts,
    expertsPerToken: topK,
    sharedExpertCount: shared,
    expertIntermediateSize: expertIntermediate,
    sharedIntermediateSize: sharedWidth,
    layerIsMoe,
    expertBias: c.model_type === "gpt_oss",
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
