import type { ModelEntry } from "../model-entry.js";
import { hfConfigSource, RETRIEVED_DATE } from "./source.js";

// DeepSeek-V3 architecture (MLA attention + DeepSeekMoE). Both checkpoints ship block-scaled FP8 weights,
// which the published config records in quantization_config; it is kept because it sets the weight bytes.
const FP8_BLOCK_QUANT = {
  activation_scheme: "dynamic",
  fmt: "e4m3",
  quant_method: "fp8",
  weight_block_size: [128, 128],
} as const;

const DEEPSEEK_V3_ARCH = {
  architectures: ["DeepseekV3ForCausalLM"],
  attention_bias: false,
  hidden_act: "silu",
  hidden_size: 7168,
  intermediate_size: 18432,
  moe_intermediate_size: 2048,
  num_hidden_layers: 61,
  moe_layer_freq: 1,
  n_shared_experts: 1,
  num_experts_per_tok: 8,
  norm_topk_prob: true,
  q_lora_rank: 1536,
  kv_lora_rank: 512,
  qk_nope_head_dim: 128,
  qk_rope_head_dim: 64,
  v_head_dim: 128,
  scoring_func: "sigmoid",
  topk_method: "noaux_tc",
  tie_word_embeddings: false,
  torch_dtype: "bfloat16",
  quantization_config: FP8_BLOCK_QUANT,
} as const;

/** Release precision of the FP8 block-wise checkpoints (config.json quantization_config, read from the file). */
function fp8BlockRelease(repoId: string) {
  return {
    format: "fp8-block",
    weights: "fp8",
    activations: "fp8",
    source: {
      url: `https://huggingface.co/${repoId}/blob/main/config.json`,
      retrievedDate: RETRIEVED_DATE,
      note: "quantization_config: quant_method fp8, fmt e4m3, weight_block_size [128, 128], activation_scheme dynamic (per-token-group 1x128 activation scales). Also in ../shared/configs/hf.",
    },
  } as const;
}

/** DeepSeek-V3/R1 and Kimi K2 (same DeepseekV3ForCausalLM architecture) as published on Hugging Face. */
export const DEEPSEEK_MODELS: ModelEntry[] = [
  {
    id: "deepseek-ai/DeepSeek-V3",
    aliases: ["deepseek-ai/DeepSeek-V3-0324", "deepseek-ai/DeepSeek-R1", "deepseek-ai/DeepSeek-R1-0528", "deepseek-ai/DeepSeek-V3-Base"],
    name: "DeepSeek-V3 / R1",
    config: {
      ...DEEPSEEK_V3_ARCH,
      model_type: "deepseek_v3",
      num_attention_heads: 128,
      num_key_value_heads: 128,
      n_routed_experts: 256,
      first_k_dense_replace: 3,
      n_group: 8,
      topk_group: 4,
      routed_scaling_factor: 2.5,
      num_nextn_predict_layers: 1,
      max_position_embeddings: 163840,
      rope_theta: 10000,
      rms_norm_eps: 1e-6,
      vocab_size: 129280,
    },
    statedParamCount: 671e9,
    releasePrecision: fp8BlockRelease("deepseek-ai/DeepSeek-V3"),
    source: hfConfigSource(
      "deepseek-ai/DeepSeek-V3",
      "search",
      "MLA/MoE fields read from stored configs citing this config.json (61 layers, 128 heads, kv_lora_rank 512, qk_rope 64, 256 routed top-8, 1 shared, first_k_dense_replace 3, vocab 129280, 163840 positions). Card: 671B main model + 14B MTP module, 37B active. R1, R1-0528 and V3-0324 publish the same architecture.",
    ),
  },
  {
    id: "moonshotai/Kimi-K2-Instruct",
    aliases: ["moonshotai/Kimi-K2-Base"],
    name: "Kimi K2 Instruct",
    config: {
      ...DEEPSEEK_V3_ARCH,
      model_type: "kimi_k2",
      num_attention_heads: 64,
      num_key_value_heads: 64,
      n_routed_experts: 384,
      first_k_dense_replace: 1,
      n_group: 1,
      topk_group: 1,
      routed_scaling_factor: 2.827,
      num_nextn_predict_layers: 0,
      max_position_embeddings: 131072,
      rope_theta: 50000.0,
      rms_norm_eps: 1e-6,
      vocab_size: 163840,
    },
    statedParamCount: 1.0e12,
    releasePrecision: fp8BlockRelease("moonshotai/Kimi-K2-Instruct"),
    source: hfConfigSource(
      "moonshotai/Kimi-K2-Instruct",
      "search",
      "Shape read from stored configs citing this config.json (64 heads, 384 routed experts top-8, MoE FFN 2048, first_k_dense_replace 1, n_group 1, rope_theta 50000, 131072 positions). vocab 163840 and no MTP layer from the card. Card: 1T total, 32B active.",
    ),
  },
];
