import type { ModelEntry } from "../model-entry.js";
import { hfConfigSource, RETRIEVED_DATE } from "./source.js";

/** Alternating sliding (128-token window) and full attention, starting with sliding, as published. */
function alternatingLayerTypes(layerCount: number): string[] {
  return Array.from({ length: layerCount }, (_, i) => (i % 2 === 0 ? "sliding_attention" : "full_attention"));
}

// MoE expert weights ship as MXFP4; attention, router, embeddings and lm_head stay bf16 (modules_to_not_convert).
const MXFP4_QUANT = {
  quant_method: "mxfp4",
  modules_to_not_convert: ["model.layers.*.self_attn", "model.layers.*.mlp.router", "model.embed_tokens", "lm_head"],
} as const;

const GPT_OSS_BASE = {
  architectures: ["GptOssForCausalLM"],
  model_type: "gpt_oss",
  attention_bias: true,
  head_dim: 64,
  hidden_act: "silu",
  hidden_size: 2880,
  intermediate_size: 2880,
  num_attention_heads: 64,
  num_key_value_heads: 8,
  experts_per_token: 4,
  num_experts_per_tok: 4,
  sliding_window: 128,
  initial_context_length: 4096,
  max_position_embeddings: 131072,
  rope_theta: 150000,
  rms_norm_eps: 1e-5,
  swiglu_limit: 7.0,
  tie_word_embeddings: false,
  torch_dtype: "bfloat16",
  vocab_size: 201088,
  quantization_config: MXFP4_QUANT,
} as const;

function mxfp4Release(repoId: string) {
  return {
    format: "mxfp4",
    weights: "fp4",
    activations: "bf16",
    source: {
      url: `https://huggingface.co/${repoId}/blob/main/config.json`,
      retrievedDate: RETRIEVED_DATE,
      note: "quantization_config: quant_method mxfp4; MoE expert weights in MXFP4 (e2m1 + e8m0 scale per 32), attention, router, embeddings and lm_head in bf16 (modules_to_not_convert). The card: 'fits into a single 80GB GPU'. Weight-only on Hopper (16-bit activations). Also in ../shared/configs/hf.",
    },
  } as const;
}

/** OpenAI's open-weight gpt-oss models as published on Hugging Face. */
export const OPENAI_MODELS: ModelEntry[] = [
  {
    id: "openai/gpt-oss-20b",
    aliases: [],
    name: "gpt-oss-20b",
    config: { ...GPT_OSS_BASE, num_hidden_layers: 24, num_local_experts: 32, layer_types: alternatingLayerTypes(24) },
    statedParamCount: 21e9,
    releasePrecision: mxfp4Release("openai/gpt-oss-20b"),
    source: hfConfigSource("openai/gpt-oss-20b", "search", "Copy read: tinygrad test TORCH_PARAMS['20B'] citing huggingface.co/openai/gpt-oss-20b/blob/main/config.json. Card: 21B total, 3.6B active."),
  },
  {
    id: "openai/gpt-oss-120b",
    aliases: [],
    name: "gpt-oss-120b",
    config: { ...GPT_OSS_BASE, num_hidden_layers: 36, num_local_experts: 128, layer_types: alternatingLayerTypes(36) },
    statedParamCount: 117e9,
    releasePrecision: mxfp4Release("openai/gpt-oss-120b"),
    source: hfConfigSource(
      "openai/gpt-oss-120b",
      "search",
      "Shared fields as in the 20b copy; 36 layers and 128 experts read from TensorRT-LLM's gpt-oss test config (num_experts 128, experts_per_token 4) and the model card (117B total, 5.1B active).",
    ),
  },
];
