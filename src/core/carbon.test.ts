import { describe, expect, it } from "vitest";
import { energyJoulesPerMillionTokens, estimateEnergyPerMillionTokens, facilityPowerWatts, joulesToKwh, carbonGrams } from "./carbon.js";

describe("energy and carbon per million tokens", () => {
  it("8 x H100 at 700 W x 0.7 draw x PUE 1.2 serving 10,000 tokens/s, grid at 400 g/kWh", () => {
    // Power = 8 x 700 x 0.7 x 1.2 = 4704 W.
    // 1e6 tokens at 10,000 tokens/s take 100 s -> 4704 x 100 = 470,400 J per million tokens.
    // 470,400 J / 3.6e6 J/kWh = 0.130667 kWh per million tokens.
    // 0.130667 kWh x 400 g/kWh = 52.267 gCO2e per million tokens.
    const r = estimateEnergyPerMillionTokens({ acceleratorCount: 8, tdpWatts: 700, drawFraction: 0.7, pue: 1.2, tokensPerSecond: 10_000, gramsCo2ePerKwh: 400 });
    if (!r.ok) throw new Error("expected ok");
    expect(r.value.powerWatts).toBeCloseTo(4704, 6);
    expect(r.value.energyJoulesPerMillionTokens).toBeCloseTo(470_400, 3);
    expect(r.value.energyKwhPerMillionTokens).toBeCloseTo(0.130667, 6);
    expect(r.value.carbonGramsPerMillionTokens).toBeCloseTo(52.267, 3);
  });

  it("the pieces compose the same way", () => {
    const j = energyJoulesPerMillionTokens(facilityPowerWatts(8, 700, 0.7, 1.2), 10_000);
    expect(carbonGrams(joulesToKwh(j), 400)).toBeCloseTo(52.267, 3);
  });

  it("omits carbon without a grid intensity and rejects bad input", () => {
    const ok = estimateEnergyPerMillionTokens({ acceleratorCount: 1, tdpWatts: 350, drawFraction: 1, pue: 1, tokensPerSecond: 1000 });
    // 350 W x 1e6 / 1000 = 350,000 J = 0.097222 kWh
    expect(ok.ok && ok.value.energyKwhPerMillionTokens).toBeCloseTo(0.097222, 6);
    expect(ok.ok && ok.value.carbonGramsPerMillionTokens).toBeUndefined();
    const bad = estimateEnergyPerMillionTokens({ acceleratorCount: 1, tdpWatts: 350, drawFraction: 1.5, pue: 0.5, tokensPerSecond: 0 });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.issues.map((i) => i.field).sort()).toEqual(["drawFraction", "pue", "tokensPerSecond"]);
  });
});
