// The demo's embeddings analysis: the seed's dated prices reproduce its verdict; today's catalog verdict beside it.
import { describe, expect, it } from "vitest";
import { embeddingsDemo, SEED_PRICE_DATE } from "./demo.js";

describe("embeddingsDemo", () => {
  const demo = embeddingsDemo("2026-12-04");
  if (!demo.ok) throw new Error("demo failed");
  const { seed, today } = demo.value;

  it("prices the seed's comparison at its own dated rows: H100 $2.00/h and RTX 4090 $0.37/h on 2025-09-24", () => {
    expect(seed.date).toBe(SEED_PRICE_DATE);
    expect(seed.prices["h100-sxm"]).toMatchObject({ usdPerHour: 2.0, date: "2025-09-24" });
    expect(seed.prices["rtx-4090"]).toMatchObject({ usdPerHour: 0.37, date: "2025-09-24" });
    expect(seed.prices["h100-sxm"]!.provider).toMatch(/Tensor Economics/);
  });

  it("reproduces the seed's verdict: the RTX 4090 is cheaper per token at those prices", () => {
    expect(seed.cheaper.acceleratorId).toBe("rtx-4090");
    expect(seed.cheaper.fraction).toBeGreaterThan(0);
  });

  it("gives today's verdict from the catalog rows in force today, each dated and named", () => {
    expect(today.date).toBe("2026-12-04");
    for (const r of Object.values(today.prices)) {
      expect(r.date! <= "2026-12-04").toBe(true);
      expect(r.provider).not.toBe("");
    }
    // the verdict follows the rows: cost per token is price per hour over tokens per hour
    const row = (id: string) => today.rows.find((x) => x.accelerator === id)!;
    const cheaper = today.cheaper.acceleratorId;
    expect(row(cheaper).usdPerMillionTokens).toBeLessThanOrEqual(row(today.cheaper.thanId).usdPerMillionTokens);
  });
});
