// Config fields that change parameter counts or cache sizes in ways the engine does not model: refused by name
// rather than silently mis-sized.
import type { Issue } from "./result.js";

type Config = Record<string, unknown>;

interface Rule {
  field: string;
  /** Whether the value in this config engages the feature (absent, null, false, 0 and [] never do). */
  engaged?: (value: unknown) => boolean;
  what: string;
}

const RULES: Rule[] = [
  { field: "block_configs", what: "per-layer heterogeneous blocks (Nemotron NAS / DeciLM: attention and FFN shapes differ per layer)" },
  { field: "hc_mult", what: "hyper-connections (DeepSeek-V4: several residual streams per token)" },
  { field: "compress_ratios", what: "compressed sparse attention (DeepSeek-V4: KV compressed per layer by ratio)" },
  { field: "o_lora_rank", what: "low-rank grouped output projection (DeepSeek-V4)" },
  { field: "linear_attn_config", what: "Kimi Delta Attention hybrid layers (Kimi Linear)" },
  { field: "sparse_attention_config", what: "block-sparse attention (MiniMax-M3)" },
  { field: "hybrid_layer_pattern", what: "hybrid sliding/full attention with different head shapes per layer kind (swa_num_key_value_heads)" },
  { field: "global_head_dim", what: "different head dims and KV heads for global and local layers (Gemma 4)" },
  { field: "attention_k_eq_v", engaged: (v) => v === true, what: "keys shared as values (Gemma 4)" },
  { field: "num_kv_shared_layers", engaged: (v) => typeof v === "number" && v > 0, what: "KV cache shared across layers" },
  { field: "hidden_size_per_layer_input", engaged: (v) => typeof v === "number" && v > 0, what: "per-layer input embeddings (Gemma 3n)" },
  { field: "attn_type_list", engaged: (v) => Array.isArray(v) && v.some((t) => Number(t) !== 1), what: "lightning (linear) attention layers (MiniMax-01)" },
  { field: "index_topk_pattern", what: "a per-layer sparse-attention topk pattern" },
  { field: "mamba_d_ssm", what: "parallel attention + Mamba2 layers (Falcon-H1)" },
];

/** Issues for every unsupported feature this config engages, each naming its field. */
export function refuseUnsupported(c: Config): Issue[] {
  const issues: Issue[] = [];
  for (const rule of RULES) {
    const value = c[rule.field];
    const engaged = rule.engaged ? rule.engaged(value) : value !== undefined && value !== null && value !== false && value !== 0 && !(Array.isArray(value) && value.length === 0);
    if (engaged) {
      issues.push({ code: "unsupported_field", field: rule.field, message: `config.json: unsupported field ${rule.field}: ${rule.what}` });
    }
  }
  return issues;
}
