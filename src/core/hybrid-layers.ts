// Per-layer token mixers and MLPs of hybrid models: Gated DeltaNet (Qwen3-Next/3.5) and Mamba2 (Nemotron-H, Granite-4.0-H).
import type { GatedDeltaNet, LayerMlp, Mamba2, Mixer } from "./architecture.js";
import type { Issue } from "./result.js";

type Config = Record<string, unknown>;

/** Mixers per layer, per-layer MLPs when the config fixes them (Nemotron-H blocks), and the linear mixers' shapes. */
export interface HybridLayers {
  layerMixers: Mixer[];
  /** Null when the MLP of each layer follows the usual MoE rules (first_k_dense_replace, moe_layer_freq ...). */
  layerMlps: LayerMlp[] | null;
  gdn: GatedDeltaNet | null;
  mamba2: Mamba2 | null;
}

// Nemotron-H hybrid_override_pattern: one character per block.
const PATTERN: Record<string, [Mixer, LayerMlp]> = { M: ["mamba2", "none"], "*": ["attention", "none"], "-": ["none", "dense"], E: ["none", "moe"] };
// Nemotron-H layers_block_type (newer configs spell the pattern out).
const BLOCK: Record<string, [Mixer, LayerMlp]> = { mamba: ["mamba2", "none"], attention: ["attention", "none"], mlp: ["none", "dense"], moe: ["none", "moe"] };
// layer_types: attention kinds, Qwen3.5's linear attention, Granite-4.0-H's mamba (each followed by the layer's MLP).
const LAYER_TYPE: Record<string, Mixer> = {
  full_attention: "attention",
  sliding_attention: "attention",
  attention: "attention",
  deepseek_sparse_attention: "attention",
  linear_attention: "gdn",
  mamba: "mamba2",
};

/** Reads the per-layer structure; unknown layer kinds are issues naming the field. */
export function parseHybridLayers(c: Config, layerCount: number, issues: Issue[]): HybridLayers {
  let layerMixers: Mixer[] = new Array<Mixer>(layerCount).fill("attention");
  let layerMlps: LayerMlp[] | null = null;
  const perBlock = (field: string, kinds: string[], table: Record<string, [Mixer, LayerMlp]>): void => {
    const unknown = [...new Set(kinds.filter((k) => !(k in table)))];
    if (unknown.length) issues.push({ code: "unsupported_field", field, value: unknown, message: `config.json: ${field} has unsupported block kinds ${JSON.stringify(unknown)}` });
    if (kinds.length !== layerCount) issues.push({ code: "contradictory_fields", fields: [field, "num_hidden_layers"], message: `config.json: ${field} describes ${kinds.length} layers, num_hidden_layers is ${layerCount}` });
    layerMixers = Array.from({ length: layerCount }, (_, i) => table[kinds[i] ?? ""]?.[0] ?? "attention");
    layerMlps = Array.from({ length: layerCount }, (_, i) => table[kinds[i] ?? ""]?.[1] ?? "dense");
  };
  if (typeof c.hybrid_override_pattern === "string") {
    perBlock("hybrid_override_pattern", [...c.hybrid_override_pattern], PATTERN);
  } else if (Array.isArray(c.layers_block_type)) {
    perBlock("layers_block_type", c.layers_block_type.map(String), BLOCK);
  } else if (Array.isArray(c.layer_types)) {
    const types = c.layer_types.map(String);
    const unknown = [...new Set(types.filter((t) => !(t in LAYER_TYPE)))];
    if (unknown.length) issues.push({ code: "unsupported_field", field: "layer_types", value: unknown, message: `config.json: layer_types has unsupported layer kinds ${JSON.stringify(unknown)}` });
    layerMixers = Array.from({ length: layerCount }, (_, i) => LAYER_TYPE[types[i] ?? ""] ?? "attention");
  } else if (typeof c.full_attention_interval === "number" && typeof c.linear_num_value_heads === "number") {
    // Qwen3-Next without layer_types: every full_attention_interval-th layer is full attention, the rest Gated DeltaNet.
    const k = c.full_attention_interval;
    layerMixers = Array.from({ length: layerCount }, (_, i) => ((i + 1) % k === 0 ? "attention" : "gdn"));
  }
  const gdn = layerMixers.includes("gdn") ? parseGdn(c, issues) : null;
  const mamba2 = layerMixers.includes("mamba2") ? parseMamba2(c, issues) : null;
  return { layerMixers, layerMlps, gdn, mamba2 };
}

function parseGdn(c: Config, issues: Issue[]): GatedDeltaNet {
  const need = needer(c, issues, "Gated DeltaNet layers (linear_attention)");
  return {
    keyHeadCount: need("linear_num_key_heads"),
    valueHeadCount: need("linear_num_value_heads"),
    keyHeadDim: need("linear_key_head_dim"),
    valueHeadDim: need("linear_value_head_dim"),
    convKernelSize: need("linear_conv_kernel_dim"),
    chunkTokens: 64,
  };
}

function parseMamba2(c: Config, issues: Issue[]): Mamba2 {
  const need = needer(c, issues, "Mamba2 layers");
  const bool = (fallback: boolean, ...keys: string[]): boolean => {
    for (const k of keys) if (typeof c[k] === "boolean") return c[k] as boolean;
    return fallback;
  };
  const chunk = [c.chunk_size, c.mamba_chunk_size].find((v) => typeof v === "number" && v > 0) as number | undefined;
  return {
    headCount: need("mamba_num_heads", "mamba_n_heads"),
    headDim: need("mamba_head_dim", "mamba_d_head"),
    stateSize: need("ssm_state_size", "mamba_d_state"),
    groupCount: need("n_groups", "mamba_n_groups"),
    convKernelSize: need("conv_kernel", "mamba_d_conv"),
    convBias: bool(true, "use_conv_bias", "mamba_conv_bias"),
    projectionBias: bool(false, "mamba_proj_bias", "use_bias"),
    chunkTokens: chunk ?? 256,
  };
}

function needer(c: Config, issues: Issue[], what: string): (...keys: string[]) => number {
  return (...keys) => {
    for (const key of keys) {
      const v = c[key];
      if (typeof v === "number" && Number.isInteger(v) && v > 0) return v;
    }
    issues.push({ code: "missing_field", field: keys[0], message: `config.json: ${what} need ${keys.join(" or ")}` });
    return 1;
  };
}
