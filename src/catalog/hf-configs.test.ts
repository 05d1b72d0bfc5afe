// Every real config.json in ../shared/configs/hf (NVIDIA AIConfigurator's model_configs, see its README) imports with
// checked parameter counts and cache sizes, or is refused with an issue naming the unsupported field.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseArchitecture } from "../core/architecture.js";
import { shapeModel } from "../core/model-shape.js";
import { countParameters } from "../core/parameters.js";
import { parseQuantization } from "../core/quantization.js";
import { parseConfigJson } from "./models/config-json.js";

// ../shared beside the project root (src/catalog -> repo root -> ..).
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const DIR = resolve(ROOT, "../shared/configs/hf");
if (!existsSync(DIR)) {
  throw new Error(`hf-configs.test: ${DIR} is missing; clone the shared data beside the project (../shared/configs/hf)`);
}
const FILES = readdirSync(DIR)
  .filter((f) => f.endsWith("_config.json"))
  .sort();
const CONFIGS = FILES.filter((f) => !f.endsWith("_hf_quant_config.json"));
const read = (f: string): unknown => parseConfigJson(readFileSync(resolve(DIR, f), "utf8"));
const quantFileOf = (f: string): string => f.replace(/_config\.json$/, "_hf_quant_config.json");
const rel = (a: number, b: number): number => Math.abs(a - b) / b;
const BF16 = { weights: "bf16", activations: "bf16", kvCache: "bf16" } as const;

// Configs refused on purpose, with the field the refusal must name.
const REFUSED: Record<string, string> = {
  "MiniMaxAI--MiniMax-M3": "sparse_attention_config",
  "nvidia--MiniMax-M3-NVFP4": "sparse_attention_config",
  "XiaomiMiMo--MiMo-V2-Flash": "hybrid_layer_pattern",
  "deepseek-ai--DeepSeek-V4-Flash": "hc_mult",
  "deepseek-ai--DeepSeek-V4-Pro": "hc_mult",
  "nvidia--DeepSeek-V4-Flash-NVFP4": "hc_mult",
  "nvidia--DeepSeek-V4-Pro-NVFP4": "hc_mult",
  "sgl-project--DeepSeek-V4-Flash-FP8": "hc_mult",
  "sgl-project--DeepSeek-V4-Pro-FP8": "hc_mult",
  "google--gemma-4-26B-A4B": "global_head_dim",
  "nvidia--Gemma-4-26B-A4B-NVFP4": "global_head_dim",
  "nvidia--Gemma-4-31B-IT-NVFP4": "global_head_dim",
  "moonshotai--Kimi-K3": "linear_attn_config",
  "nvidia--Llama-3_3-Nemotron-Super-49B-v1": "block_configs",
};

const nameOf = (f: string): string => f.replace(/_config\.json$/, "");

