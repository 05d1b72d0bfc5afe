// predictExplained: the same prediction as predict, with the evaluation it came from (plan, step, what binds).
import { describe, expect, it } from "vitest";
import { resolveRawScenario } from "../catalog/resolve.js";
import { predictExplained } from "./evaluation.js";
import { predict } from "./predict.js";

const resolved = (raw: unknown) => {
  const r = resolveRawScenario(raw);
  if (!r.ok) throw new Error(r.issues.map((i) => i.message).join("; "));
  return r.value;
};

const llama = resolved({
  model: "meta-llama/Llama-3.3-70B-Instruct",
  hardware: { accelerator: "h100-sxm", count: 8 },
  engine: "vllm",
  workload: { kind: "generate", inputTokens: 1000, outputTokens: 1000, load: { mode: "offline" } },
  pricing: { usdPerAcceleratorHour: 2.5 },
});

const embed = resolved({
  model: "Qwen/Qwen3-Embedding-8B",
  hardware: { accelerator: "rtx-4090", count: 1 },
  workload: { kind: "embed", inputTokens: 16, outputTokens: 0, load: { mode: "concurrency", concurrency: 1 } },
});

describe("predictExplained", () => {
  it("returns exactly predict's prediction", () => {
    for (const input of [llama, embed]) expect(predictExplained(input).prediction).toEqual(predict(input));
  });

  it("keeps the plan and a decode step whose shares sum to 1 (operators plus host overhead)", () => {
    const { prediction, evaluation } = predictExplained(llama);
    expect(evaluation.plan.tp * evaluation.plan.pp * evaluation.plan.replicas).toBe(8);
    expect(prediction.parallelism?.tp).toBe(evaluation.plan.tp * evaluation.plan.dpAttention);
    expect(evaluation.step?.kind).toBe("decode");
    const shares = evaluation.step!.operators.reduce((sum, o) => sum + o.shareFraction, 0);
    expect(shares).toBeCloseTo(1, 6);
    expect(evaluation.bindingFraction).toBeGreaterThan(0);
    expect(evaluation.bindingMarginRatio).toBeGreaterThanOrEqual(1);
  });

  it("an embedding model without an engine runs the TEI profile (as `embed` does) and says when host work binds", () => {
    expect(embed.profile.engine).toBe("tei");
    const { evaluation } = predictExplained(embed);
    expect(evaluation.step?.kind).toBe("forward");
    // 16 tokens, one sequence: the per-step host overhead outweighs the device's work
    expect(evaluation.hostOverheadFraction).toBeGreaterThan(0);
    if (evaluation.binding === "host") expect(evaluation.hostOverheadFraction).toBe(evaluation.bindingFraction);
  });
});
