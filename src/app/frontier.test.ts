import { describe, expect, it } from "vitest";
import { resolveRawScenario } from "../catalog/resolve.js";
import { predict } from "../core/predict.js";
import type { Prediction } from "../core/scenario.js";
import { computeFrontier } from "./frontier.js";

const rel = (a: number, b: number): number => (a === b ? 0 : Math.abs(a - b) / Math.abs(b));

function predictScenario(scenario: unknown): Prediction {
  const resolved = resolveRawScenario(JSON.parse(JSON.stringify(scenario)));
  if (!resolved.ok) throw new Error(JSON.stringify(resolved.issues));
  return predict(resolved.value);
}

describe("frontier", () => {
  const f = computeFrontier({
    base: { model: "meta-llama/Llama-3.3-70B-Instruct", inputTokens: 1000, outputTokens: 1000, engine: "vllm" },
    accelerators: ["h100-sxm", "mi300x"],
    counts: [2, 4, 8],
    usdPerHour: { "h100-sxm": 2, mi300x: 1.5 },
  });
  if (!f.ok) throw new Error(JSON.stringify(f.issues));
  const points = Object.values(f.value.frontiers).flat();

  it("predict on each frontier point's scenario gives the point's figures within 1%", () => {
    expect(points.length).toBeGreaterThan(5);
    for (const pt of points) {
      const p = predictScenario(pt.scenario);
      const label = `${pt.count}x ${pt.accelerator} ${pt.precision} ${pt.tp}/${pt.pp}/${pt.ep}/${pt.dp} c=${pt.concurrency}`;
      const pairs: Array<[string, number, number | null]> = [
        ["output tokens/s per accelerator", pt.outputTokensPerSecondPerAccelerator * pt.count, p.outputTokensPerSecond],
        ["tokens/s per user", pt.outputTokensPerSecondPerUser, 1 / p.tpotSeconds!],
        ["TTFT mean", pt.ttftMeanSeconds, p.ttftSeconds],
        ["$/1M output", pt.usdPerMillionOutputTokens, p.usdPerMillionOutputTokens],
        ["$/1M input", pt.usdPerMillionInputTokens ?? 0, p.usdPerMillionInputTokens],
      ];
      for (const [what, mine, theirs] of pairs) expect(rel(mine, theirs!), `${label} ${what}: frontier ${mine}, predict ${theirs}`).toBeLessThan(0.01);
    }
  });

  it("prices each point with the user's price, named as such", () => {
    for (const pt of points) expect(pt.price).toMatchObject({ kind: "user", usdPerHour: pt.accelerator === "mi300x" ? 1.5 : 2 });
  });

  it("keeps only points no other point beats on both axes", () => {
    for (const [, pts] of Object.entries(f.value.frontiers)) {
      for (const a of pts) {
        expect(pts.some((b) => b !== a && b.outputTokensPerSecondPerUser >= a.outputTokensPerSecondPerUser && b.outputTokensPerSecondPerAccelerator > a.outputTokensPerSecondPerAccelerator)).toBe(false);
      }
    }
  });
});
