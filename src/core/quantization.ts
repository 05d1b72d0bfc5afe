// Release precision of a checkpoint from its config.json quantization_config (or ModelOpt's hf_quant_config.json).
import { z } from "zod";
import type { Precision } from "./precision.js";
import { type Issue, type Result, fail, ok } from "./result.js";

/** Checkpoint quantization schemes the engine knows how to size. */
export const QuantizationFormat = z.enum(["fp8-block", "fp8-per-tensor", "fp8-per-channel", "nvfp4", "mxfp4", "int4-awq", "int4-gptq", "int4-group", "int8"]);
export type QuantizationFormat = z.infer<typeof QuantizationFormat>;

/** Formats a checkpoint is released in: what its linear weights are stored as and what its GEMMs expect. */
export interface ReleasePrecision {
  format: QuantizationFormat;
  /** Storage of the bulk of the linear weights (the routed experts when only they are quantized). */
  weights: Precision;
  /** Activation format of the quantized GEMMs; bf16 for weight-only schemes (W4A16, MXFP4 on Hopper). */
  activations: Precision;
  /** KV cache format the checkpoint declares (ModelOpt kv_cache_quant_algo, compressed-tensors kv_cache_scheme); null if none. */
  kvCache: Precision | null;
  /** Where it was read: "quantization_config" in config.json or "hf_quant_config.json". */
  origin: "quantization_config" | "hf_quant_config.json";
  /** Human summary, e.g. "fp8 e4m3, 128x128 block scales, dynamic activations". */
  description: string;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * Reads the release precision: config.json's quantization_config (top level or in the text tower), else ModelOpt's
 * hf_quant_config.json when given. Ok(null) means an unquantized (16-bit) release; an unknown scheme is an issue
 * naming the field.
 */
export function parseQuantization(config: unknown, hfQuantConfig?: unknown): Result<ReleasePrecision | null> {
  const c = isObj(config) ? config : {};
  const text = isObj(c.text_config) ? c.text_config : {};
  const q = isObj(c.quantization_config) ? c.quantization_config : isObj(text.quantization_config) ? text.quantization_config : null;
  if (q) return fromQuantizationConfig(q);
  if (isObj(hfQuantConfig) && isObj(hfQuantConfig.quantization)) return fromModelopt(hfQuantConfig.quantization, "hf_quant_config.json");
  return ok(null);
}

function unsupported(field: string, value: unknown, what = "unsupported quantization"): Result<never> {
  const issue: Issue = { code: "unsupported_field", field, value, message: `config.json: ${what} ${field} = ${JSON.stringify(value)}` };
  return fail(issue);
}

function fromQuantizationConfig(q: Obj): Result<ReleasePrecision> {
  const method = typeof q.quant_method === "string" ? q.quant_method.toLowerCase() : undefined;
  // ModelOpt writes quant_algo (and sometimes no quant_method) into config.json too.
  if (method === "modelopt" || (method === undefined && typeof q.quant_algo === "string")) return fromModelopt(q, "quantization_config");
  if (method === "fp8") return fromFp8(q);
  if (method === "mxfp4") {
    // gpt-oss: MoE experts in MXFP4 (e2m1 + one e8m0 scale per 32); attention, router, embeddings stay bf16.
    return ok({ format: "mxfp4", weights: "fp4", activations: "bf16", kvCache: null, origin: "quantization_config", description: "mxfp4 weights (32-element e8m0 scales), bf16 activations" });
  }
  if (method === "compressed-tensors") return fromCompressedTensors(q);
  if (method === "awq" || method === "gptq") {
    const bits = typeof q.bits === "number" ? q.bits : typeof q.w_bit === "number" ? q.w_bit : 4;
    const group = q.group_size ?? q.q_group_size;
    if (bits === 4) {
      return ok({
        format: method === "awq" ? "int4-awq" : "int4-gptq",
        weights: "int4",
        activations: "bf16",
        kvCache: null,
        origin: "quantization_config",
        description: `${method} int4 weights${typeof group === "number" ? `, group ${group}` : ""}, 16-bit activations`,
      });
    }
    if (bits === 8) return ok({ format: "int8", weights: "int8", activations: "bf16", kvCache: null, origin: "quantization_config", description: `${method} int8 weights, 16-bit activations` });
    return unsupported("quantization_config.bits", bits, `${method} with`);
  }
  return unsupported("quantization_config.quant_method", q.quant_method);
}

function fromFp8(q: Obj): Result<ReleasePrecision> {
  const block = Array.isArray(q.weight_block_size) ? q.weight_block_size.map(Number) : null;
  const dynamic = q.activation_scheme !== "static";
  // DeepSeek-V4 NVFP4 releases: fp8 block-wise dense layers, NVFP4 experts (moe_quant_algo).
  if (typeof q.moe_quant_algo === "string" && q.moe_quant_algo.toUpperCase() === "NVFP4") {
    return ok({ format: "nvfp4", weights: "fp4", activations: "fp8", kvCache: null, origin: "quantization_config", description: "nvfp4 experts, fp8 block-wise dense layers" });
  }
  return ok({
    format: block ? "fp8-block" : "fp8-per-tensor",
    weights: "fp8",
    activations: "fp8",
    kvCache: null,
    origin: "quantization_config",
    description: `fp8 e4m3${block ? `, ${block.join("x")} block scales` : ", per-tensor scales"}, ${dynamic ? "dynamic" : "static"} activations`,
  });
}

const MODELOPT: Record<string, Omit<ReleasePrecision, "kvCache" | "origin">> = {
  FP8: { format: "fp8-per-tensor", weights: "fp8", activations: "fp8", description: "ModelOpt fp8 (per-tensor scales), fp8 activations" },
  FP8_PER_CHANNEL_PER_TOKEN: { format: "fp8-per-channel", weights: "fp8", activations: "fp8", description: "ModelOpt fp8 per-channel weights, per-token activations" },
  FP8_PB_WO: { format: "fp8-block", weights: "fp8", activations: "bf16", description: "ModelOpt fp8 block-wise weights only" },
  MXFP8: { format: "fp8-block", weights: "fp8", activations: "fp8", description: "ModelOpt mxfp8 (32-element e8m0 scales)" },
  NVFP4: { format: "nvfp4", weights: "fp4", activations: "fp4", description: "ModelOpt nvfp4 (e2m1, 16-element fp8 scales), nvfp4 activations" },
  W4A16_NVFP4: { format: "nvfp4", weights: "fp4", activations: "bf16", description: "ModelOpt nvfp4 weights, 16-bit activations" },
  NVFP4_AWQ: { format: "nvfp4", weights: "fp4", activations: "fp4", description: "ModelOpt nvfp4 with AWQ scaling" },
  W4A16_AWQ: { format: "int4-awq", weights: "int4", activations: "bf16", description: "ModelOpt int4 AWQ weights, 16-bit activations" },
  W4A8_AWQ: { format: "int4-awq", weights: "int4", activations: "fp8", description: "ModelOpt int4 AWQ weights, fp8 activations" },
  INT8_SQ: { format: "int8", weights: "int8", activations: "int8", description: "ModelOpt int8 SmoothQuant" },
  W8A16: { format: "int8", weights: "int8", activations: "bf16", description: "int8 weights, 16-bit activations" },
};

function fromModelopt(q: Obj, origin: ReleasePrecision["origin"]): Result<ReleasePrecision> {
  const field = origin === "quantization_config" ? "quantization_config.quant_algo" : "hf_quant_config.json quantization.quant_algo";
  let algo = typeof q.quant_algo === "string" ? q.quant_algo.toUpperCase() : "";
  let mixedNote = "";
  if (algo === "MIXED_PRECISION") {
    // Mixed: the MLP / expert layers hold most parameters, so their most common format stands for the weights.
    const layers = isObj(q.quantized_layers) ? Object.entries(q.quantized_layers) : [];
    const tally = new Map<string, number>();
    const mlpLayers = layers.filter(([name]) => /mlp|expert/.test(name));
    for (const [, v] of mlpLayers.length ? mlpLayers : layers) {
      const a = isObj(v) && typeof v.quant_algo === "string" ? v.quant_algo.toUpperCase() : "";
      if (a) tally.set(a, (tally.get(a) ?? 0) + 1);
    }
    const top = [...tally.entries()].sort((x, y) => y[1] - x[1])[0];
    if (!top) return unsupported(field, q.quant_algo, "MIXED_PRECISION without quantized_layers:");
    algo = top[0];
    mixedNote = ` (mixed precision: ${top[0]} on ${top[1]} MLP/expert layers)`;
  }
  const known = MODELOPT[algo];
  if (!known) return unsupported(field, q.quant_algo);
  return ok({ ...known, description: known.description + mixedNote, kvCache: kvOf(q), origin });
}

/** Declared KV cache format: ModelOpt kv_cache_quant_algo "FP8", or compressed-tensors kv_cache_scheme of 8-bit floats. */
function kvOf(q: Obj): Precision | null {
  const algo = q.kv_cache_quant_algo ?? q.kv_cache_scheme;
  if (typeof algo === "string") return /^FP8$/i.test(algo) ? "fp8" : /NVFP4/i.test(algo) ? "fp4" : null;
  if (isObj(algo) && algo.num_bits === 8) return algo.type === "int" ? "int8" : "fp8";
  return null;
}

function fromCompressedTensors(q: Obj): Result<ReleasePrecision> {
  const groups = isObj(q.config_groups) ? Object.values(q.config_groups).filter(isObj) : [];
  const group = groups.find((g) => isObj(g.weights));
  if (!group) return unsupported("quantization_config.config_groups", q.config_groups, "compressed-tensors without weight scheme:");
  const w = group.weights as Obj;
  const input = isObj(group.input_activations) ? group.input_activations : null;
  const format = String(group.format ?? q.format ?? "");
  const bits = Number(w.num_bits);
  const type = String(w.type ?? "int");
  const groupSize = typeof w.group_size === "number" ? w.group_size : null;
  const kvCache = kvOf(q);
  const origin = "quantization_config" as const;
  const actOf = (): Precision => (input === null ? "bf16" : Number(input.num_bits) === 4 ? "fp4" : input.type === "int" ? "int8" : "fp8");
  if (bits === 4 && type === "float") {
    const mx = /mxfp4/.test(format) || groupSize === 32;
    return ok({
      format: mx ? "mxfp4" : "nvfp4",
      weights: "fp4",
      activations: actOf(),
      kvCache,
      origin,
      description: `compressed-tensors ${mx ? "mxfp4" : "nvfp4"} weights (group ${groupSize ?? "?"}), ${input ? actOf() : "16-bit"} activations`,
    });
  }
  if (bits === 4 && type === "int") {
    return ok({
      format: "int4-group",
      weights: "int4",
      activations: actOf(),
      kvCache,
      origin,
      description: `compressed-tensors int4 weights (group ${groupSize ?? "?"}, ${w.symmetric === false ? "asymmetric" : "symmetric"}), ${input ? actOf() : "16-bit"} activations`,
    });
  }
  if (bits === 8 && type === "float") {
    const strategy = String(w.strategy ?? "tensor");
    const fmt: QuantizationFormat = strategy === "block" ? "fp8-block" : strategy === "channel" ? "fp8-per-channel" : "fp8-per-tensor";
    return ok({ format: fmt, weights: "fp8", activations: actOf(), kvCache, origin, description: `compressed-tensors fp8 weights (${strategy}), ${input ? actOf() : "16-bit"} activations` });
  }
  if (bits === 8 && type === "int") {
    return ok({ format: "int8", weights: "int8", activations: actOf(), kvCache, origin, description: `compressed-tensors int8 weights, ${input ? actOf() : "16-bit"} activations` });
  }
  return unsupported("quantization_config.config_groups.weights", { num_bits: w.num_bits, type: w.type }, "compressed-tensors weight scheme");
}
