import { describe, expect, it } from "vitest";
import { systemUsdPerSecond, tokenCost } from "./cost.js";

const rel = (a: number, b: number): number => Math.abs(a - b) / Math.abs(b);

describe("tokenCost: the one definition of cost per token", () => {
  // 8 accelerators at $2.50/h, fully busy: 8 x 2.5 / 3600 = $0.005556 per second.
  const usdPerSecond = systemUsdPerSecond(8, 2.5);
  it.each([
    // 1,000 output and 4,000 input tokens/s, 30% of busy time on prefill:
    // output 0.7 x 0.005556 / 1000 x 1e6 = $3.889/1M; input 0.3 x 0.005556 / 4000 x 1e6 = $0.4167/1M; all 0.005556 / 5000 x 1e6 = $1.111/1M.
    { name: "split by busy time", out: 1000, inp: 4000, prefill: 0.3, ratio: undefined, expected: { output: 3.8889, input: 0.41667, all: 1.1111 } },
    // r = 0.3: per output token 0.005556 / (1000 + 0.3 x 4000) = 2.525e-6 -> $2.525/1M; input 0.3x -> $0.7576/1M.
    { name: "input priced at 0.3x output", out: 1000, inp: 4000, prefill: 0.3, ratio: 0.3, expected: { output: 2.5253, input: 0.75758, all: 1.1111 } },
    // Embeddings: no output, the whole system on input: 0.005556 / 4000 x 1e6 = $1.389/1M.
    { name: "no output: all on input", out: 0, inp: 4000, prefill: 1, ratio: undefined, expected: { output: null, input: 1.3889, all: 1.3889 } },
    // No input tokens: all on output whatever the prefill share: 0.005556 / 1000 x 1e6 = $5.556/1M.
    { name: "no input: all on output", out: 1000, inp: 0, prefill: 0.3, ratio: undefined, expected: { output: 5.5556, input: null, all: 5.5556 } },
  ])("$name", ({ out, inp, prefill, ratio, expected }) => {
    const c = tokenCost({ usdPerSecond, outputTokensPerSecond: out, inputTokensPerSecond: inp, prefillTimeFraction: prefill, inputPriceRatio: ratio });
    for (const [got, want] of [
      [c.usdPerMillionOutputTokens, expected.output],
      [c.usdPerMillionInputTokens, expected.input],
      [c.usdPerMillionTokens, expected.all],
    ] as const) {
      if (want === null) expect(got).toBeNull();
      else expect(rel(got!, want)).toBeLessThan(1e-4);
    }
  });

  it("charges the whole system once: output x price + input x price = cost per second", () => {
    for (const prefill of [0, 0.1, 0.5, 0.9]) {
      const c = tokenCost({ usdPerSecond, outputTokensPerSecond: 1234, inputTokensPerSecond: 5678, prefillTimeFraction: prefill });
      const charged = (1234 * c.usdPerMillionOutputTokens! + 5678 * c.usdPerMillionInputTokens!) / 1e6;
      expect(rel(charged, usdPerSecond)).toBeLessThan(1e-12);
    }
  });

  it("utilization divides the busy time's price: 10% busy costs 10x per token", () => {
    expect(rel(systemUsdPerSecond(1, 2, 0.1), 10 * systemUsdPerSecond(1, 2))).toBeLessThan(1e-12);
  });
});
