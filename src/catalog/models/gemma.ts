import type { ModelEntry } from "../model-entry.js";
import { hfConfigSource } from "./source.js";

/** Layer i is full attention when (i + 1) is a multiple of the period, else sliding: transformers' layer_types rule. */
function periodicLayerTypes(layerCount: number, period: number): string[] {
  return Array.from({ length: layerCount }, (_, i) => ((i + 1) % period === 0 ? "full_attention" : "sliding_attention"));
}

const GEMMA2_BASE = {
  architectures: ["Gemma2ForCausalLM"],
  model_type: "gemma2",
  attention_bias: false,
  attn_logit_softcapping: 50.0,
  final_logit_softcapping: 30.0,
  hidden_act: "gelu_pytorch_tanh",
  hidden_activation: "gelu_pytorch_tanh",
  max_position_embeddings: 8192,
  rms_norm_eps: 1e-6,
  rope_theta: 10000.0,
  sliding_window: 4096,
  cache_implementation: "hybrid",
  vocab_size: 256000,
  torch_dtype: "float32",
  // Not written in the file: Gemma2Config's default, stated here so the count does not depend on a default.
  tie_word_embeddings: true,
} as const;

// Gemma 3 files publish a sparse text_config; the fields marked "default" are Gemma3TextConfig defaults
// written out so the engine does not have to know them (vocab 262208, head_dim 256, 5 local : 1 global).
// layer_types is what newer transformers versions write; it agrees with the window pattern.
const GEMMA3_TEXT_DEFAULTS = {
  model_type: "gemma3_text",
  hidden_activation: "gelu_pytorch_tanh",
  max_position_embeddings: 131072,
  rope_theta: 1000000.0,
  rope_local_base_freq: 10000.0,
  sliding_window: 1024,
  sliding_window_pattern: 6,
  vocab_size: 262208,
  rms_norm_eps: 1e-6,
  attention_bias: false,
  tie_word_embeddings: true,
} as const;

const SIGLIP_VISION = {
  model_type: "siglip_vision_model",
  hidden_size: 1152,
  intermediate_size: 4304,
  num_hidden_layers: 27,
  num_attention_heads: 16,
  image_size: 896,
  patch_size: 14,
  vision_use_head: false,
} as const;

/** Gemma 2 and Gemma 3 instruction-tuned models as published on Hugging Face. */
export const GEMMA_MODELS: ModelEntry[] = [
  {
    id: "google/gemma-2-9b-it",
    aliases: ["google/gemma-2-9b"],
    name: "Gemma 2 9B IT",
    config: { ...GEMMA2_BASE, head_dim: 256, hidden_size: 3584, intermediate_size: 14336, num_hidden_layers: 42, num_attention_heads: 16, num_key_value_heads: 8, query_pre_attn_scalar: 256, layer_types: periodicLayerTypes(42, 2) },
    statedParamCount: 9e9,
    source: hfConfigSource(
      "google/gemma-2-9b-it",
      "search",
      "Shape read from a stored GEMMA2_9B preset (3584, 14336, 42 layers, 16/8 heads, head_dim 256, query_pre_attn_scalar 256, window 4096, tied); file layout as in the 27B copy. Alternating local/global layers by architecture.",
    ),
  },
  {
    id: "google/gemma-2-27b-it",
    aliases: ["google/gemma-2-27b"],
    name: "Gemma 2 27B IT",
    config: { ...GEMMA2_BASE, head_dim: 128, hidden_size: 4608, intermediate_size: 36864, num_hidden_layers: 46, num_attention_heads: 32, num_key_value_heads: 16, query_pre_attn_scalar: 144, layer_types: periodicLayerTypes(46, 2) },
    statedParamCount: 27e9,
    source: hfConfigSource("google/gemma-2-27b-it", "search", "Copy read: a stored transformers-style gemma2_27b config dict (Gemma2ForCausalLM, query_pre_attn_scalar 144, sliding_window 4096)."),
  },
  {
    id: "google/gemma-3-12b-it",
    aliases: ["google/gemma-3-12b-pt"],
    name: "Gemma 3 12B IT",
    config: {
      architectures: ["Gemma3ForConditionalGeneration"],
      model_type: "gemma3",
      mm_tokens_per_image: 256,
      torch_dtype: "bfloat16",
      text_config: {
        ...GEMMA3_TEXT_DEFAULTS,
        head_dim: 256,
        query_pre_attn_scalar: 256,
        hidden_size: 3840,
        intermediate_size: 15360,
        num_hidden_layers: 48,
        num_attention_heads: 16,
        num_key_value_heads: 8,
        layer_types: periodicLayerTypes(48, 6),
      },
      vision_config: SIGLIP_VISION,
    },
    statedParamCount: 12e9,
    source: hfConfigSource(
      "google/gemma-3-12b-it",
      "search",
      "Text shape read from a stored Gemma3ForConditionalGeneration fixture (3840, 15360, 48 layers, 16/8 heads, head_dim 256, window 1024, pattern 6, layer_types); SigLIP vision tower as in the 27B copy. Gemma3TextConfig defaults written out.",
    ),
  },
  {
    id: "google/gemma-3-27b-it",
    aliases: ["google/gemma-3-27b-pt"],
    name: "Gemma 3 27B IT",
    config: {
      architectures: ["Gemma3ForConditionalGeneration"],
      model_type: "gemma3",
      mm_tokens_per_image: 256,
      torch_dtype: "bfloat16",
      text_config: {
        ...GEMMA3_TEXT_DEFAULTS,
        head_dim: 128,
        query_pre_attn_scalar: 168,
        hidden_size: 5376,
        intermediate_size: 21504,
        num_hidden_layers: 62,
        num_attention_heads: 32,
        num_key_value_heads: 16,
        layer_types: periodicLayerTypes(62, 6),
      },
      vision_config: SIGLIP_VISION,
    },
    statedParamCount: 27e9,
    source: hfConfigSource(
      "google/gemma-3-27b-it",
      "search",
      "Copy read: TensorRT-LLM GEMMA3_27B_MINI_CONFIG test fixture (text_config and vision_config as in google/gemma-3-27b-it, layers restored to 62); Gemma3TextConfig defaults written out (vocab 262208, pattern 6).",
    ),
  },
];
