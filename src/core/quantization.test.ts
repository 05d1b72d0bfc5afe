import { describe, expect, it } from "vitest";
import { parseQuantization } from "./quantization.js";

const value = (config: unknown, hf?: unknown) => {
  const r = parseQuantization(config, hf);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
};

describe("parseQuantization", () => {
  it("reads no quantization as a 16-bit release (null)", () => {
    expect(value({ torch_dtype: "bfloat16" })).toBeNull();
  });

  it("fp8 block-wise (DeepSeek-V3): W8A8, 128x128 scales, no KV format declared", () => {
    const q = value({ quantization_config: { activation_scheme: "dynamic", fmt: "e4m3", quant_method: "fp8", weight_block_size: [128, 128] } });
    expect(q).toMatchObject({ format: "fp8-block", weights: "fp8", activations: "fp8", kvCache: null, origin: "quantization_config" });
    expect(q!.description).toContain("128x128");
  });

  it("fp8 per-tensor with static activations", () => {
    expect(value({ quantization_config: { quant_method: "fp8", activation_scheme: "static" } })).toMatchObject({ format: "fp8-per-tensor", weights: "fp8", activations: "fp8" });
  });

  it("mxfp4 (gpt-oss): fp4 experts, 16-bit activations", () => {
    expect(value({ quantization_config: { quant_method: "mxfp4", modules_to_not_convert: ["model.layers.*.self_attn"] } })).toMatchObject({ format: "mxfp4", weights: "fp4", activations: "bf16", kvCache: null });
  });

  it("ModelOpt NVFP4 in config.json, with an fp8 KV cache scheme", () => {
    const q = value({ quantization_config: { quant_method: "modelopt", quant_algo: "NVFP4", kv_cache_scheme: { dynamic: false, num_bits: 8, type: "float" } } });
    expect(q).toMatchObject({ format: "nvfp4", weights: "fp4", activations: "fp4", kvCache: "fp8" });
  });

  it("ModelOpt hf_quant_config.json when config.json has no quantization_config", () => {
    const q = value({}, { producer: { name: "modelopt" }, quantization: { quant_algo: "FP8", kv_cache_quant_algo: "FP8" } });
    expect(q).toMatchObject({ format: "fp8-per-tensor", weights: "fp8", activations: "fp8", kvCache: "fp8", origin: "hf_quant_config.json" });
  });

  it("ModelOpt quant_algo without quant_method (Qwen3-32B-FP8-Static-PerTensor), KV scheme as a string", () => {
    expect(value({ quantization_config: { quant_algo: "FP8", kv_cache_scheme: "FP8" } })).toMatchObject({ weights: "fp8", kvCache: "fp8" });
  });

  it("ModelOpt MIXED_PRECISION: the MLP layers' most common format sets the weights", () => {
    const q = value(
      {},
      {
        quantization: {
          quant_algo: "MIXED_PRECISION",
          kv_cache_quant_algo: "FP8",
          quantized_layers: {
            "layers.0.linear_attn.in_proj_qkv": { quant_algo: "FP8" },
            "layers.0.linear_attn.out_proj": { quant_algo: "FP8" },
            "layers.1.linear_attn.in_proj_qkv": { quant_algo: "FP8" },
            "layers.0.mlp.up_proj": { quant_algo: "W4A16_NVFP4" },
            "layers.0.mlp.down_proj": { quant_algo: "W4A16_NVFP4" },
          },
        },
      },
    );
    expect(q).toMatchObject({ format: "nvfp4", weights: "fp4", activations: "bf16", kvCache: "fp8" });
  });

  it("compressed-tensors int4 group-32 weight-only (Kimi K2.5)", () => {
    const q = value({
      text_config: {
        quantization_config: {
          quant_method: "compressed-tensors",
          format: "pack-quantized",
          kv_cache_scheme: null,
          config_groups: { group_0: { input_activations: null, weights: { num_bits: 4, type: "int", group_size: 32, strategy: "group", symmetric: true } } },
        },
      },
    });
    expect(q).toMatchObject({ format: "int4-group", weights: "int4", activations: "bf16", kvCache: null });
  });

  it("compressed-tensors mxfp4 and fp8 W8A8", () => {
    expect(value({ quantization_config: { quant_method: "compressed-tensors", format: "mxfp4-pack-quantized", config_groups: { g: { weights: { num_bits: 4, type: "float", group_size: 32 } } } } })).toMatchObject({
      format: "mxfp4",
      weights: "fp4",
      activations: "bf16",
    });
    expect(value({ quantization_config: { quant_method: "compressed-tensors", config_groups: { g: { weights: { num_bits: 8, type: "float", strategy: "channel" }, input_activations: { num_bits: 8, type: "float" } } } } })).toMatchObject({
      format: "fp8-per-channel",
      weights: "fp8",
      activations: "fp8",
    });
  });

  it("AWQ and GPTQ int4: weight-only", () => {
    expect(value({ quantization_config: { quant_method: "awq", bits: 4, group_size: 128 } })).toMatchObject({ format: "int4-awq", weights: "int4", activations: "bf16" });
    expect(value({ quantization_config: { quant_method: "gptq", bits: 4, group_size: 128 } })).toMatchObject({ format: "int4-gptq", weights: "int4", activations: "bf16" });
  });

  it("refuses an unknown scheme, naming the field", () => {
    const r = parseQuantization({ quantization_config: { quant_method: "bitsandbytes" } });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.issues[0]).toMatchObject({ code: "unsupported_field", field: "quantization_config.quant_method" });
      expect(r.issues[0]!.message).toContain("bitsandbytes");
    }
  });
});