describe("../shared/configs/hf", () => {
  it("holds the corpus (configs and ModelOpt hf_quant_config.json files)", () => {
    expect(CONFIGS.length).toBeGreaterThanOrEqual(80);
    // Every hf_quant_config.json sits beside its config.json.
    for (const q of FILES.filter((f) => f.endsWith("_hf_quant_config.json"))) {
      expect(CONFIGS, q).toContain(q.replace(/_hf_quant_config\.json$/, "_config.json"));
    }
  });

  for (const file of CONFIGS) {
    const name = nameOf(file);
    it(`${name}: imported with sizes, or refused naming the field`, () => {
      const config = read(file);
      const arch = parseArchitecture(config);
      const quantFile = FILES.includes(quantFileOf(file)) ? read(quantFileOf(file)) : undefined;
      const release = parseQuantization(config, quantFile);
      expect(release.ok, `${name}: quantization ${JSON.stringify(!release.ok && release.issues)}`).toBe(true);
      const refusedField = REFUSED[name];
      if (refusedField !== undefined) {
        expect(arch.ok, name).toBe(false);
        if (!arch.ok) {
          expect(arch.issues.map((i) => i.field)).toContain(refusedField);
          for (const issue of arch.issues) expect(issue.message).toContain(String(issue.field));
        }
        return;
      }
      if (!arch.ok) throw new Error(`${name}: ${arch.issues.map((i) => i.message).join("; ")}`);
      const a = arch.value;
      const p = countParameters(a);
      const s = shapeModel(a, BF16);
      expect(p.totalCount).toBeGreaterThan(0.5e9);
      expect(p.activeCount).toBeLessThanOrEqual(p.totalCount);
      // Structure is consistent: MoE exactly where layerMlps says so, linear mixers carry no KV and no attention FLOPs.
      expect(a.layerMixers).toHaveLength(a.layerCount);
      expect(a.layerMlps.map((m) => m === "moe")).toEqual(a.moe ? a.moe.layerIsMoe : a.layerMlps.map(() => false));
      for (const g of s.groups) {
        if (g.mixer !== "attention") {
          expect(g.kvBytesPerToken).toBe(0);
          expect(g.decodeAttentionFlopsPerPair + g.prefillAttentionFlopsPerPair).toBe(0);
        }
        if (g.mixer === "gdn" || g.mixer === "mamba2") {
          expect(g.stateBytesPerSequence).toBeGreaterThan(0);
          expect(g.decodeLinearMixerFlopsPerToken).toBeGreaterThan(0);
        } else {
          expect(g.stateBytesPerSequence).toBe(0);
        }
      }
      expect(s.kvBytesPerToken).toBeGreaterThan(0);
      // Hybrids are sized by state per sequence; full-attention models have none.
      const hybrid = a.layerMixers.some((m) => m === "gdn" || m === "mamba2");
      expect(s.stateBytesPerSequence > 0).toBe(hybrid);
      // Quantized releases (by name) are read as such.
      if (/FP8|NVFP4|gpt-oss|DeepSeek-(V3|R1)|Kimi-K2/.test(name) && release.ok) expect(release.value, name).not.toBeNull();
    });
  }
});

/**
 * Published counts from the model cards (total and, for MoE, active; in params). Active counts include the embedding
 * and LM head unless marked noHead (the card then counts without the unembedding). Multimodal cards count the
 * vision tower too (~0.4-0.6B for Qwen3.5/VL); the text tower is imported, so those use the 2% tolerance with care.
 */
