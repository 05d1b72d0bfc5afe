// Host work that overlaps the device (llama.cpp's asynchronous CUDA launches) against host work that adds to it, and how
// much KV cache each engine holds per running sequence.
import { describe, expect, it } from "vitest";
import { predict } from "../core/predict.js";
import { resolveOrThrow } from "./test-support/resolve.js";

const scenario = (accelerator: string, weights: string) =>
  resolveOrThrow({
    model: "meta-llama/Llama-2-7b-hf",
    hardware: { accelerator, count: 1 },
    engine: "llamacpp",
    precision: { weights, kvCache: "fp16" },
    workload: { kind: "generate", inputTokens: 16, outputTokens: 128, load: { mode: "concurrency", concurrency: 1 } },
  });

describe("llama.cpp on discrete GPUs: a decode step lasts max(GPU time, host time)", () => {
  const input = scenario("h100-pcie", "fp16");
  const profile = input.profile;
  const host = profile.stepOverheadSeconds + 32 * profile.layerOverheadSeconds + profile.sequenceOverheadSeconds;

  it("the catalog's llama.cpp profile overlaps host and device work", () => {
    expect(profile.id).toBe("llamacpp");
    expect(profile.hostOverlapsDevice).toBe(true);
  });

  it("a small model on a fast GPU runs at the host's pace, and serial host work would add the GPU's time on top", () => {
    const overlapped = predict(input);
    const serial = predict({ ...input, profile: { ...profile, hostOverlapsDevice: false } });
    // 7B fp16 (13.5 GB) on a 2 TB/s H100 PCIe at 81% of bandwidth: ~8.3 ms of GPU work against ~7.6 ms of host work
    // (625 us + 32 layers x 217 us): overlapped, the step is the GPU's time; serial, it is the sum of both.
    const overlappedStep = overlapped.tpotSeconds!;
    const serialStep = serial.tpotSeconds!;
    // device-bound here, so serial - overlapped = min(device, host) = the whole host time
    expect(overlappedStep).toBeGreaterThan(host);
    expect(serialStep - overlappedStep).toBeCloseTo(host, 5);
  });

  it("for a 4-bit 7B model the host bounds decode: the same speed whatever the GPU's bandwidth", () => {
    // xdai's table: Llama 2 7B q4_0 at 133.8 tokens/s on an H100 PCIe (2.0 TB/s) and 149.4 on an RTX 4090 (1.0 TB/s)
    const q4 = (accelerator: string) => predict(scenario(accelerator, "q4_0"));
    const h100 = q4("h100-pcie");
    const rtx4090 = q4("rtx-4090");
    expect(h100.tpotSeconds!).toBeCloseTo(host, 4);
    expect(rtx4090.tpotSeconds!).toBeCloseTo(host, 4);
    expect(Math.abs(h100.outputTokensPerSecond! / 133.77 - 1)).toBeLessThan(0.1);
  });
});

describe("KV held per sequence: grown pages (vLLM) against whole-request reservation (TensorRT-LLM)", () => {
  const scenario = (engine: string) =>
    resolveOrThrow({
      model: "meta-llama/Llama-3.1-8B",
      hardware: { accelerator: "h100-sxm", count: 1 },
      engine,
      workload: { kind: "generate", inputTokens: 1000, outputTokens: 1000, load: { mode: "concurrency", concurrency: 4096 } },
    });

  it("TensorRT-LLM reserves prompt + output at admission, vLLM holds prompt + half the output on average", () => {
    const trtllm = scenario("trtllm");
    const vllm = scenario("vllm");
    expect(trtllm.profile.kvAllocation).toBe("reserved");
    expect(vllm.profile.kvAllocation ?? "grown").toBe("grown");
    const reserved = predict(trtllm).kvCapacitySequences!;
    // the same profile with growing pages: each sequence holds 1,500 tokens instead of 2,000, so ~4/3 as many fit
    const grown = predict({ ...trtllm, profile: { ...trtllm.profile, kvAllocation: "grown" } }).kvCapacitySequences!;
    expect(grown / reserved).toBeGreaterThan(1.3);
    expect(grown / reserved).toBeLessThan(1.34);
  });
});
