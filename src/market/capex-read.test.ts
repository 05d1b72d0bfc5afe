import { describe, expect, it } from "vitest";
import { calendarQuarter, capexChart, loadCapexData, summarizeCapex } from "./capex-read.js";

describe("capex read", () => {
  it("Meta FY2025 (including finance leases): guidance $62.5B -> $71B, $50.07B drawn over 3 quarters, $20.93B still to draw", async () => {
    // first: (60 + 65) / 2 = 62.5B on 2025-01-29; latest: (70 + 72) / 2 = 71B on 2025-10-29; 3 revisions.
    // drawn: 13.69 + 17.01 + 19.37 = 50.07B; gap 71 - 50.07 = 20.93B for Q4.
    const data = await loadCapexData(null);
    const meta = summarizeCapex(data, "meta").find((s) => s.period === "FY2025")!;
    expect(meta.firstGuidanceUsd / 1e9).toBeCloseTo(62.5, 9);
    expect(meta.latestGuidanceUsd / 1e9).toBeCloseTo(71, 9);
    expect(meta.revisionCount).toBe(3);
    expect(meta.drawnUsd! / 1e9).toBeCloseTo(50.07, 6);
    expect(meta.quartersReported).toBe(3);
    expect(meta.gapUsd! / 1e9).toBeCloseTo(20.93, 6);
    expect(meta.status).toBe("in-progress");
  });

  it("CoreWeave FY2025: guidance cut from $21.5B to $13B, an $8.5B push-out", async () => {
    // (20 + 23) / 2 = 21.5B -> (12 + 14) / 2 = 13B: change -8.5B
    const cw = summarizeCapex(await loadCapexData(null), "CoreWeave").find((s) => s.period === "FY2025")!;
    expect(cw.guidanceChangeUsd / 1e9).toBeCloseTo(-8.5, 9);
    expect(cw.status).toBe("no-reports");
    expect(cw.gapUsd).toBeNull();
  });

  it("Microsoft FY2026 Q1: guided over $30B, drew $34.9B -> $4.9B overshoot", async () => {
    const ms = summarizeCapex(await loadCapexData(null), "Microsoft").find((s) => s.period === "FY2026 Q1")!;
    expect(ms.status).toBe("complete");
    expect(ms.gapUsd! / 1e9).toBeCloseTo(-4.9, 6);
  });

  it("a period with an earlier quarter missing shows no gap (Alphabet FY2025 has only Q2 in the dataset)", async () => {
    const a = summarizeCapex(await loadCapexData(null), "Alphabet").find((s) => s.period === "FY2025")!;
    expect(a).toMatchObject({ status: "incomplete-data", gapUsd: null, quartersReported: 1 });
    expect(a.latestGuidanceUsd / 1e9).toBeCloseTo(92, 9);
  });

  it("labels calendar quarters and draws a chart with every company that reported quarters", async () => {
    expect(calendarQuarter("2025-09-30")).toBe("2025 Q3");
    expect(calendarQuarter("2025-05-31")).toBe("2025 Q2");
    const svg = capexChart(await loadCapexData(null));
    expect(svg.startsWith("<svg")).toBe(true);
    for (const c of ["Meta", "Amazon", "Microsoft", "Oracle", "Alphabet"]) expect(svg).toContain(c);
    expect(svg).not.toMatch(/NaN|Infinity|undefined/);
  });
});
