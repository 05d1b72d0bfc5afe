import { describe, expect, it } from "vitest";
import { resolveModelId } from "../catalog/models/index.js";
import { createPriceBook, priceHistory } from "./book.js";
import { costFloor } from "./cost-floor.js";
import { compositeSeries, floorOn, geometricMean, indexAssumptions, indexAt, modelSeries, monthStarts, selectMatches } from "./margin-index.js";
import { MODEL_MATCHES, matchFor } from "./model-matching.js";

const book = createPriceBook();
// a small pool keeps the tests fast; H200 and B200 serve the 671B-1T MoE models, the H100 the 2023 dates
const POOL = ["h100-sxm", "h200-sxm", "b200"];
const a = indexAssumptions({ accelerators: POOL });

describe("model matching", () => {
  it("declares at least 12 API models, each a priced model with history matched to a catalog open model, with a source", () => {
    expect(MODEL_MATCHES.length).toBeGreaterThanOrEqual(12);
    expect(new Set(MODEL_MATCHES.map((m) => m.apiModelId)).size).toBe(MODEL_MATCHES.length);
    for (const m of MODEL_MATCHES) {
      expect(resolveModelId(m.openModelId)?.entry.id, m.openModelId).toBe(m.openModelId);
      const history = priceHistory(book, m.apiModelId);
      expect(history.ok && history.value.some((r) => r.startDate !== null), m.apiModelId).toBe(true);
      expect(m.source.url).toMatch(/^https:\/\//);
      expect(m.rationale.length).toBeGreaterThan(10);
    }
    expect(matchFor("deepseek-chat")?.kind).toBe("exact");
  });
});

describe("margin index", () => {
  it("assumptions: the list-price blend uses the workload's own mix, 1000 / (1000 + 250) = 0.8", () => {
    expect(a.inputShareFraction).toBeCloseTo(0.8, 12);
    expect(a.utilizationFraction).toBe(0.6);
  });

  it("GPT-4o mini at launch (2024-07-18): $0.15/$0.60 blended 0.8 x 0.15 + 0.2 x 0.60 = $0.24 over the Llama 3.1 8B floor", () => {
    const p = indexAt(book, matchFor("gpt-4o-mini")!, "2024-07-18", a);
    if (!p.ok) throw new Error(p.issues[0]!.message);
    expect(p.value.blendedListUsdPerMillionTokens).toBeCloseTo(0.24, 12);
    const floor = costFloor({ model: "meta-llama/Llama-3.1-8B", accelerators: POOL, releasedBy: "2024-07-18" });
    if (!floor.ok) throw new Error("floor failed");
    expect(p.value.floorUsdPerMillionTokens).toBe(floor.value.best.blendedUsdPerMillionTokens);
    expect(p.value.index).toBeCloseTo(0.24 / floor.value.best.blendedUsdPerMillionTokens, 12);
    expect(p.value.priceSourceUrl).toContain("openai.com");
  });

  it("a 2023 floor uses only hardware released by then (no B200 for GPT-4's launch)", () => {
    const f = floorOn("meta-llama/Llama-3.1-8B", "2023-03-14", a);
    if (!f.ok) throw new Error(f.issues[0]!.message);
    expect(f.value.acceleratorId).toBe("h100-sxm");
  });

  it("per-model series: finite, sourced index values for at least 10 API models", () => {
    const { points } = modelSeries(book, MODEL_MATCHES, "2023-01-01", "2026-11-22", a);
    const models = new Set(points.map((p) => p.apiModelId));
    expect(models.size).toBeGreaterThanOrEqual(10);
    for (const p of points) {
      expect(Number.isFinite(p.index) && p.index > 0, `${p.apiModelId} ${p.date}`).toBe(true);
      expect(p.priceSourceUrl).toMatch(/^https?:\/\//);
      expect(p.matchSourceUrl).toMatch(/^https:\/\//);
      expect(p.rentalSourceUrl).toMatch(/^https?:\/\//);
    }
    // GPT-4o's 2024-08-06 cut (5/15 -> 2.5/10) lowers its index by the blend ratio (0.8x2.5+0.2x10)/(0.8x5+0.2x15) = 4/7
    const gpt4o = points.filter((p) => p.apiModelId === "gpt-4o");
    const launch = gpt4o.find((p) => p.date === "2024-05-13")!;
    const cut = gpt4o.find((p) => p.date === "2024-08-06")!;
    expect(cut.index / launch.index).toBeCloseTo(4 / 7, 9);
  });

  it("composite: the geometric mean of the models priced at each month start", () => {
    const composite = compositeSeries(book, MODEL_MATCHES, "2024-06-10", "2024-09-30", a);
    expect(composite.map((c) => c.date)).toEqual(["2024-07-01", "2024-08-01", "2024-09-01"]);
    const sept = composite[2]!;
    const values = MODEL_MATCHES.map((m) => indexAt(book, m, "2024-09-01", a)).flatMap((p) => (p.ok ? [p.value.index] : []));
    expect(sept.modelCount).toBe(values.length);
    expect(sept.index).toBeCloseTo(geometricMean(values), 12);
  });

  it("helpers: geometric mean of 1 and 4 is 2; month starts cover partial months", () => {
    expect(geometricMean([1, 4])).toBeCloseTo(2, 12);
    expect(monthStarts("2024-11-15", "2025-02-03")).toEqual(["2024-11-01", "2024-12-01", "2025-01-01", "2025-02-01"]);
  });

  it("selects one model through the book's aliases, and refuses unmatched or unknown ones", () => {
    const one = selectMatches(book, "gpt-4o-mini-2024-07-18");
    expect(one.ok && one.value.map((m) => m.apiModelId)).toEqual(["gpt-4o-mini"]);
    const unmatched = selectMatches(book, "text-embedding-3-small");
    expect(!unmatched.ok && unmatched.issues[0]!.code).toBe("unmatched_model");
    const unknown = selectMatches(book, "gpt-4oo");
    expect(!unknown.ok && unknown.issues[0]!.code).toBe("unknown_model");
  });
});
