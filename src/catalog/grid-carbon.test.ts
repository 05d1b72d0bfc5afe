import { describe, expect, it } from "vitest";
import { ENERGY_DEFAULTS, GRID_INTENSITIES, GridIntensity, findGrid } from "./grid-carbon.js";

describe("grid carbon table", () => {
  it("every row parses, ids are unique, and the requested regions are present", () => {
    for (const row of GRID_INTENSITIES) GridIntensity.parse(row);
    expect(new Set(GRID_INTENSITIES.map((r) => r.id)).size).toBe(GRID_INTENSITIES.length);
    for (const id of ["world", "us", "us-ca", "us-tx", "us-va", "eu", "fr", "de", "no", "se", "pl", "uk", "in", "cn", "jp", "sg", "ie", "is", "ca-qc"]) {
      expect(findGrid(id), id).toBeDefined();
    }
  });
  it("orders grids as expected: Quebec and Norway far below the world average, India above it", () => {
    expect(findGrid("ca-qc")!.gramsCo2ePerKwh).toBeLessThan(findGrid("no")!.gramsCo2ePerKwh);
    expect(findGrid("fr")!.gramsCo2ePerKwh).toBeLessThan(findGrid("world")!.gramsCo2ePerKwh / 5);
    expect(findGrid("in")!.gramsCo2ePerKwh).toBeGreaterThan(findGrid("world")!.gramsCo2ePerKwh);
    expect(findGrid("FR")).toBe(findGrid("fr"));
  });
  it("energy defaults are in range", () => {
    expect(ENERGY_DEFAULTS.pue.value).toBeGreaterThanOrEqual(1);
    expect(ENERGY_DEFAULTS.drawFraction.value).toBeLessThanOrEqual(1);
  });
});
