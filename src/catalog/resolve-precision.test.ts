// Precision from the checkpoint: release precisions on catalog rows, scenario precision winning, KV defaults per
// framework, and the two deployments issue 11 names (DeepSeek-V3 on 8x H200, gpt-oss-120b on one H100).
import { describe, expect, it } from "vitest";
import { predict } from "../core/predict.js";
import { parseQuantization } from "../core/quantization.js";
import { parseScenario } from "../core/validate.js";
import { MODELS } from "./models/index.js";
import { resolveRawScenario, resolveScenario } from "./resolve.js";

const WORKLOAD = { kind: "generate", inputTokens: 1000, outputTokens: 1000, load: { mode: "concurrency", concurrency: 8 } } as const;
const resolved = (raw: Record<string, unknown>) => {
  const r = resolveRawScenario({ workload: WORKLOAD, ...raw });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
};

describe("release precision", () => {
  it("DeepSeek-V3 on 8x H200 fits with no precision given: fp8 weights from the checkpoint", () => {
    const input = resolved({ model: "deepseek-ai/DeepSeek-V3", hardware: { accelerator: "h200-sxm", count: 8 }, engine: "vllm" });
    expect(input.precisions).toEqual({ weights: "fp8", activations: "fp8", kvCache: "bf16" });
    expect(input.precisionSource).toBe("checkpoint");
    expect(input.precisionSources).toEqual({ weights: "checkpoint", activations: "checkpoint", kvCache: "default" });
    expect(input.precisionNote).toMatch(/fp8-block/);
    // 671B x 1 B + embeddings/head in bf16 ~ 0.69 TB < 8 x 141 GB; in bf16 (1.34 TB) it would not fit.
    expect(predict(input).fits).toBe(true);
    const bf16 = resolved({ model: "deepseek-ai/DeepSeek-V3", hardware: { accelerator: "h200-sxm", count: 8 }, engine: "vllm", precision: { weights: "bf16" } });
    expect(bf16.precisions).toEqual({ weights: "bf16", activations: "bf16", kvCache: "bf16" });
    expect(bf16.precisionSource).toBe("scenario");
    expect(predict(bf16).fits).toBe(false);
  });

  it("gpt-oss-120b on one H100 fits with no precision given: mxfp4 experts, 16-bit activations", () => {
    const input = resolved({ model: "openai/gpt-oss-120b", hardware: { accelerator: "h100-sxm", count: 1 } });
    expect(input.precisions).toEqual({ weights: "fp4", activations: "bf16", kvCache: "bf16" });
    expect(input.precisionSource).toBe("checkpoint");
    expect(predict(input).fits).toBe(true);
  });

  it("a 16-bit release keeps the bf16 default and says so", () => {
    const input = resolved({ model: "meta-llama/Llama-3.1-8B-Instruct", hardware: { accelerator: "h100-sxm", count: 1 } });
    expect(input.precisions).toEqual({ weights: "bf16", activations: "bf16", kvCache: "bf16" });
    expect(input.precisionSource).toBe("default");
    expect(input.precisionNote).toBeNull();
  });

  it("KV cache per framework: TensorRT-LLM quantizes it to fp8 with an fp8 checkpoint, vLLM/SGLang keep auto (bf16)", () => {
    const at = (engine: string) => resolved({ model: "deepseek-ai/DeepSeek-V3", hardware: { accelerator: "h200-sxm", count: 8 }, engine });
    expect(at("trtllm").precisions.kvCache).toBe("fp8");
    expect(at("trtllm").precisionSources.kvCache).toBe("framework");
    expect(at("sglang").precisions.kvCache).toBe("bf16");
    expect(at("vllm").precisions.kvCache).toBe("bf16");
  });

  it("quantized checkpoints by HF id: NVFP4 DeepSeek-R1 and Qwen3-32B, with ModelOpt's fp8 KV", () => {
    for (const model of ["nvidia/DeepSeek-R1-NVFP4", "nvidia/Qwen3-32B-NVFP4"]) {
      const input = resolved({ model, hardware: { accelerator: "b200", count: 4 }, engine: "trtllm" });
      expect(input.precisions, model).toEqual({ weights: "fp4", activations: "fp4", kvCache: "fp8" });
      expect(input.precisionSource).toBe("checkpoint");
    }
  });

  it("a supplied config.json's quantization_config sets the precision; an explicit scenario precision still wins", () => {
    const scenario = parseScenario({ model: "my-config.json", hardware: { accelerator: "h100-sxm", count: 1 }, workload: WORKLOAD }, "scenario");
    if (!scenario.ok) throw new Error(JSON.stringify(scenario.issues));
    const gptOss = MODELS.find((m) => m.id === "openai/gpt-oss-20b")!.config;
    const fromFile = resolveScenario(scenario.value, { config: gptOss, origin: "my-config.json" });
    expect(fromFile.ok && fromFile.value.precisions.weights).toBe("fp4");
    expect(fromFile.ok && fromFile.value.precisionNote).toMatch(/my-config\.json/);
    const explicit = resolveScenario({ ...scenario.value, precision: { weights: "fp8" } }, { config: gptOss, origin: "my-config.json" });
    expect(explicit.ok && explicit.value.precisions).toEqual({ weights: "fp8", activations: "bf16", kvCache: "bf16" });
    const hf = resolveScenario(scenario.value, { config: MODELS.find((m) => m.id === "Qwen/Qwen3-32B")!.config, origin: "q.json", hfQuantConfig: { quantization: { quant_algo: "NVFP4", kv_cache_quant_algo: "FP8" } } });
    expect(hf.ok && hf.value.precisions).toEqual({ weights: "fp4", activations: "fp4", kvCache: "fp8" });
  });

  it("every catalog row's releasePrecision agrees with its config's quantization_config", () => {
    for (const entry of MODELS) {
      const parsed = parseQuantization(entry.config);
      if (!parsed.ok) throw new Error(entry.id);
      if (parsed.value === null) {
        expect(entry.releasePrecision, entry.id).toBeUndefined();
        continue;
      }
      expect(entry.releasePrecision, entry.id).toBeDefined();
      const { format, weights, activations } = parsed.value;
      expect({ format: entry.releasePrecision!.format, weights: entry.releasePrecision!.weights, activations: entry.releasePrecision!.activations }, entry.id).toEqual({ format, weights, activations });
    }
  });
});