const PUBLISHED: Array<{ file: string; total: number; active?: number; noHead?: boolean; url: string }> = [
  // https://huggingface.co/meta-llama/Llama-3.1-8B : 8B (8.03B in the safetensors index).
  { file: "meta-llama--Meta-Llama-3.1-8B", total: 8.03e9, url: "https://huggingface.co/meta-llama/Llama-3.1-8B" },
  // https://huggingface.co/meta-llama/Llama-3.1-70B : 70B (70.6B).
  { file: "meta-llama--Meta-Llama-3.1-70B", total: 70.6e9, url: "https://huggingface.co/meta-llama/Llama-3.1-70B" },
  // https://huggingface.co/meta-llama/Llama-3.1-405B : 405B.
  { file: "meta-llama--Meta-Llama-3.1-405B", total: 405e9, url: "https://huggingface.co/meta-llama/Llama-3.1-405B" },
  // https://huggingface.co/Qwen/Qwen3-32B : 32.8B parameters.
  { file: "Qwen--Qwen3-32B", total: 32.8e9, url: "https://huggingface.co/Qwen/Qwen3-32B" },
  // https://huggingface.co/Qwen/Qwen3-8B : 8.2B parameters.
  { file: "Qwen--Qwen3-8B", total: 8.2e9, url: "https://huggingface.co/Qwen/Qwen3-8B" },
  // https://huggingface.co/Qwen/Qwen3-30B-A3B : 30.5B total, 3.3B activated.
  { file: "Qwen--Qwen3-30B-A3B", total: 30.5e9, active: 3.3e9, url: "https://huggingface.co/Qwen/Qwen3-30B-A3B" },
  // https://huggingface.co/Qwen/Qwen3-235B-A22B : 235B total, 22B activated.
  { file: "Qwen--Qwen3-235B-A22B", total: 235e9, active: 22e9, url: "https://huggingface.co/Qwen/Qwen3-235B-A22B" },
  // https://huggingface.co/Qwen/Qwen3-Coder-480B-A35B-Instruct : 480B total, 35B activated.
  { file: "Qwen--Qwen3-Coder-480B-A35B-Instruct", total: 480e9, active: 35e9, url: "https://huggingface.co/Qwen/Qwen3-Coder-480B-A35B-Instruct" },
  // https://huggingface.co/mistralai/Mixtral-8x7B-v0.1 (Mistral AI, "Mixtral of experts"): 46.7B total, 12.9B active.
  { file: "mistralai--Mixtral-8x7B-v0.1", total: 46.7e9, active: 12.9e9, url: "https://mistral.ai/news/mixtral-of-experts" },
  // https://mistral.ai/news/mixtral-8x22b : 141B total, 39B active.
  { file: "mistralai--Mixtral-8x22B-v0.1", total: 141e9, active: 39e9, url: "https://mistral.ai/news/mixtral-8x22b" },
  // https://huggingface.co/deepseek-ai/DeepSeek-V3 : 671B main model (685B with the 14B MTP module), 37B activated.
  { file: "deepseek-ai--DeepSeek-V3", total: 671e9, active: 37e9, url: "https://huggingface.co/deepseek-ai/DeepSeek-V3" },
  // https://huggingface.co/deepseek-ai/DeepSeek-R1 : same architecture, 671B total, 37B activated.
  { file: "deepseek-ai--DeepSeek-R1", total: 671e9, active: 37e9, url: "https://huggingface.co/deepseek-ai/DeepSeek-R1" },
  // https://huggingface.co/openai/gpt-oss-120b (model card PDF, table 1): 116.83B total, 5.13B active without the unembedding.
  { file: "openai--gpt-oss-120b", total: 116.83e9, active: 5.13e9, noHead: true, url: "https://huggingface.co/openai/gpt-oss-120b" },
  // https://huggingface.co/openai/gpt-oss-20b (model card PDF, table 1): 20.91B total, 3.61B active without the unembedding.
  { file: "openai--gpt-oss-20b", total: 20.91e9, active: 3.61e9, noHead: true, url: "https://huggingface.co/openai/gpt-oss-20b" },
  // https://huggingface.co/meta-llama/Llama-4-Scout-17B-16E-Instruct : 17B active, 109B total (vision encoder included, ~1B).
  { file: "meta-llama--Llama-4-Scout-17B-16E-Instruct", total: 108e9, active: 17e9, url: "https://huggingface.co/meta-llama/Llama-4-Scout-17B-16E-Instruct" },
  // https://huggingface.co/meta-llama/Llama-4-Maverick-17B-128E-Instruct : 17B active, 400B total.
  { file: "meta-llama--Llama-4-Maverick-17B-128E-Instruct", total: 400e9, active: 17e9, url: "https://huggingface.co/meta-llama/Llama-4-Maverick-17B-128E-Instruct" },
  // https://huggingface.co/moonshotai/Kimi-K2-Instruct : 1T total (1.04T in the index), 32B activated.
  { file: "moonshotai--Kimi-K2-Instruct", total: 1.026e12, active: 32.6e9, url: "https://huggingface.co/moonshotai/Kimi-K2-Instruct" },
  // https://huggingface.co/nvidia/NVIDIA-Nemotron-3-Nano-30B-A3B-BF16 : 31.6B total, ~3.6B active including embeddings.
  { file: "nvidia--NVIDIA-Nemotron-3-Nano-30B-A3B-BF16", total: 31.6e9, active: 3.6e9, url: "https://huggingface.co/nvidia/NVIDIA-Nemotron-3-Nano-30B-A3B-BF16" },
  // https://huggingface.co/nvidia/Nemotron-H-56B-Base-8K : 56B (Nemotron-H paper, arXiv 2504.03624).
  { file: "nvidia--Nemotron-H-56B-Base-8K", total: 56e9, url: "https://huggingface.co/nvidia/Nemotron-H-56B-Base-8K" },
  // https://huggingface.co/nvidia/NVIDIA-Nemotron-3-Super-120B-A12B-FP8 : 120B total, 12B active (name and card).
  { file: "nvidia--NVIDIA-Nemotron-3-Super-120B-A12B-FP8", total: 120e9, url: "https://huggingface.co/nvidia/NVIDIA-Nemotron-3-Super-120B-A12B-FP8" },
  // https://huggingface.co/Qwen/Qwen3.5-397B-A17B : 397B total, 17B activated (vision encoder included).
  { file: "Qwen--Qwen3.5-397B-A17B", total: 397e9, active: 17e9, url: "https://huggingface.co/Qwen/Qwen3.5-397B-A17B" },
  // https://huggingface.co/zai-org/GLM-5 : 744B total, 40B active.
  { file: "zai-org--GLM-5", total: 744e9, url: "https://huggingface.co/zai-org/GLM-5" },
];

