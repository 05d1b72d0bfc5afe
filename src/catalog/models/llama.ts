import type { ModelEntry } from "../model-entry.js";
import { hfConfigSource } from "./source.js";

// Fields kept from each config.json: everything that changes parameter count, FLOPs or KV cache.
// Token ids and rope_scaling details are dropped (rope_scaling only stretches positions).

const LLAMA2_BASE = {
  architectures: ["LlamaForCausalLM"], model_type: "llama", hidden_act: "silu", rms_norm_eps: 1e-5,
  max_position_embeddings: 4096, vocab_size: 32000, tie_word_embeddings: false, torch_dtype: "float16",
} as const;

const LLAMA3_BASE = {
  architectures: ["LlamaForCausalLM"], model_type: "llama", hidden_act: "silu", rms_norm_eps: 1e-5,
  attention_bias: false, mlp_bias: false, rope_theta: 500000.0, vocab_size: 128256, torch_dtype: "bfloat16",
} as const;

/** Llama 2, Code Llama, Llama 3, 3.1, 3.2, 3.3 and Llama 4 as published on Hugging Face. */
export const LLAMA_MODELS: ModelEntry[] = [
  {
    id: "meta-llama/Llama-2-7b-hf", aliases: ["meta-llama/Llama-2-7b-chat-hf"], name: "Llama 2 7B",
    config: { ...LLAMA2_BASE, hidden_size: 4096, intermediate_size: 11008, num_hidden_layers: 32, num_attention_heads: 32, num_key_value_heads: 32 },
    statedParamCount: 7e9,
    source: hfConfigSource("meta-llama/Llama-2-7b-hf", "card", "Shape per the Llama 2 paper (Touvron et al. 2023, Table 1: 7B = 32 layers, d 4096, MHA)."),
  },
  {
    id: "meta-llama/Llama-2-13b-hf", aliases: ["meta-llama/Llama-2-13b-chat-hf"], name: "Llama 2 13B",
    config: { ...LLAMA2_BASE, hidden_size: 5120, intermediate_size: 13824, num_hidden_layers: 40, num_attention_heads: 40, num_key_value_heads: 40 },
    statedParamCount: 13e9,
    source: hfConfigSource("meta-llama/Llama-2-13b-hf", "search", "Copy read: huggingface.co/NousResearch/Llama-2-13b-chat-hf/blob/aad3c0b/config.json (mirror of the Meta repo)."),
  },
  {
    id: "meta-llama/Llama-2-70b-hf", aliases: ["meta-llama/Llama-2-70b-chat-hf"], name: "Llama 2 70B",
    config: { ...LLAMA2_BASE, hidden_size: 8192, intermediate_size: 28672, num_hidden_layers: 80, num_attention_heads: 64, num_key_value_heads: 8 },
    statedParamCount: 70e9,
    source: hfConfigSource("meta-llama/Llama-2-70b-hf", "card", "Shape per the Llama 2 paper (70B uses GQA with 8 KV heads); cross-checked with a Llama-2-70b fine-tune config seen via the search tool."),
  },
  {
    id: "codellama/CodeLlama-7b-hf", aliases: [], name: "Code Llama 7B",
    config: {
      architectures: ["LlamaForCausalLM"], model_type: "llama", hidden_act: "silu", rms_norm_eps: 1e-5,
      hidden_size: 4096, intermediate_size: 11008, num_hidden_layers: 32, num_attention_heads: 32, num_key_value_heads: 32,
      max_position_embeddings: 16384, rope_theta: 1000000, vocab_size: 32016, tie_word_embeddings: false, torch_dtype: "float32",
    },
    statedParamCount: 7e9,
    source: hfConfigSource("codellama/CodeLlama-7b-hf", "search", "Read: the stored blame page of this file at commit 533ac5f (vocab 32016, rope_theta 1e6, 16384 positions, MHA)."),
  },
  {
    id: "meta-llama/Meta-Llama-3-8B", aliases: ["meta-llama/Meta-Llama-3-8B-Instruct"], name: "Llama 3 8B",
    config: { ...LLAMA3_BASE, hidden_size: 4096, intermediate_size: 14336, num_hidden_layers: 32, num_attention_heads: 32, num_key_value_heads: 8, max_position_embeddings: 8192, tie_word_embeddings: false },
    statedParamCount: 8e9,
    source: hfConfigSource("meta-llama/Meta-Llama-3-8B", "card", "Llama 3 model card: 8B, GQA, 8k context; same shape as Llama 3.1 8B (oumi recipe table seen via search)."),
  },
  {
    id: "meta-llama/Meta-Llama-3-70B", aliases: ["meta-llama/Meta-Llama-3-70B-Instruct"], name: "Llama 3 70B",
    config: { ...LLAMA3_BASE, hidden_size: 8192, intermediate_size: 28672, num_hidden_layers: 80, num_attention_heads: 64, num_key_value_heads: 8, max_position_embeddings: 8192, tie_word_embeddings: false },
    statedParamCount: 70e9,
    source: hfConfigSource("meta-llama/Meta-Llama-3-70B", "search", "Copy read: huggingface.co/mirlab/AkaLlama-llama3-70b-v0.1 config.json (_name_or_path meta-llama/Meta-Llama-3-70B-Instruct)."),
  },
  {
    id: "meta-llama/Llama-3.1-8B", aliases: ["meta-llama/Llama-3.1-8B-Instruct", "meta-llama/Meta-Llama-3.1-8B", "meta-llama/Meta-Llama-3.1-8B-Instruct"], name: "Llama 3.1 8B",
    config: { ...LLAMA3_BASE, hidden_size: 4096, intermediate_size: 14336, num_hidden_layers: 32, num_attention_heads: 32, num_key_value_heads: 8, max_position_embeddings: 131072, tie_word_embeddings: false },
    statedParamCount: 8e9,
    source: hfConfigSource("meta-llama/Llama-3.1-8B", "search", "Shape read from oumi configs/recipes/llama3_1/README.md (vocab 128256, hidden 4096, MLP 14336, 32 layers, 32 heads, 8 KV, untied, 131072)."),
  },
  {
    id: "meta-llama/Llama-3.1-70B", aliases: ["meta-llama/Llama-3.1-70B-Instruct", "meta-llama/Meta-Llama-3.1-70B", "meta-llama/Meta-Llama-3.1-70B-Instruct"], name: "Llama 3.1 70B",
    config: { ...LLAMA3_BASE, hidden_size: 8192, intermediate_size: 28672, num_hidden_layers: 80, num_attention_heads: 64, num_key_value_heads: 8, max_position_embeddings: 131072, tie_word_embeddings: false },
    statedParamCount: 70e9,
    source: hfConfigSource("meta-llama/Llama-3.1-70B", "search", "Shape read from oumi configs/recipes/llama3_1/README.md and a stored 3.1-70B config copy (max_position_embeddings 131072)."),
  },
  {
    id: "meta-llama/Llama-3.1-405B",
    aliases: ["meta-llama/Llama-3.1-405B-Instruct", "meta-llama/Meta-Llama-3.1-405B", "meta-llama/Meta-Llama-3.1-405B-Instruct", "NousResearch/Hermes-3-Llama-3.1-405B"],
    name: "Llama 3.1 405B",
    config: { ...LLAMA3_BASE, hidden_size: 16384, intermediate_size: 53248, num_hidden_layers: 126, num_attention_heads: 128, num_key_value_heads: 8, max_position_embeddings: 131072, tie_word_embeddings: false },
    statedParamCount: 405e9,
    source: hfConfigSource("meta-llama/Llama-3.1-405B", "search", "Shape read from stored model tables/fixtures for Llama 3.1 405B (hidden 16384, FFN 53248, 126 layers, 128 heads, 8 KV, vocab 128256), matching the Llama 3 Herd paper Table 3. Hermes 3 405B is a full fine-tune with the same architecture, listed as an alias."),
  },
  {
    id: "meta-llama/Llama-3.3-70B-Instruct", aliases: [], name: "Llama 3.3 70B Instruct",
    config: { ...LLAMA3_BASE, head_dim: 128, hidden_size: 8192, intermediate_size: 28672, num_hidden_layers: 80, num_attention_heads: 64, num_key_value_heads: 8, max_position_embeddings: 131072, tie_word_embeddings: false },
    statedParamCount: 70e9,
    source: hfConfigSource("meta-llama/Llama-3.3-70B-Instruct", "search", "Copy read: huggingface.co/relaxml/Llama-3.3-70B-Instruct-QTIP-3Bit config.json (_name_or_path meta-llama/Llama-3.3-70B-Instruct; quantization fields dropped)."),
  },
  {
    id: "meta-llama/Llama-3.2-1B", aliases: ["meta-llama/Llama-3.2-1B-Instruct"], name: "Llama 3.2 1B",
    config: { ...LLAMA3_BASE, head_dim: 64, hidden_size: 2048, intermediate_size: 8192, num_hidden_layers: 16, num_attention_heads: 32, num_key_value_heads: 8, max_position_embeddings: 131072, tie_word_embeddings: true },
    statedParamCount: 1.23e9,
    source: hfConfigSource("meta-llama/Llama-3.2-1B", "search", "Copy read: kevinstephano/thunder_model_blocks hf_llama/llama_config.py (LLAMA_3_2_1B_CFG, from meta-llama/Llama-3.2-1B-Instruct)."),
  },
  {
    id: "meta-llama/Llama-3.2-3B", aliases: ["meta-llama/Llama-3.2-3B-Instruct"], name: "Llama 3.2 3B",
    config: { ...LLAMA3_BASE, head_dim: 128, hidden_size: 3072, intermediate_size: 8192, num_hidden_layers: 28, num_attention_heads: 24, num_key_value_heads: 8, max_position_embeddings: 131072, tie_word_embeddings: true },
    statedParamCount: 3.21e9,
    source: hfConfigSource("meta-llama/Llama-3.2-3B", "search", "Shape read from a stored code comment quoting the meta-llama/Llama-3.2-3B config (3072, 24/8 heads, 28 layers, 8192 FFN). Card: 3.21B parameters, tied embeddings."),
  },
  {
    id: "meta-llama/Llama-4-Scout-17B-16E-Instruct", aliases: ["meta-llama/Llama-4-Scout-17B-16E"], name: "Llama 4 Scout 17B-16E",
    config: {
      architectures: ["Llama4ForConditionalGeneration"], model_type: "llama4", tie_word_embeddings: false, torch_dtype: "bfloat16",
      text_config: {
        model_type: "llama4_text", hidden_act: "silu", hidden_size: 5120, intermediate_size: 8192, intermediate_size_mlp: 16384,
        num_hidden_layers: 48, num_attention_heads: 40, num_key_value_heads: 8, head_dim: 128, attention_bias: false,
        attention_chunk_size: 8192, num_local_experts: 16, num_experts_per_tok: 1, interleave_moe_layer_step: 1,
        max_position_embeddings: 10485760, rope_theta: 500000.0, use_qk_norm: true, vocab_size: 202048, rms_norm_eps: 1e-5,
      },
      vision_config: {
        model_type: "llama4_vision_model", hidden_act: "gelu", hidden_size: 1408, intermediate_size: 5632, num_hidden_layers: 34,
        num_attention_heads: 16, image_size: 336, patch_size: 14, pixel_shuffle_ratio: 0.5, projector_input_dim: 4096,
        projector_output_dim: 4096, vision_output_dim: 4096,
      },
    },
    statedParamCount: 109e9,
    source: hfConfigSource("meta-llama/Llama-4-Scout-17B-16E-Instruct", "search", "Shape read from NxDI's LLAMA4_SCOUT_MINIMAL_MOCK_CONFIG (text and vision) and a stored parser test (interleave_moe_layer_step 1, intermediate_size_mlp 16384, attention_chunk_size 8192). Card: 17B active, 109B total."),
  },
  {
    id: "meta-llama/Llama-4-Maverick-17B-128E-Instruct", aliases: ["meta-llama/Llama-4-Maverick-17B-128E"], name: "Llama 4 Maverick 17B-128E",
    config: {
      architectures: ["Llama4ForConditionalGeneration"], model_type: "llama4", tie_word_embeddings: false, torch_dtype: "bfloat16",
      text_config: {
        model_type: "llama4_text", hidden_act: "silu", hidden_size: 5120, intermediate_size: 8192, intermediate_size_mlp: 16384,
        num_hidden_layers: 48, num_attention_heads: 40, num_key_value_heads: 8, head_dim: 128, attention_bias: false,
        attention_chunk_size: 8192, num_local_experts: 128, num_experts_per_tok: 1, interleave_moe_layer_step: 2,
        max_position_embeddings: 1048576, rope_theta: 500000.0, use_qk_norm: false, vocab_size: 202048, rms_norm_eps: 1e-5,
      },
      vision_config: {
        model_type: "llama4_vision_model", hidden_act: "gelu", hidden_size: 1408, intermediate_size: 5632, num_hidden_layers: 34,
        num_attention_heads: 16, image_size: 336, patch_size: 14, pixel_shuffle_ratio: 0.5, projector_input_dim: 4096,
        projector_output_dim: 4096, vision_output_dim: 4096,
      },
    },
    statedParamCount: 400e9,
    source: hfConfigSource("meta-llama/Llama-4-Maverick-17B-128E-Instruct", "search", "Text config read from TensorRT-LLM's LLAMA_4_MAVERICK_TWO_LAYER_CONFIG test fixture (layers restored to 48); vision config from the model card (not read)."),
  },
];
