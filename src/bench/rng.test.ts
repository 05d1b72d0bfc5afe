import { describe, expect, test } from "vitest";
import { gammaArrivalSeconds, gammaDraw, poissonArrivalSeconds, seededRandom, shuffled } from "./rng.js";

const gaps = (times: number[]) => times.map((t, i) => t - (i === 0 ? 0 : times[i - 1]!));
const meanOf = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
const cvOf = (xs: number[]) => {
  const m = meanOf(xs);
  return Math.sqrt(meanOf(xs.map((x) => (x - m) ** 2))) / m;
};

describe("gamma arrivals (vLLM's --burstiness)", () => {
  test("burstiness 1 is exactly the Poisson schedule", () => {
    expect(gammaArrivalSeconds(50, 4, 1, seededRandom(3))).toEqual(poissonArrivalSeconds(50, 4, seededRandom(3)));
  });

  // Gamma(k, 1/(r k)) gaps: mean k / (r k) = 1/r; coefficient of variation 1/sqrt(k).
  // 20 000 gaps: the sample mean's relative standard error is CV / sqrt(20000) <= 1.6% at k = 0.25, so 5% bounds.
  test.each([
    [0.25, 2],
    [0.5, Math.SQRT2],
    [4, 0.5],
  ])("burstiness %s: mean gap 1/rate, coefficient of variation %s", (k, cv) => {
    const g = gaps(gammaArrivalSeconds(20_000, 2, k, seededRandom(11)));
    expect(Math.abs(meanOf(g) / 0.5 - 1)).toBeLessThan(0.05);
    expect(Math.abs(cvOf(g) / cv - 1)).toBeLessThan(0.05);
    // very bursty gaps can round to 0 s next to a large arrival time: simultaneous arrivals
    expect(g.every((x) => x >= 0 && Number.isFinite(x))).toBe(true);
  });

  test("Gamma(shape, 1) draws have mean shape", () => {
    const random = seededRandom(5);
    for (const shape of [0.3, 1.5, 9]) {
      const draws = Array.from({ length: 20_000 }, () => gammaDraw(shape, random));
      expect(Math.abs(meanOf(draws) / shape - 1)).toBeLessThan(0.05);
    }
  });
});

test("seeded shuffle: a permutation, the same for the same seed, the input untouched", () => {
  const items = Array.from({ length: 20 }, (_, i) => i);
  const a = shuffled(items, seededRandom(1));
  expect([...a].sort((x, y) => x - y)).toEqual(items);
  expect(a).not.toEqual(items);
  expect(shuffled(items, seededRandom(1))).toEqual(a);
  expect(shuffled(items, seededRandom(2))).not.toEqual(a);
  expect(items[0]).toBe(0);
});