describe("parameter counts against published model-card figures (2%)", () => {
  for (const row of PUBLISHED) {
    it(`${row.file}: ${(row.total / 1e9).toFixed(1)}B total${row.active ? `, ${(row.active / 1e9).toFixed(1)}B active` : ""} (${row.url})`, () => {
      const arch = parseArchitecture(read(`${row.file}_config.json`));
      if (!arch.ok) throw new Error(arch.issues.map((i) => i.message).join("; "));
      const p = countParameters(arch.value);
      expect(rel(p.totalCount, row.total), `total ${p.totalCount}`).toBeLessThan(0.02);
      if (row.active !== undefined) {
        const active = row.noHead ? p.activeCount - p.lmHeadCount : p.activeCount;
        // Cards round active counts (3.3B, 17B, 22B); 2.5% leaves room for that rounding (Qwen3.5-397B: 17.35B vs "17B").
        expect(rel(active, row.active), `active ${active}`).toBeLessThan(0.025);
      }
    });
  }
});

/** Cache sizes derived by hand (bf16 = 2 bytes; fp32 recurrent state where the config pins it). */
describe("KV bytes per token and recurrent state per sequence, by hand", () => {
  const cases: Array<{ file: string; kvBytesPerToken: number; stateBytesPerSequence: number; why: string }> = [
    // MLA: (kv_lora_rank 512 + rope 64) x 2 B x 61 layers = 70,272.
    { file: "deepseek-ai--DeepSeek-V3", kvBytesPerToken: 70_272, stateBytesPerSequence: 0, why: "MLA latent" },
    // DSA adds the indexer keys: 128 fp8 + one 4-byte scale = 132 B x 61 = 8,052 -> 78,324.
    { file: "deepseek-ai--DeepSeek-V3.2", kvBytesPerToken: 78_324, stateBytesPerSequence: 0, why: "MLA + DSA indexer keys" },
    // 64 layers, every 4th full attention: 16 x (2 x 4 KV heads x 256 x 2 B) = 65,536. 48 GDN layers, each
    // 48 value heads x 128 x 128 x 4 B (mamba_ssm_dtype float32) = 3,145,728 + conv (2x2048 + 6144) x 3 x 2 B = 61,440.
    { file: "Qwen--Qwen3.5-27B", kvBytesPerToken: 65_536, stateBytesPerSequence: 48 * (3_145_728 + 61_440), why: "Gated DeltaNet hybrid" },
    // 10 attention blocks of 118: 10 x (2 x 8 x 128 x 2 B) = 40,960. 54 Mamba2 blocks, each 256 heads x 64 x 256 x 2 B
    // = 8,388,608 + conv (16384 + 2 x 8 x 256) x 3 x 2 B = 122,880.
    { file: "nvidia--Nemotron-H-56B-Base-8K", kvBytesPerToken: 40_960, stateBytesPerSequence: 54 * (8_388_608 + 122_880), why: "Mamba2 hybrid" },
    // gpt-oss-120b: 36 layers x 2 x 8 x 64 x 2 B = 73,728 (the sliding half is capped by the window elsewhere).
    { file: "openai--gpt-oss-120b", kvBytesPerToken: 73_728, stateBytesPerSequence: 0, why: "GQA with sliding layers" },
  ];
  for (const c of cases) {
    it(`${c.file} (${c.why})`, () => {
      const arch = parseArchitecture(read(`${c.file}_config.json`));
      if (!arch.ok) throw new Error(arch.issues.map((i) => i.message).join("; "));
      const s = shapeModel(arch.value, BF16);
      expect(s.kvBytesPerToken).toBe(c.kvBytesPerToken);
      expect(s.stateBytesPerSequence).toBe(c.stateBytesPerSequence);
    });
  }

  it("DSA groups read at most index_topk KV entries per query (2048 for DeepSeek-V3.2 and GLM-5)", () => {
    for (const file of ["deepseek-ai--DeepSeek-V3.2", "zai-org--GLM-5"]) {
      const arch = parseArchitecture(read(`${file}_config.json`));
      if (!arch.ok) throw new Error(file);
      for (const g of shapeModel(arch.value, BF16).groups) expect(g.sparseTopKTokens).toBe(2048);
    }
  });
});
