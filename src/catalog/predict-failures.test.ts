// Why a scenario does not fit, said for the right reason: a request longer than the context window, a KV cache
// that cannot hold one sequence, weights too big on every layout, and an SLO no batch meets are different issues.
import { describe, expect, it } from "vitest";
import { predict } from "../core/predict.js";
import { parseScenario } from "../core/validate.js";
import { resolveScenario } from "./resolve.js";

function predictFor(raw: Record<string, unknown>) {
  const parsed = parseScenario({ engine: "vllm", ...raw }, "scenario");
  if (!parsed.ok) throw new Error(parsed.issues.map((i) => i.message).join("; "));
  const resolved = resolveScenario(parsed.value);
  if (!resolved.ok) throw new Error(resolved.issues.map((i) => i.message).join("; "));
  return predict(resolved.value);
}
const llama70b = (hardware: Record<string, unknown>, workload: Record<string, unknown>) =>
  predictFor({ model: "meta-llama/Llama-3.3-70B-Instruct", hardware, workload: { kind: "generate", inputTokens: 1000, outputTokens: 1000, load: { mode: "concurrency", concurrency: 1 }, ...workload } });

describe("does-not-fit reasons", () => {
  it("a 200k-token input on a 131,072-token model is refused for its context window", () => {
    const p = llama70b({ accelerator: "h100-sxm", count: 8 }, { inputTokens: 200_000 });
    expect(p.fits).toBe(false);
    // 200,000 input + 1,000 output = 201,000 tokens > 131,072 (max_position_embeddings of Llama 3.3)
    expect(p.issues[0]).toMatchObject({ code: "exceeds_context_window", requestTokens: 201_000, contextWindowTokens: 131_072 });
    expect(p.issues[0]!.message).toMatch(/200000 input \+ 1000 output tokens is longer than the 131072-token context window/);
  });

  it("a request that exactly fills the context window is accepted", () => {
    expect(llama70b({ accelerator: "h100-sxm", count: 8 }, { inputTokens: 130_072 }).issues.some((i) => i.code === "exceeds_context_window")).toBe(false);
  });

  it("an impossible SLO says the SLO, not the weights of the smallest layout", () => {
    const p = llama70b({ accelerator: "h100-sxm", count: 8 }, { load: { mode: "slo", ttftSeconds: 0.001, tpotSeconds: 0.0001, percentile: 99 } });
    expect(p.fits).toBe(false);
    expect(p.issues.map((i) => i.code)).toContain("slo_unreachable");
    expect(p.issues.map((i) => i.code)).not.toContain("exceeds_memory");
  });

  it("weights too big for every layout name the widest one (the least memory per accelerator)", () => {
    // 70.6e9 parameters x 2 bytes = 141 GB of bf16 weights; 4x L4 hold 4 x 24 GB = 96 GB
    const p = llama70b({ accelerator: "l4", count: 4 }, {});
    expect(p.fits).toBe(false);
    expect(p.issues[0]!.code).toBe("exceeds_memory");
    expect((p.parallelism?.tp ?? 0) * (p.parallelism?.pp ?? 0)).toBe(4);
  });
});

describe("layouts of any count", () => {
  it("6x H100 hold Llama 3.3 70B with tp 2 x pp 3 (pipeline stages need not be a power of two)", () => {
    // 141 GB of bf16 weights over 6 x 80 GB; tp must divide the 64 heads, so tp 2 with 3 stages (or tp 1 x pp 6)
    const p = llama70b({ accelerator: "h100-sxm", count: 6 }, {});
    expect(p.fits).toBe(true);
    expect((p.parallelism?.tp ?? 0) * (p.parallelism?.pp ?? 0) * (p.parallelism?.replicas ?? 0)).toBe(6);
  });
});
