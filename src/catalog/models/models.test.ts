import { describe, expect, it } from "vitest";
import { CheckpointEntry, ModelEntry } from "../model-entry.js";
import { CHECKPOINTS, MODELS, nearestModelIds, resolveModelId } from "./index.js";
import { editDistance, resolveIn } from "./lookup.js";

// Every model id named in shared/calibration/README.md ("Ids that appear across the full set").
const CALIBRATION_MODEL_IDS = [
  "BAAI/bge-large-en-v1.5",
  "BAAI/bge-small-en-v1.5",
  "NousResearch/Hermes-3-Llama-3.1-405B-FP8",
  "Qwen/Qwen3-Embedding-8B",
  "codellama/CodeLlama-7b-hf",
  "deepseek-ai/DeepSeek-R1",
  "deepseek-ai/DeepSeek-R1-0528",
  "meta-llama/Llama-2-13b-hf",
  "meta-llama/Llama-2-70b-chat-hf",
  "meta-llama/Llama-2-70b-hf",
  "meta-llama/Llama-2-7b-hf",
  "meta-llama/Llama-3.1-405B-Instruct",
  "meta-llama/Llama-3.1-70B",
  "meta-llama/Llama-3.1-70B-Instruct",
  "meta-llama/Llama-3.1-8B",
  "meta-llama/Llama-3.1-8B-Instruct",
  "meta-llama/Meta-Llama-3-70B",
  "meta-llama/Meta-Llama-3-8B",
  "mistralai/Mixtral-8x7B-Instruct-v0.1",
  "neuralmagic/Meta-Llama-3.1-70B-Instruct-FP8",
  "neuralmagic/Meta-Llama-3.1-8B-FP8",
  "nvidia/Llama-3.1-405B-Instruct-FP4",
  "nvidia/Llama-3.1-405B-Instruct-FP8",
  "nvidia/Llama-3.1-8B-Instruct-FP8",
  "nvidia/Llama-3.3-70B-Instruct-FP4",
  "nvidia/Llama-3.3-70B-Instruct-FP8",
  "nvidia/Llama-4-Maverick-17B-128E-Instruct-FP8",
  "nvidia/Qwen3-235B-A22B-FP8",
  "nvidia/Qwen3-30B-A3B-FP4",
];

function configOf(id: string): Record<string, unknown> {
  const resolved = resolveModelId(id);
  if (resolved === undefined) throw new Error(`not in catalog: ${id}`);
  return resolved.entry.config;
}

/**
 * Rough parameter count of a flat (non-nested, non-MLA) decoder config: embeddings (x2 when untied) plus per layer
 * q/k/v/o projections and a gated MLP (3 matrices), dense or summed over all experts. Norms and biases ignored.
 */
function roughDecoderParams(c: Record<string, unknown>): number {
  const n = (key: string): number => c[key] as number;
  const h = n("hidden_size");
  const heads = n("num_attention_heads");
  const kvHeads = (c.num_key_value_heads as number | undefined) ?? heads;
  const headDim = (c.head_dim as number | undefined) ?? h / heads;
  const attention = 2 * h * heads * headDim + 2 * h * kvHeads * headDim;
  const experts = (c.num_local_experts as number | undefined) ?? (c.num_experts as number | undefined) ?? 1;
  const mlpWidth = (c.moe_intermediate_size as number | undefined) ?? n("intermediate_size");
  const embeddings = n("vocab_size") * h * (c.tie_word_embeddings === true ? 1 : 2);
  return embeddings + n("num_hidden_layers") * (attention + 3 * h * mlpWidth * experts);
}

