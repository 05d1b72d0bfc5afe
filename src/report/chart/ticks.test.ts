import { describe, expect, it } from "vitest";
import { ceil125, floor125, formatTickSi, linearTicks, logTicks, niceStep } from "./ticks.js";
import { dateMs, timeTicks } from "./time-ticks.js";
import { paretoFrontier } from "./pareto.js";
import { escapeXml, px } from "./svg.js";

describe("ticks", () => {
  it("picks 1-2-5 steps", () => {
    expect(niceStep(4050, 9)).toBe(500); // 450 -> next 1-2-5 is 500
    expect(niceStep(1, 5)).toBe(0.2); // 0.2 exactly
    expect(niceStep(0.3, 4)).toBe(0.1); // 0.075 -> 0.1
    expect(niceStep(7e6, 6)).toBe(2e6); // 1.17e6 -> 2e6
  });

  it("grows a linear domain to whole steps without float noise", () => {
    const set = linearTicks(0.13, 0.87, 4); // span 0.74 / 4 = 0.185 -> step 0.2
    expect(set.step).toBe(0.2);
    expect(set.values).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(set.domain).toEqual([0, 1]);
    expect(linearTicks(0.13, 0.87, 4, false).values).toEqual([0.2, 0.4, 0.6, 0.8]);
  });

  it("log ticks: 1-2-5 inside two decades, whole decades beyond", () => {
    expect(floor125(37)).toBe(20);
    expect(ceil125(37)).toBe(50);
    expect(ceil125(101)).toBe(200);
    expect(logTicks(11, 110, 8).values).toEqual([10, 20, 50, 100, 200]);
    const wide = logTicks(3, 40000, 6); // 2..50000: 14 1-2-5 ticks > 6, decades 10..10000 = 4 ticks
    expect(wide.domain).toEqual([2, 50000]);
    expect(wide.values).toEqual([10, 100, 1000, 10000]);
    expect(wide.minor).toContain(20);
    expect(logTicks(1e-3, 1e9, 5).values).toEqual([1e-3, 1, 1e3, 1e6, 1e9]); // every 3rd decade
  });

  it("labels ticks with SI prefixes and just enough digits", () => {
    expect(formatTickSi(1500, 500)).toBe("1.5k");
    expect(formatTickSi(1000, 500)).toBe("1k");
    expect(formatTickSi(0.25, 0.05)).toBe("0.25");
    expect(formatTickSi(2e6, 0)).toBe("2M");
    expect(formatTickSi(0, 1)).toBe("0");
  });

  it("calendar ticks in UTC with ISO labels", () => {
    // 2025-01-15 .. 2026-11-01 with at most 8 ticks: monthly 22, 2-monthly 11, quarterly 7 ticks
    const t = timeTicks(dateMs("2025-01-15"), dateMs("2026-11-01"), 8);
    expect(t.labels).toEqual(["2025-04", "2025-07", "2025-10", "2026-01", "2026-04", "2026-07", "2026-10"]);
    const days = timeTicks(dateMs("2026-11-20"), dateMs("2026-11-23"), 4); // 12-hourly would be 7 ticks
    expect(days.labels).toEqual(["2026-11-20", "2026-11-21", "2026-11-22", "2026-11-23"]);
    const weeks = timeTicks(dateMs("2026-11-01"), dateMs("2026-11-30"), 5); // Mondays: 2, 9, 16, 23, 30
    expect(weeks.labels).toEqual(["2026-11-02", "2026-11-09", "2026-11-16", "2026-11-23", "2026-11-30"]);
    expect(timeTicks(dateMs("2000-06-01"), dateMs("2026-01-01"), 6).labels).toEqual(["2005", "2010", "2015", "2020", "2025"]);
    expect(() => dateMs("2026-13-45")).toThrow("date: 2026-13-45");
  });
});

describe("pareto and svg helpers", () => {
  it("keeps the points no other beats on both axes", () => {
    const points = [
      { x: 1, y: 10 },
      { x: 2, y: 8 },
      { x: 2, y: 9 }, // beats (2, 8)
      { x: 3, y: 3 },
      { x: 2.5, y: 2 }, // dominated by (3, 3)
      { x: 4, y: Number.NaN },
    ];
    expect(paretoFrontier(points)).toEqual([
      { x: 1, y: 10 },
      { x: 2, y: 9 },
      { x: 3, y: 3 },
    ]);
    // cost (min) versus speed (max): (2, 9) is cheaper than (3, 3) and faster, (1, 10) cheapest
    expect(paretoFrontier(points, { x: "min", y: "max" })).toEqual([{ x: 1, y: 10 }]);
  });

  it("escapes XML and prints coordinates", () => {
    expect(escapeXml(`<a href="x">&'\u0001</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;");
    expect(px(1.005)).toBe("1"); // 1.005 is 1.00499... in binary
    expect(px(-0.001)).toBe("0");
    expect(px(Number.NaN)).toBe("0");
  });
});
