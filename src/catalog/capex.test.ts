import { describe, expect, it } from "vitest";
import { CAPEX_GUIDANCE, CAPEX_REPORTED, CapexGuidance, CapexReported } from "./capex.js";

describe("capex dataset", () => {
  it("every row parses and carries a source", () => {
    for (const g of CAPEX_GUIDANCE) CapexGuidance.parse(g);
    for (const r of CAPEX_REPORTED) CapexReported.parse(r);
  });
  it("covers the hyperscalers and a neocloud", () => {
    const companies = new Set([...CAPEX_GUIDANCE, ...CAPEX_REPORTED].map((r) => r.company));
    for (const c of ["Microsoft", "Alphabet", "Amazon", "Meta", "Oracle", "CoreWeave"]) expect(companies.has(c), c).toBe(true);
  });
  it("no duplicate period per company and basis", () => {
    const keys = CAPEX_REPORTED.map((r) => `${r.company}|${r.fiscalYear}|${r.fiscalQuarter ?? "FY"}|${r.basis}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
  it("Meta's 2024 quarterly purchases of property and equipment add up below its finance-lease-inclusive total", () => {
    // 6.40 + 8.17 + 8.26 + 14.43 = 37.26B < 39.2B including principal payments on finance leases
    const q = CAPEX_REPORTED.filter((r) => r.company === "Meta" && r.fiscalYear === 2024 && r.basis === "purchases-of-property-and-equipment");
    expect(q.reduce((s, r) => s + r.capexUsd, 0) / 1e9).toBeCloseTo(37.26, 6);
  });
});
