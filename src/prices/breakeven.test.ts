import { describe, expect, it } from "vitest";
import { findAccelerator } from "../catalog/accelerators/index.js";
import { createPriceBook } from "./book.js";
import { blendedUsdPerMillionTokens, breakevenRows, computeBreakeven, HOURS_PER_MONTH, workloadForShare } from "./breakeven.js";

const book = createPriceBook();
const H100 = findAccelerator("h100-sxm")!;
const LLAMA70 = "meta-llama/Llama-3.3-70B-Instruct";

describe("breakeven arithmetic", () => {
  it("blends input and output prices by the input share", () => {
    // GPT-4o since 2024-08-06: 0.75 x $2.50 + 0.25 x $10 = $1.875 + $2.50 = $4.375 per 1M
    expect(blendedUsdPerMillionTokens(2.5, 10, 0.75)).toBeCloseTo(4.375, 12);
  });

  it("a 3:1 input share is 750 prompt tokens per 250 generated", () => {
    expect(workloadForShare(0.75, 250, 20).inputTokens).toBe(750);
  });

  it("rows: breakeven = fixed / price, feasible once capacity x utilization reaches it", () => {
    // 8 GPUs x 730 h x $2/h = $11,680 per month; at $4.375/1M the API costs that much for
    // 11,680 / 4.375 x 1e6 = 2.6697e9 tokens. Capacity 1e10 tokens/month at full use:
    // u = 0.2 serves 2e9 (< 2.67e9: never), u = 0.3 serves 3e9 (wins); at u = 0.5 self-hosting costs 11,680 / 5e9 x 1e6 = $2.336/1M
    const rows = breakevenRows(8 * HOURS_PER_MONTH * 2, 4.375, 1e10, [0.2, 0.3, 0.5]);
    expect(rows[0]!.breakevenTokensPerMonth).toBeCloseTo(2.66971e9, -5);
    expect(rows.map((r) => r.feasible)).toEqual([false, true, true]);
    expect(rows[2]!.selfHostUsdPerMillionTokens).toBeCloseTo(2.336, 9);
    expect(rows[1]!.capacityTokensPerMonth).toBeCloseTo(3e9, 0);
  });
});

describe("computeBreakeven", () => {
  it("Llama 3.3 70B on 8x H100 at $2/h vs GPT-4o (2025-01-01): fixed cost, API price and capacity line up", () => {
    const result = computeBreakeven(book, { openModelId: LLAMA70, accelerator: H100, count: 8, apiModel: "gpt-4o", date: "2025-01-01", usdPerHour: 2 });
    if (!result.ok) throw new Error(result.issues[0]!.message);
    const b = result.value;
    expect(b.monthlyFixedUsd).toBeCloseTo(11_680, 9);
    expect(b.api.blendedUsdPerMillionTokens).toBeCloseTo(4.375, 12);
    expect(b.api.sourceUrl).toMatch(/^https:\/\//);
    expect(b.workload.inputTokens).toBe(750);
    // full-time capacity = engine tokens/s x 3600 x 730
    const tps = b.capacity.inputTokensPerSecond + b.capacity.outputTokensPerSecond;
    expect(b.fullCapacityTokensPerMonth).toBeCloseTo(tps * 3600 * 730, 0);
    expect(b.breakevenUtilizationFraction).toBeCloseTo(((11_680 / 4.375) * 1e6) / b.fullCapacityTokensPerMonth, 12);
    for (const row of b.rows) {
      expect(row.feasible).toBe(row.utilizationFraction >= b.breakevenUtilizationFraction);
      expect(Number.isFinite(row.selfHostUsdPerMillionTokens)).toBe(true);
      if (row.feasible) expect(row.minimumWinningCount).toBeNull();
    }
    // self-hosting cost falls as utilization rises
    const costs = b.rows.map((r) => r.selfHostUsdPerMillionTokens);
    expect([...costs].sort((x, y) => y - x)).toEqual(costs);
  });

  it("rent defaults to the accelerator's on-demand row in force on the date, through the TCO", () => {
    const result = computeBreakeven(book, { openModelId: LLAMA70, accelerator: H100, count: 8, apiModel: "gpt-4o", date: "2026-06-01" });
    if (!result.ok) throw new Error(result.issues[0]!.message);
    // h100-sxm on-demand rows: newest on or before 2026-06-01 is RunPod 2026-05-22 at $2.69
    expect(result.value.rent.usdPerHour).toBe(2.69);
    expect(result.value.tco.usdPerHour).toBe(2.69);
    expect(result.value.monthlyFixedUsd).toBeCloseTo(8 * 730 * 2.69, 9);
  });

  it("an expensive system that never wins at low utilization names the smallest count that would", () => {
    // at $40/h per GPU, 8 GPUs cost $233,600/month: far above what 4o mini traffic is worth at low utilization
    const result = computeBreakeven(book, { openModelId: LLAMA70, accelerator: H100, count: 8, apiModel: "gpt-4o-mini", date: "2025-01-01", usdPerHour: 40, utilizations: [0.1, 1] });
    if (!result.ok) throw new Error(result.issues[0]!.message);
    const low = result.value.rows[0]!;
    expect(low.feasible).toBe(false);
    if (low.minimumWinningCount !== null) expect([1, 2, 4, 8, 16, 32, 64]).toContain(low.minimumWinningCount);
  });

  it("errors: unknown API model, a date before the model existed, an input share of 1", () => {
    const unknown = computeBreakeven(book, { openModelId: LLAMA70, accelerator: H100, count: 8, apiModel: "gpt-4oo", date: "2025-01-01" });
    expect(!unknown.ok && unknown.issues[0]!.code).toBe("unknown_model");
    const early = computeBreakeven(book, { openModelId: LLAMA70, accelerator: H100, count: 8, apiModel: "gpt-4o", date: "2023-01-01" });
    expect(!early.ok && early.issues[0]!.code).toBe("before_first_price");
    const share = computeBreakeven(book, { openModelId: LLAMA70, accelerator: H100, count: 8, apiModel: "gpt-4o", date: "2025-01-01", inputShareFraction: 1 });
    expect(!share.ok && share.issues[0]!.code).toBe("out_of_range");
  });
});
