import { describe, expect, it } from "vitest";
import { annuityUsdPerYear, computeTco } from "./tco.js";

const value = <T>(r: { ok: true; value: T } | { ok: false }) => {
  if (!r.ok) throw new Error("expected ok");
  return r.value;
};

describe("TCO per accelerator-hour", () => {
  it("straight-line depreciation without cost of capital", () => {
    // ($30,000 - 10% residual $3,000) / 4 y = $6,750/y; / 8,760 h = $0.770548/h
    const tco = value(computeTco({ acquisition: { kind: "buy", purchaseUsd: 30_000, depreciationYears: 4, residualFraction: 0.1 } }));
    expect(tco.usdPerHour).toBeCloseTo(6750 / 8760, 10);
  });

  it("annuity at 8% cost of capital, plus power, host and network", () => {
    // residual $3,000 discounted 4 y at 8%: 3000 / 1.08^4 = 3000 / 1.36048896 = $2,205.09
    // principal 30,000 - 2,205.09 = $27,794.91
    // annuity factor 0.08 / (1 - 1.08^-4) = 0.08 / 0.26497015 = 0.30192080 -> $8,391.83/y -> $0.957971/h
    // power: 700 W x 0.7 x PUE 1.3 = 637 W = 0.637 kW x $0.10 = $0.0637/h
    // host $0.20/h + network $0.05/h; total = 0.957971 + 0.0637 + 0.25 = $1.271671/h
    const tco = value(
      computeTco({
        acquisition: { kind: "buy", purchaseUsd: 30_000, depreciationYears: 4, residualFraction: 0.1, costOfCapitalFraction: 0.08 },
        power: { tdpWatts: 700, drawFraction: 0.7, pue: 1.3, usdPerKwh: 0.1 },
        hostUsdPerHour: 0.2,
        networkUsdPerHour: 0.05,
      }),
    );
    expect(tco.lines.map((l) => l.item)).toEqual(["capital", "power", "host", "network"]);
    expect(tco.lines[0]!.usdPerHour).toBeCloseTo(0.957971, 5);
    expect(tco.lines[1]!.usdPerHour).toBeCloseTo(0.0637, 10);
    expect(tco.usdPerHour).toBeCloseTo(1.271671, 5);
  });

  it("annuity formula: $10,000 over 3 y at 10% is $4,021.15/y", () => {
    // 10,000 x 0.1 / (1 - 1.1^-3) = 1,000 / 0.2486852 = 4,021.148
    expect(annuityUsdPerYear(10_000, 3, 0.1)).toBeCloseTo(4021.148, 2);
  });

  it("rental with power billed separately", () => {
    // $2.00/h rent + 700 W x 1.0 x PUE 1.0 x $0.20/kWh = $0.14/h -> $2.14/h
    const tco = value(computeTco({ acquisition: { kind: "rent", usdPerHour: 2, pricing: "on-demand", date: "2025-06-01" }, power: { tdpWatts: 700, drawFraction: 1, pue: 1, usdPerKwh: 0.2 } }));
    expect(tco.usdPerHour).toBeCloseTo(2.14, 10);
  });

  it("rejects out-of-range inputs, naming the field", () => {
    const result = computeTco({ acquisition: { kind: "buy", purchaseUsd: 1, depreciationYears: 3, residualFraction: 1.5 }, power: { tdpWatts: 700, drawFraction: 0.5, pue: 0.9, usdPerKwh: 0.1 } });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => i.field)).toEqual(["residualFraction", "pue"]);
  });
});
