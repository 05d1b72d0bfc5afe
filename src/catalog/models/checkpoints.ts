import type { CheckpointEntry } from "../model-entry.js";
import { hfPageSource } from "./source.js";

const MODELOPT_FP8 =
  "NVIDIA Model Optimizer PTQ: weights and activations of the linear layers in the transformer blocks in FP8 (model card); " +
  "KV cache FP8 per the repo's hf_quant_config.json kv_cache_quant_algo (written from the published file, not read via the search tool).";
const MODELOPT_FP4 =
  "NVIDIA Model Optimizer PTQ to NVFP4: weights and activations of the linear layers in FP4 with 16-element FP8 block scales (model card); " +
  "KV cache FP8 per hf_quant_config.json kv_cache_quant_algo (written from the published file, not read via the search tool).";
const NEURALMAGIC_FP8 = "Neural Magic llm-compressor FP8 (W8A8): weights and activations of the linear layers in FP8 per the model card; KV cache left in bf16.";

/** Quantized checkpoints that resolve to a catalog architecture with their own precision. */
export const CHECKPOINTS: CheckpointEntry[] = [
  {
    id: "nvidia/Llama-3.1-405B-Instruct-FP4",
    baseId: "meta-llama/Llama-3.1-405B",
    precision: { weights: "fp4", activations: "fp4", kvCache: "fp8" },
    source: hfPageSource("nvidia/Llama-3.1-405B-Instruct-FP4", MODELOPT_FP4),
  },
  {
    id: "nvidia/Llama-3.1-405B-Instruct-FP8",
    baseId: "meta-llama/Llama-3.1-405B",
    precision: { weights: "fp8", activations: "fp8", kvCache: "fp8" },
    source: hfPageSource("nvidia/Llama-3.1-405B-Instruct-FP8", `${MODELOPT_FP8} Card read via the search tool (README at commit 539ac9a).`),
  },
  {
    id: "nvidia/Llama-3.1-8B-Instruct-FP8",
    baseId: "meta-llama/Llama-3.1-8B",
    precision: { weights: "fp8", activations: "fp8", kvCache: "fp8" },
    source: hfPageSource("nvidia/Llama-3.1-8B-Instruct-FP8", `${MODELOPT_FP8} Card read via the search tool.`),
  },
  {
    id: "nvidia/Llama-3.3-70B-Instruct-FP4",
    baseId: "meta-llama/Llama-3.3-70B-Instruct",
    precision: { weights: "fp4", activations: "fp4", kvCache: "fp8" },
    source: hfPageSource("nvidia/Llama-3.3-70B-Instruct-FP4", MODELOPT_FP4),
  },
  {
    id: "nvidia/Llama-3.3-70B-Instruct-FP8",
    baseId: "meta-llama/Llama-3.3-70B-Instruct",
    precision: { weights: "fp8", activations: "fp8", kvCache: "fp8" },
    source: hfPageSource("nvidia/Llama-3.3-70B-Instruct-FP8", `${MODELOPT_FP8} Card read via the search tool.`),
  },
  {
    id: "nvidia/Llama-4-Maverick-17B-128E-Instruct-FP8",
    baseId: "meta-llama/Llama-4-Maverick-17B-128E-Instruct",
    precision: { weights: "fp8", activations: "fp8", kvCache: "fp8" },
    source: hfPageSource("nvidia/Llama-4-Maverick-17B-128E-Instruct-FP8", MODELOPT_FP8),
  },
  {
    id: "nvidia/Qwen3-235B-A22B-FP8",
    baseId: "Qwen/Qwen3-235B-A22B",
    precision: { weights: "fp8", activations: "fp8", kvCache: "fp8" },
    source: hfPageSource("nvidia/Qwen3-235B-A22B-FP8", MODELOPT_FP8),
  },
  {
    id: "nvidia/Qwen3-30B-A3B-FP4",
    baseId: "Qwen/Qwen3-30B-A3B",
    precision: { weights: "fp4", activations: "fp4", kvCache: "fp8" },
    source: hfPageSource("nvidia/Qwen3-30B-A3B-FP4", MODELOPT_FP4),
  },
  {
    id: "nvidia/DeepSeek-R1-NVFP4",
    baseId: "deepseek-ai/DeepSeek-V3",
    precision: { weights: "fp4", activations: "fp4", kvCache: "fp8" },
    source: hfPageSource(
      "nvidia/DeepSeek-R1-NVFP4",
      `${MODELOPT_FP4} DeepSeek-R1 architecture (DeepseekV3ForCausalLM). The sibling nvidia/DeepSeek-V3.1-NVFP4 and V3.2-NVFP4 hf_quant_config.json in ../shared/configs/hf read: quant_algo NVFP4, group_size 16, kv_cache_quant_algo FP8. Used by the silicon rows (TensorRT-LLM on B200, gemm/moe quant mode nvfp4).`,
    ),
  },
  {
    id: "nvidia/Qwen3-32B-NVFP4",
    baseId: "Qwen/Qwen3-32B",
    precision: { weights: "fp4", activations: "fp4", kvCache: "fp8" },
    source: hfPageSource(
      "nvidia/Qwen3-32B-NVFP4",
      `${MODELOPT_FP4} Qwen3-32B architecture. As nvidia/Qwen3-235B-A22B-NVFP4's hf_quant_config.json in ../shared/configs/hf: quant_algo NVFP4, group_size 16, kv_cache_quant_algo FP8. Used by the silicon rows.`,
    ),
  },
  {
    id: "neuralmagic/Meta-Llama-3.1-70B-Instruct-FP8",
    baseId: "meta-llama/Llama-3.1-70B",
    precision: { weights: "fp8", activations: "fp8" },
    source: hfPageSource("neuralmagic/Meta-Llama-3.1-70B-Instruct-FP8", NEURALMAGIC_FP8),
  },
  {
    id: "neuralmagic/Meta-Llama-3.1-8B-FP8",
    baseId: "meta-llama/Llama-3.1-8B",
    precision: { weights: "fp8", activations: "fp8" },
    source: hfPageSource("neuralmagic/Meta-Llama-3.1-8B-FP8", NEURALMAGIC_FP8),
  },
  {
    id: "NousResearch/Hermes-3-Llama-3.1-405B-FP8",
    baseId: "meta-llama/Llama-3.1-405B",
    precision: { weights: "fp8", activations: "fp8" },
    source: hfPageSource(
      "NousResearch/Hermes-3-Llama-3.1-405B-FP8",
      "Card (read via the search tool): 'the FP8 prequantized version of Hermes 405B, for use with vLLM'; the 70B sibling names it the NeuralMagic FP8 quantization (W8A8). Hermes 3 405B is a full fine-tune of Llama 3.1 405B, same architecture; KV cache left in bf16.",
    ),
  },
];
