import type { ModelEntry } from "../model-entry.js";
import { hfConfigSource } from "./source.js";

const QWEN3_BASE = {
  architectures: ["Qwen3ForCausalLM"], model_type: "qwen3", attention_bias: false, head_dim: 128, hidden_act: "silu",
  max_position_embeddings: 40960, rms_norm_eps: 1e-6, rope_theta: 1000000, sliding_window: null, use_sliding_window: false,
  torch_dtype: "bfloat16",
} as const;

const QWEN3_MOE_BASE = {
  architectures: ["Qwen3MoeForCausalLM"], model_type: "qwen3_moe", attention_bias: false, head_dim: 128, hidden_act: "silu",
  max_position_embeddings: 40960, rms_norm_eps: 1e-6, rope_theta: 1000000.0, sliding_window: null, use_sliding_window: false,
  decoder_sparse_step: 1, mlp_only_layers: [], norm_topk_prob: true, num_experts: 128, num_experts_per_tok: 8,
  tie_word_embeddings: false, torch_dtype: "bfloat16", vocab_size: 151936,
} as const;

const QWEN2_BASE = {
  architectures: ["Qwen2ForCausalLM"], model_type: "qwen2", hidden_act: "silu", max_position_embeddings: 32768,
  rms_norm_eps: 1e-6, rope_theta: 1000000.0, sliding_window: 131072, use_sliding_window: false,
  tie_word_embeddings: false, torch_dtype: "bfloat16", vocab_size: 152064,
} as const;

const QWEN3_CARD = "Qwen3 model card / technical report table (layers, heads Q/KV, tie embedding).";

