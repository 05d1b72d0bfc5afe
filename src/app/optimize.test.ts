import { describe, expect, it } from "vitest";
import { resolveRawScenario } from "../catalog/resolve.js";
import { predict } from "../core/predict.js";
import type { Prediction } from "../core/scenario.js";
import { optimize } from "./optimize.js";

const rel = (a: number, b: number): number => (a === b ? 0 : Math.abs(a - b) / Math.abs(b));
const LLAMA = "meta-llama/Llama-3.3-70B-Instruct";

/** predict on a row's scenario exactly as a user would: the JSON written out, read back, validated and resolved. */
function predictScenario(scenario: unknown): Prediction {
  const resolved = resolveRawScenario(JSON.parse(JSON.stringify(scenario)));
  if (!resolved.ok) throw new Error(JSON.stringify(resolved.issues));
  return predict(resolved.value);
}

describe("optimize", () => {
  const limits = { ttftSeconds: 2, tpotSeconds: 0.1, percentile: 99 };
  const result = optimize({ base: { model: LLAMA, inputTokens: 2000, outputTokens: 300, engine: "vllm" }, limits, accelerators: ["h100-sxm"], maxCount: 8, top: 5 });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  const rows = result.value.rows;

  it("predict on each of the top five rows' scenarios gives the row's figures within 1%", () => {
    expect(rows).toHaveLength(5);
    for (const row of rows) {
      const p = predictScenario(row.scenario);
      const label = `${row.count}x ${row.accelerator} ${row.precision} ${row.tp}/${row.pp}/${row.ep}/${row.dp}`;
      expect(p.fits, label).toBe(true);
      expect(p.parallelism, label).toMatchObject({ pp: row.pp, ep: row.ep, replicas: row.replicas, dp: row.dp });
      const pairs: Array<[string, number, number | null]> = [
        ["output tokens/s", row.outputTokensPerSecond, p.outputTokensPerSecond],
        ["input tokens/s", row.inputTokensPerSecond, p.inputTokensPerSecond],
        ["TTFT mean", row.ttftMeanSeconds, p.ttftSeconds],
        ["TPOT mean", row.tpotMeanSeconds, p.tpotSeconds],
        ["concurrency", row.concurrency, p.concurrency],
        ["$/1M output", row.usdPerMillionOutputTokens, p.usdPerMillionOutputTokens],
        ["$/1M input", row.usdPerMillionInputTokens ?? 0, p.usdPerMillionInputTokens],
      ];
      for (const [what, mine, theirs] of pairs) expect(rel(mine, theirs!), `${label} ${what}: optimize ${mine}, predict ${theirs}`).toBeLessThan(0.01);
    }
  });

  it("ranks by USD per million tokens (system cost over all tokens), cheapest first", () => {
    const costs = rows.map((r) => r.usdPerMillionTokens);
    expect(costs).toEqual([...costs].sort((a, b) => a - b));
    // the blended figure is the token-weighted mean of the split prices (docs/cost-per-token.md)
    for (const r of rows) {
      const weighted = (r.usdPerMillionOutputTokens * r.outputTokensPerSecond + (r.usdPerMillionInputTokens ?? 0) * r.inputTokensPerSecond) / (r.outputTokensPerSecond + r.inputTokensPerSecond);
      expect(rel(weighted, r.usdPerMillionTokens)).toBeLessThan(1e-9);
    }
  });

  it("names every price: the catalog's dated row (provider, kind, date)", () => {
    for (const r of rows) {
      expect(r.price.kind).not.toBe("user");
      expect(r.price.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(r.price.provider.length).toBeGreaterThan(0);
      expect(r.scenario.pricing?.usdPerAcceleratorHour).toBe(r.price.usdPerHour);
    }
  });

  it("honors a pinned precision, a user's price and the scenario's pricing terms", () => {
    const pinned = optimize({
      base: { model: LLAMA, inputTokens: 2000, outputTokens: 300, engine: "vllm", precision: { weights: "bf16" }, pricing: { utilization: 0.5 } },
      limits,
      accelerators: ["h100-sxm"],
      maxCount: 8,
      top: 3,
      usdPerHour: 0.5,
    });
    if (!pinned.ok) throw new Error(JSON.stringify(pinned.issues));
    for (const r of pinned.value.rows) {
      expect(r.precision).toBe("bf16");
      expect(r.scenario.precision).toEqual({ weights: "bf16" });
      expect(r.price).toMatchObject({ usdPerHour: 0.5, kind: "user" });
      // $0.50/h at 50% busy: count x 0.5 / 3600 / 0.5 per second over all tokens
      const expected = ((r.count * 0.5) / 3600 / 0.5 / (r.outputTokensPerSecond + r.inputTokensPerSecond)) * 1e6;
      expect(rel(r.usdPerMillionTokens, expected)).toBeLessThan(1e-9);
    }
  });

  it("searches tensor, pipeline, expert and data-parallel layouts alike (MoE)", () => {
    const moe = optimize({
      base: { model: "Qwen/Qwen3-30B-A3B", inputTokens: 1000, outputTokens: 1000, engine: "vllm" },
      limits: { ttftSeconds: 5, tpotSeconds: 0.2, percentile: 99 },
      accelerators: ["h100-sxm"],
      maxCount: 8,
      precisions: ["bf16"],
      top: 100,
    });
    if (!moe.ok) throw new Error(JSON.stringify(moe.issues));
    const r = moe.value.rows;
    expect(r.some((x) => x.tp > 1 && x.pp === 1 && x.ep === 1)).toBe(true);
    expect(r.some((x) => x.pp > 1)).toBe(true);
    expect(r.some((x) => x.ep > 1)).toBe(true);
    expect(r.some((x) => x.dp > 1)).toBe(true);
  });
});
