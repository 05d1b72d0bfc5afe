import { describe, expect, it } from "vitest";
import { LOSS_FITS, computeOptimal, inferenceAdjustedOptimal, parametricLoss, ruleOfThumbAllocation, tokensForLoss } from "./scaling.js";

const GOPHER_BUDGET = 5.76e23; // Hoffmann et al. 2022, Table 3: Gopher's compute, the budget Chinchilla was sized for.

describe("Chinchilla parametric loss", () => {
  it("Chinchilla 70B/1.4T has lower predicted loss than Gopher 280B/300B at about equal compute (Hoffmann fit)", () => {
    // Chinchilla: 406.4 / 70e9^0.34 = 406.4 / 4864 = 0.08355; 410.7 / 1.4e12^0.28 = 410.7 / 2516 = 0.16324
    //   L = 1.69 + 0.08355 + 0.16324 = 1.9368
    // Gopher: 406.4 / 280e9^0.34 = 406.4 / 7793 = 0.05215; 410.7 / 300e9^0.28 = 410.7 / 1634.6 = 0.25125
    //   L = 1.69 + 0.05215 + 0.25125 = 1.9934
    // Compute: 6 x 70e9 x 1.4e12 = 5.88e23, 6 x 280e9 x 300e9 = 5.04e23 (both ~5.76e23).
    const f = LOSS_FITS.hoffmann;
    const chinchilla = parametricLoss(f, 70e9, 1.4e12);
    const gopher = parametricLoss(f, 280e9, 300e9);
    expect(chinchilla).toBeCloseTo(1.9368, 3);
    expect(gopher).toBeCloseTo(1.9934, 3);
    expect(chinchilla).toBeLessThan(gopher);
  });

  it("the Epoch fit agrees that Chinchilla beats Gopher", () => {
    const f = LOSS_FITS.epoch;
    expect(parametricLoss(f, 70e9, 1.4e12)).toBeLessThan(parametricLoss(f, 280e9, 300e9));
  });
});

describe("compute-optimal allocation", () => {
  it("Epoch fit at Gopher's budget: ~72B parameters and ~18 tokens per parameter (Chinchilla's 70B/1.4T)", () => {
    // G = (0.3478 x 482.01 / (0.3658 x 2085.43))^(1/0.7136) = (167.64 / 762.85)^1.4013 = 0.21976^1.4013 = 0.11962
    // N = G x (5.76e23 / 6)^(0.3658/0.7136) = 0.11962 x (9.6e22)^0.51261 = 0.11962 x 6.04e11 = 7.22e10
    // D = 9.6e22 / 7.22e10 = 1.33e12 -> 18.4 tokens per parameter.
    const r = computeOptimal(LOSS_FITS.epoch, GOPHER_BUDGET);
    expect(r.paramCount / 7.22e10).toBeCloseTo(1, 1);
    expect(r.tokenCount / 1.33e12).toBeCloseTo(1, 1);
    expect(r.tokensPerParam).toBeGreaterThan(15);
    expect(r.tokensPerParam).toBeLessThan(25);
    expect(6 * r.paramCount * r.tokenCount).toBeCloseTo(GOPHER_BUDGET, -20);
  });

  it("Hoffmann's printed Approach 3 coefficients give a smaller model and ~90 tokens per parameter (not 20)", () => {
    // G = (0.34 x 406.4 / (0.28 x 410.7))^(1/0.62) = (138.18 / 115.00)^1.6129 = 1.2016^1.6129 = 1.3447
    // N = 1.3447 x (9.6e22)^(0.28/0.62) = 1.3447 x 9.6e22^0.45161 = 1.3447 x 2.394e10 = 3.22e10
    // D = 9.6e22 / 3.22e10 = 2.98e12 -> 92.6 tokens per parameter.
    const r = computeOptimal(LOSS_FITS.hoffmann, GOPHER_BUDGET);
    expect(r.paramCount / 3.22e10).toBeCloseTo(1, 1);
    expect(r.tokensPerParam / 92.6).toBeCloseTo(1, 1);
  });

  it("the compute-optimal point beats the 20x rule and other allocations at the same budget", () => {
    for (const fit of Object.values(LOSS_FITS)) {
      const opt = computeOptimal(fit, 1e24);
      for (const k of [0.5, 0.8, 1.25, 2]) {
        const n = opt.paramCount * k;
        expect(parametricLoss(fit, n, 1e24 / (6 * n))).toBeGreaterThan(opt.loss);
      }
      expect(ruleOfThumbAllocation(fit, 1e24).loss).toBeGreaterThanOrEqual(opt.loss);
    }
  });

  it("the 20x rule of Approaches 1 and 2 allocates Gopher's budget to ~69B on ~1.39T tokens", () => {
    // N = sqrt(5.76e23 / 120) = sqrt(4.8e21) = 6.928e10; D = 20 N = 1.386e12.
    const r = ruleOfThumbAllocation(LOSS_FITS.hoffmann, GOPHER_BUDGET);
    expect(r.paramCount / 6.928e10).toBeCloseTo(1, 3);
    expect(r.tokenCount / 1.386e12).toBeCloseTo(1, 3);
  });
});

describe("inference-adjusted optimum (Sardana et al. 2023)", () => {
  it("with no inference it returns the Chinchilla-optimal model", () => {
    const r = inferenceAdjustedOptimal(LOSS_FITS.epoch, 1e23, 0);
    expect(r.paramCount / r.chinchilla.paramCount).toBeCloseTo(1, 3);
  });

  it("with large inference demand the optimum has fewer parameters, more tokens, the same loss and fewer lifetime FLOPs", () => {
    for (const fit of Object.values(LOSS_FITS)) {
      const r = inferenceAdjustedOptimal(fit, 1e23, 2e13);
      expect(r.paramCount).toBeLessThan(r.chinchilla.paramCount);
      expect(r.tokenCount).toBeGreaterThan(r.chinchilla.tokenCount);
      expect(r.loss).toBeCloseTo(r.chinchilla.loss, 9);
      expect(r.totalFlops).toBeLessThan(r.chinchilla.totalFlops);
    }
  });

  it("is a true minimum: nearby parameter counts at the same loss cost more lifetime FLOPs", () => {
    const fit = LOSS_FITS.epoch;
    const r = inferenceAdjustedOptimal(fit, 1e23, 2e13);
    for (const k of [0.9, 1.1]) {
      const n = r.paramCount * k;
      const d = tokensForLoss(fit, n, r.loss)!;
      expect(6 * n * d + 2 * n * 2e13).toBeGreaterThan(r.totalFlops);
    }
  });

  it("more inference demand moves the optimum further toward small, long-trained models", () => {
    const fit = LOSS_FITS.epoch;
    const a = inferenceAdjustedOptimal(fit, 1e23, 1e12);
    const b = inferenceAdjustedOptimal(fit, 1e23, 1e14);
    expect(b.paramCount).toBeLessThan(a.paramCount);
    expect(b.tokensPerParam).toBeGreaterThan(a.tokensPerParam);
  });
});
