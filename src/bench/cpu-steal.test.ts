import { expect, test } from "vitest";
import { cpuTicks, stolenFraction } from "./cpu-steal.js";

test("stolen share between two readings, and null where it cannot be told", () => {
  // 1,000 ticks passed, 50 of them stolen: 5%
  expect(stolenFraction({ total: 10_000, steal: 100 }, { total: 11_000, steal: 150 })).toBeCloseTo(0.05, 12);
  expect(stolenFraction(null, { total: 1, steal: 0 })).toBeNull();
  // no time passed between the readings
  expect(stolenFraction({ total: 5, steal: 1 }, { total: 5, steal: 1 })).toBeNull();
  // on Linux the counters exist and only grow
  const now = cpuTicks();
  if (process.platform === "linux") {
    expect(now!.total).toBeGreaterThan(0);
    expect(now!.steal).toBeGreaterThanOrEqual(0);
    expect(now!.steal).toBeLessThanOrEqual(now!.total);
  }
});