/** Qwen3 dense and MoE, Qwen2.5 and Qwen3-Embedding as published on Hugging Face. */
export const QWEN_MODELS: ModelEntry[] = [
  {
    id: "Qwen/Qwen3-0.6B", aliases: ["Qwen/Qwen3-0.6B-Base"], name: "Qwen3 0.6B",
    config: { ...QWEN3_BASE, hidden_size: 1024, intermediate_size: 3072, num_hidden_layers: 28, num_attention_heads: 16, num_key_value_heads: 8, max_window_layers: 28, tie_word_embeddings: true, vocab_size: 151936 },
    statedParamCount: 0.6e9,
    source: hfConfigSource("Qwen/Qwen3-0.6B", "card", `${QWEN3_CARD} Shape also matches levanter's qwen3_0_6b preset and keras-hub (596,049,920 params) seen via search.`),
  },
  {
    id: "Qwen/Qwen3-1.7B", aliases: ["Qwen/Qwen3-1.7B-Base"], name: "Qwen3 1.7B",
    config: { ...QWEN3_BASE, hidden_size: 2048, intermediate_size: 6144, num_hidden_layers: 28, num_attention_heads: 16, num_key_value_heads: 8, max_window_layers: 28, tie_word_embeddings: true, vocab_size: 151936 },
    statedParamCount: 1.7e9,
    source: hfConfigSource("Qwen/Qwen3-1.7B", "search", "Shape read from a stored Qwen3ForCausalLM config with exactly this shape (huggingface.co/Pathstudy/copath_router, a derivative) and levanter's qwen3_1_7b preset."),
  },
  {
    id: "Qwen/Qwen3-4B", aliases: ["Qwen/Qwen3-4B-Base"], name: "Qwen3 4B",
    config: { ...QWEN3_BASE, hidden_size: 2560, intermediate_size: 9728, num_hidden_layers: 36, num_attention_heads: 32, num_key_value_heads: 8, max_window_layers: 36, tie_word_embeddings: true, vocab_size: 151936 },
    statedParamCount: 4.0e9,
    source: hfConfigSource("Qwen/Qwen3-4B", "search", "Shape read from stored derivative configs (huggingface.co/MultiRL/qwen3_4b_instruct_sft: 2560, 9728, 36 layers, 32/8 heads, tied, 40960 positions)."),
  },
  {
    id: "Qwen/Qwen3-8B", aliases: ["Qwen/Qwen3-8B-Base"], name: "Qwen3 8B",
    config: { ...QWEN3_BASE, hidden_size: 4096, intermediate_size: 12288, num_hidden_layers: 36, num_attention_heads: 32, num_key_value_heads: 8, max_window_layers: 36, tie_word_embeddings: false, vocab_size: 151936 },
    statedParamCount: 8.2e9,
    source: hfConfigSource("Qwen/Qwen3-8B", "search", "Copy read: commit 'Copy config.json from Qwen/Qwen3-8B' in huggingface.co/thejaminator/qwen-hook-layer-9."),
  },
  {
    id: "Qwen/Qwen3-14B", aliases: ["Qwen/Qwen3-14B-Base"], name: "Qwen3 14B",
    config: { ...QWEN3_BASE, hidden_size: 5120, intermediate_size: 17408, num_hidden_layers: 40, num_attention_heads: 40, num_key_value_heads: 8, max_window_layers: 40, tie_word_embeddings: false, vocab_size: 151936 },
    statedParamCount: 14.8e9,
    source: hfConfigSource("Qwen/Qwen3-14B", "card", `${QWEN3_CARD} Card: 14.8B parameters, 40 layers, 40/8 heads.`),
  },
  {
    id: "Qwen/Qwen3-32B", aliases: [], name: "Qwen3 32B",
    config: { ...QWEN3_BASE, hidden_size: 5120, intermediate_size: 25600, num_hidden_layers: 64, num_attention_heads: 64, num_key_value_heads: 8, max_window_layers: 64, tie_word_embeddings: false, vocab_size: 151936 },
    statedParamCount: 32.8e9,
    source: hfConfigSource("Qwen/Qwen3-32B", "search", "Shape read from a stored Qwen3ForCausalLM config with exactly this shape (huggingface.co/ronnywebdevs1/d-m-1: 5120, 25600, 64 layers, 64/8 heads, untied). Card: 32.8B parameters."),
  },
  {
    id: "Qwen/Qwen3-30B-A3B", aliases: ["Qwen/Qwen3-30B-A3B-Base", "Qwen/Qwen3-30B-A3B-Instruct-2507", "Qwen/Qwen3-30B-A3B-Thinking-2507"], name: "Qwen3 30B-A3B",
    config: { ...QWEN3_MOE_BASE, hidden_size: 2048, intermediate_size: 6144, moe_intermediate_size: 768, num_hidden_layers: 48, num_attention_heads: 32, num_key_value_heads: 4, max_window_layers: 48 },
    statedParamCount: 30.5e9,
    source: hfConfigSource("Qwen/Qwen3-30B-A3B", "search", "Shape read from slime scripts/models/qwen3-30B-A3B.sh (48 layers, hidden 2048, FFN 6144, MoE FFN 768, 128 experts top-8, 32/4 heads, untied, vocab 151936). Card: 30.5B total, 3.3B active."),
  },
  {
    id: "Qwen/Qwen3-235B-A22B", aliases: ["Qwen/Qwen3-235B-A22B-Instruct-2507", "Qwen/Qwen3-235B-A22B-Thinking-2507"], name: "Qwen3 235B-A22B",
    config: { ...QWEN3_MOE_BASE, hidden_size: 4096, intermediate_size: 12288, moe_intermediate_size: 1536, num_hidden_layers: 94, num_attention_heads: 64, num_key_value_heads: 4, max_window_layers: 94 },
    statedParamCount: 235e9,
    source: hfConfigSource("Qwen/Qwen3-235B-A22B", "search", "Copy read: HARD_CODED_CONFIGS['Qwen/Qwen3-235B-A22B'] in a stored litellm_config.py. Card: 235B total, 22B active. (2507 aliases publish max_position_embeddings 262144; shape identical.)"),
  },
  {
    id: "Qwen/Qwen2.5-7B-Instruct", aliases: ["Qwen/Qwen2.5-7B"], name: "Qwen2.5 7B Instruct",
    config: { ...QWEN2_BASE, hidden_size: 3584, intermediate_size: 18944, num_hidden_layers: 28, num_attention_heads: 28, num_key_value_heads: 4, max_window_layers: 28 },
    statedParamCount: 7.61e9,
    source: hfConfigSource("Qwen/Qwen2.5-7B-Instruct", "search", "Shape read from stored configs citing modelscope Qwen/Qwen2.5-7B-Instruct config.json (3584, 18944, 28/4 heads, vocab 152064). Qwen2 adds q/k/v biases by architecture (no config field)."),
  },
  {
    id: "Qwen/Qwen2.5-72B-Instruct", aliases: ["Qwen/Qwen2.5-72B"], name: "Qwen2.5 72B Instruct",
    config: { ...QWEN2_BASE, hidden_size: 8192, intermediate_size: 29568, num_hidden_layers: 80, num_attention_heads: 64, num_key_value_heads: 8, max_window_layers: 70 },
    statedParamCount: 72.7e9,
    source: hfConfigSource("Qwen/Qwen2.5-72B-Instruct", "search", "Copy read: a stored model report quoting Qwen2.5-72B-Instruct/config.json verbatim (max_window_layers 70, sliding_window 131072 unused)."),
  },
  {
    id: "Qwen/Qwen3-Embedding-0.6B", aliases: [], name: "Qwen3 Embedding 0.6B",
    config: { ...QWEN3_BASE, max_position_embeddings: 32768, hidden_size: 1024, intermediate_size: 3072, num_hidden_layers: 28, num_attention_heads: 16, num_key_value_heads: 8, max_window_layers: 28, tie_word_embeddings: true, vocab_size: 151669 },
    statedParamCount: 0.6e9,
    source: hfConfigSource("Qwen/Qwen3-Embedding-0.6B", "card", "Reconstructed: Qwen3-0.6B shape per the card; vocab 151669 derived from keras-hub's stated 595,776,512 params (seen via search). Card: 32k context."),
  },
  {
    id: "Qwen/Qwen3-Embedding-4B", aliases: [], name: "Qwen3 Embedding 4B",
    config: { ...QWEN3_BASE, hidden_size: 2560, intermediate_size: 9728, num_hidden_layers: 36, num_attention_heads: 32, num_key_value_heads: 8, max_window_layers: 36, tie_word_embeddings: true, vocab_size: 151665 },
    statedParamCount: 4e9,
    source: hfConfigSource("Qwen/Qwen3-Embedding-4B", "search", "Shape and vocab 151665 read from a stored QWEN3_EMBEDDING_4B_CONFIG; single embedding matrix consistent with keras-hub's 4,021,774,336 params."),
  },
  {
    id: "Qwen/Qwen3-Embedding-8B", aliases: [], name: "Qwen3 Embedding 8B",
    config: { ...QWEN3_BASE, architectures: ["Qwen3Model"], hidden_size: 4096, intermediate_size: 12288, num_hidden_layers: 36, num_attention_heads: 32, num_key_value_heads: 8, max_window_layers: 36, tie_word_embeddings: false, vocab_size: 151665 },
    statedParamCount: 7.57e9,
    source: hfConfigSource("Qwen/Qwen3-Embedding-8B", "search", "Shape and vocab 151665 read from a stored Qwen3Config_8B (Qwen/Qwen3-Embedding-8B). The embedding checkpoint is the base Qwen3Model without lm_head: 7,567,295,488 parameters (15.1 GB in bf16, as Tensor Economics' 'Why are embeddings so cheap?' states: 7.57e9); keras-hub's 8,188,515,328 counts an untied LM head that the embedding model does not use."),
  },
];