describe("model catalog", () => {
  it("has at least 40 entries, each parsing against the schema", () => {
    expect(MODELS.length).toBeGreaterThanOrEqual(40);
    for (const entry of MODELS) expect(ModelEntry.safeParse(entry).success, entry.id).toBe(true);
    for (const checkpoint of CHECKPOINTS) expect(CheckpointEntry.safeParse(checkpoint).success, checkpoint.id).toBe(true);
  });

  it("keeps ids, aliases and checkpoint ids unique ignoring case", () => {
    const all = [...MODELS.flatMap((m) => [m.id, ...(m.aliases ?? [])]), ...CHECKPOINTS.map((c) => c.id)].map((id) => id.toLowerCase());
    const duplicates = all.filter((id, i) => all.indexOf(id) !== i);
    expect(duplicates).toEqual([]);
  });

  it("cites each model's config.json on Hugging Face and says how it was read", () => {
    for (const entry of MODELS) {
      expect(entry.source.url).toBe(`https://huggingface.co/${entry.id}/blob/main/config.json`);
      expect(entry.source.retrievedDate).toBe("2026-11-22");
      expect(entry.source.note).toMatch(/search tool/);
    }
  });

  it("resolves every calibration model id", () => {
    const missing = CALIBRATION_MODEL_IDS.filter((id) => resolveModelId(id) === undefined);
    expect(missing).toEqual([]);
  });

  it("points every checkpoint at an existing base entry", () => {
    for (const checkpoint of CHECKPOINTS) {
      expect(
        MODELS.some((m) => m.id === checkpoint.baseId),
        checkpoint.id,
      ).toBe(true);
      const resolved = resolveModelId(checkpoint.id);
      expect(resolved?.entry.id).toBe(checkpoint.baseId);
      expect(resolved?.checkpoint?.id).toBe(checkpoint.id);
    }
  });

  it("resolves checkpoints with their precision", () => {
    const fp4 = resolveModelId("nvidia/Llama-3.1-405B-Instruct-FP4");
    expect(fp4?.entry.id).toBe("meta-llama/Llama-3.1-405B");
    expect(fp4?.checkpoint?.precision).toEqual({ weights: "fp4", activations: "fp4", kvCache: "fp8" });
    expect(resolveModelId("NousResearch/Hermes-3-Llama-3.1-405B-FP8")?.checkpoint?.precision.weights).toBe("fp8");
  });

  it("matches ids case-insensitively, through aliases, URLs, and without an unambiguous org prefix", () => {
    expect(resolveModelId("META-LLAMA/llama-3.3-70b-instruct")?.entry.id).toBe("meta-llama/Llama-3.3-70B-Instruct");
    expect(resolveModelId("meta-llama/Llama-2-70b-chat-hf")?.entry.id).toBe("meta-llama/Llama-2-70b-hf");
    expect(resolveModelId("deepseek-ai/DeepSeek-R1-0528")?.entry.id).toBe("deepseek-ai/DeepSeek-V3");
    expect(resolveModelId("NousResearch/Hermes-3-Llama-3.1-405B")?.entry.id).toBe("meta-llama/Llama-3.1-405B");
    expect(resolveModelId("https://huggingface.co/Qwen/Qwen3-8B")?.entry.id).toBe("Qwen/Qwen3-8B");
    expect(resolveModelId("gpt-oss-120b")?.entry.id).toBe("openai/gpt-oss-120b");
    expect(resolveModelId("Qwen3-30B-A3B-FP4")?.checkpoint?.id).toBe("nvidia/Qwen3-30B-A3B-FP4");
    expect(resolveModelId("no-such/model")).toBeUndefined();
    expect(resolveModelId("")).toBeUndefined();
  });

  it("refuses a bare name that two entries share", () => {
    const source = { url: "https://example.com/config.json", retrievedDate: "2026-11-22" };
    const a = { id: "org-a/same-name", aliases: [], name: "A", config: {}, source };
    const b = { id: "org-b/same-name", aliases: [], name: "B", config: {}, source };
    expect(resolveIn([a, b], [], "same-name")).toBeUndefined();
    expect(resolveIn([a, b], [], "org-b/same-name")?.entry.id).toBe("org-b/same-name");
  });

  it("spot-checks Llama-3.3-70B-Instruct against its published shape", () => {
    const c = configOf("meta-llama/Llama-3.3-70B-Instruct");
    expect(c).toMatchObject({
      hidden_size: 8192,
      num_hidden_layers: 80,
      num_attention_heads: 64,
      num_key_value_heads: 8,
      intermediate_size: 28672,
      vocab_size: 128256,
      tie_word_embeddings: false,
    });
  });

  it("spot-checks Qwen3-Embedding-8B", () => {
    const c = configOf("Qwen/Qwen3-Embedding-8B");
    expect(c).toMatchObject({ num_hidden_layers: 36, hidden_size: 4096, num_attention_heads: 32, num_key_value_heads: 8, intermediate_size: 12288 });
  });

  it("spot-checks DeepSeek-V3's MLA and MoE fields", () => {
    const c = configOf("deepseek-ai/DeepSeek-V3");
    expect(c).toMatchObject({
      num_hidden_layers: 61,
      n_routed_experts: 256,
      num_experts_per_tok: 8,
      n_shared_experts: 1,
      first_k_dense_replace: 3,
      kv_lora_rank: 512,
      qk_rope_head_dim: 64,
    });
  });

  it("keeps nested text_config for Llama 4 and Gemma 3, and layer types for gpt-oss", () => {
    expect(configOf("meta-llama/Llama-4-Maverick-17B-128E-Instruct").text_config).toMatchObject({ num_local_experts: 128, interleave_moe_layer_step: 2 });
    expect(configOf("meta-llama/Llama-4-Scout-17B-16E-Instruct").text_config).toMatchObject({ num_local_experts: 16, interleave_moe_layer_step: 1 });
    expect(configOf("google/gemma-3-27b-it").text_config).toMatchObject({ num_hidden_layers: 62, sliding_window: 1024, query_pre_attn_scalar: 168 });
    // Gemma 3 27B: full attention at layers 6, 12, ..., 60 (1-based) -> 10 full, 52 sliding of 62.
    const gemmaTypes = (configOf("google/gemma-3-27b-it").text_config as { layer_types: string[] }).layer_types;
    expect(gemmaTypes.filter((t) => t === "full_attention")).toHaveLength(10);
    expect(gemmaTypes[5]).toBe("full_attention");
    const layerTypes = configOf("openai/gpt-oss-20b").layer_types as string[];
    // 24 layers alternating sliding/full, starting with sliding: 12 of each.
    expect(layerTypes).toHaveLength(24);
    expect(layerTypes.filter((t) => t === "sliding_attention")).toHaveLength(12);
    expect(layerTypes[0]).toBe("sliding_attention");
  });

  // Llama-3.3-70B by hand: embeddings 128256*8192*2 = 2,101,346,304; per layer q+o 2*8192*8192 = 134,217,728,
  // k+v 2*8192*1024 = 16,777,216, MLP 3*8192*28672 = 704,643,072 -> 855,638,016 * 80 = 68,451,041,280;
  // total 70,552,387,584, within 1% of the stated 70B.
  it("matches stated parameter counts within 10% for flat decoders (catches typos in shapes)", () => {
    expect(roughDecoderParams(configOf("meta-llama/Llama-3.3-70B-Instruct"))).toBe(70_552_387_584);
    const flat = MODELS.filter((m) => m.config.text_config === undefined && m.config.kv_lora_rank === undefined && m.config.model_type !== "bert" && m.config.model_type !== "xlm-roberta" && m.config.model_type !== "gpt_oss");
    expect(flat.length).toBeGreaterThan(30);
    for (const entry of flat) {
      const ratio = roughDecoderParams(entry.config) / entry.statedParamCount!;
      expect(Math.abs(ratio - 1), `${entry.id}: ratio ${ratio.toFixed(3)}`).toBeLessThan(0.1);
    }
  });
});

describe("suggestions for unknown ids", () => {
  it("offers Llama-3.3-70B-Instruct for llama-3.3-70b", () => {
    expect(nearestModelIds("llama-3.3-70b")).toContain("meta-llama/Llama-3.3-70B-Instruct");
  });

  it("returns n ids, and close misspellings first", () => {
    expect(nearestModelIds("qwen3-8b", 5)).toHaveLength(5);
    expect(nearestModelIds("Qwen/Qwen3-8C", 1)).toEqual(["Qwen/Qwen3-8B"]);
    expect(nearestModelIds("anything", 0)).toEqual([]);
  });

  it("computes Levenshtein distance", () => {
    // kitten -> sitting: k->s, e->i, +g = 3.
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(editDistance("", "abc")).toBe(3);
    expect(editDistance("same", "same")).toBe(0);
  });
});
