import type { ModelEntry } from "../model-entry.js";
import { hfConfigSource } from "./source.js";

const MISTRAL_COMMON = {
  hidden_act: "silu", rms_norm_eps: 1e-5, tie_word_embeddings: false, torch_dtype: "bfloat16",
} as const;

/** Mistral 7B and Mixtral MoE models as published on Hugging Face. */
export const MISTRAL_MODELS: ModelEntry[] = [
  {
    id: "mistralai/Mistral-7B-Instruct-v0.3", aliases: ["mistralai/Mistral-7B-v0.3"], name: "Mistral 7B Instruct v0.3",
    config: {
      ...MISTRAL_COMMON, architectures: ["MistralForCausalLM"], model_type: "mistral",
      hidden_size: 4096, intermediate_size: 14336, num_hidden_layers: 32, num_attention_heads: 32, num_key_value_heads: 8,
      max_position_embeddings: 32768, rope_theta: 1000000.0, sliding_window: null, vocab_size: 32768,
    },
    statedParamCount: 7.25e9,
    source: hfConfigSource("mistralai/Mistral-7B-Instruct-v0.3", "search", "Read: the stored page of this very file at commit c170c708 (601 bytes; vocab 32768, sliding_window null, rope_theta 1e6)."),
  },
  {
    id: "mistralai/Mistral-7B-v0.1", aliases: ["mistralai/Mistral-7B-Instruct-v0.1"], name: "Mistral 7B v0.1",
    config: {
      ...MISTRAL_COMMON, architectures: ["MistralForCausalLM"], model_type: "mistral",
      hidden_size: 4096, intermediate_size: 14336, num_hidden_layers: 32, num_attention_heads: 32, num_key_value_heads: 8,
      max_position_embeddings: 32768, rope_theta: 10000.0, sliding_window: 4096, vocab_size: 32000,
    },
    statedParamCount: 7.3e9,
    source: hfConfigSource("mistralai/Mistral-7B-v0.1", "search", "Shape read from litgpt's config table and a stored KV-cache calculator ('Mistral-7B-SWA': sliding_window 4096); paper: 7.3B, 4096-token window."),
  },
  {
    id: "mistralai/Mixtral-8x7B-Instruct-v0.1", aliases: ["mistralai/Mixtral-8x7B-v0.1"], name: "Mixtral 8x7B Instruct v0.1",
    config: {
      ...MISTRAL_COMMON, architectures: ["MixtralForCausalLM"], model_type: "mixtral",
      hidden_size: 4096, intermediate_size: 14336, num_hidden_layers: 32, num_attention_heads: 32, num_key_value_heads: 8,
      num_local_experts: 8, num_experts_per_tok: 2, max_position_embeddings: 32768, rope_theta: 1000000.0,
      sliding_window: null, vocab_size: 32000,
    },
    statedParamCount: 46.7e9,
    source: hfConfigSource("mistralai/Mixtral-8x7B-Instruct-v0.1", "search", "Shape read from litgpt's config table citing huggingface.co/mistralai/Mixtral-8x7B-v0.1/blob/main/config.json (vocab 32000, 32768 positions, 8 experts top-2, rope 1e6). Paper: 46.7B total, 12.9B active."),
  },
  {
    id: "mistralai/Mixtral-8x22B-Instruct-v0.1", aliases: [], name: "Mixtral 8x22B Instruct v0.1",
    config: {
      ...MISTRAL_COMMON, architectures: ["MixtralForCausalLM"], model_type: "mixtral",
      hidden_size: 6144, intermediate_size: 16384, num_hidden_layers: 56, num_attention_heads: 48, num_key_value_heads: 8,
      num_local_experts: 8, num_experts_per_tok: 2, max_position_embeddings: 65536, rope_theta: 1000000.0,
      sliding_window: null, vocab_size: 32768,
    },
    statedParamCount: 141e9,
    source: hfConfigSource("mistralai/Mixtral-8x22B-Instruct-v0.1", "search", "Shape read from litgpt's config table citing this config.json (6144, 16384, 56 layers, 48/8 heads, vocab 32768, 65536 positions, 8 experts top-2). Card: 141B total, 39B active. The base repo (vocab 32000) is not aliased."),
  },
];
