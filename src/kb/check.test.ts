import { describe, expect, it } from "vitest";
import { createPriceBook } from "../prices/book.js";
import type { KbNode } from "../store/records.js";
import { checkClaims, compareValues, daysBetween, evaluateClaim } from "./evaluate.js";
import { parseChecks } from "./parse-check.js";
import type { QuantityContext } from "./quantities.js";

const book = createPriceBook();
const ctx = (): QuantityContext => ({ book, todayDate: "2026-11-22", predictions: new Map() });
const messages = (raw: unknown) => {
  const r = parseChecks(raw);
  return r.ok ? [] : r.issues.map((i) => i.message);
};
const scenario = {
  model: "meta-llama/Llama-3.1-8B",
  hardware: { accelerator: "h100-sxm", count: 1 },
  workload: { kind: "generate", inputTokens: 1000, outputTokens: 200, load: { mode: "concurrency", concurrency: 1 } },
};

function claim(checks: unknown[], sources: KbNode["sources"] = [{ url: "https://example.org", date: "2026-01-01" }]): KbNode {
  return { id: "c", kind: "thesis", title: "t", body: "", tags: [], sources, links: [], checks };
}

describe("check language: validation errors name the field", () => {
  it("accepts the documented forms", () => {
    const r = parseChecks([
      { predict: scenario, field: "bound", expect: { op: "==", value: "memory" } },
      { price: { model: "gpt-4o", at: "2025-01-01", kind: "output" }, expect: { op: "between", value: [9, 11] } },
      { compare: { left: { number: 2 }, right: { number: 1 }, op: ">", factor: 1.5 }, known_failure: "just a test" },
    ]);
    expect(r.ok).toBe(true);
  });

  it("rejects malformed checks with a message per problem", () => {
    expect(messages("nope")).toEqual(["checks: expected a list of checks"]);
    expect(messages([{ expect: { op: "<", value: 1 } }])[0]).toMatch(/^checks\[0\]: expected one of predict, price, /);
    expect(messages([{ eval: "process.exit()", expect: { op: "<", value: 1 } }])[0]).toMatch(/unknown quantity "eval"/);
    expect(messages([{ number: 1 }])[0]).toMatch(/checks\[0\]\.expect: missing/);
    expect(messages([{ number: 1, expect: { op: "≈", value: 1 } }])[0]).toMatch(/checks\[0\]\.expect\.op: must be one of "<", "<=", ">"/);
    expect(messages([{ number: 1, expect: { op: "between", value: 3 } }])[0]).toMatch(/between" takes \[low, high\]/);
    expect(messages([{ number: 1, expect: { op: "<", value: "memory" } }])[0]).toMatch(/needs a numeric value/);
    expect(messages([{ number: 1, price: { model: "x", at: "2025-01-01", kind: "input" }, expect: { op: "<", value: 1 } }])[0]).toMatch(/one quantity per object, got price and number/);
    expect(messages([{ price: { model: "gpt-4o", at: "yesterday", kind: "input" }, expect: { op: "<", value: 1 } }])[0]).toMatch(/checks\[0\]\.price\.at: expected a date YYYY-MM-DD/);
    expect(messages([{ predict: { ...scenario, gpu: "h100" }, field: "bound", expect: { op: "==", value: "memory" } }])[0]).toMatch(/checks\[0\]\.predict: unknown field "gpu"/);
    expect(messages([{ predict: scenario, field: "speed", expect: { op: ">", value: 1 } }])[0]).toMatch(/checks\[0\]\.field: must be one of "fits", "bound"/);
    expect(messages([{ compare: { left: { number: 1 }, op: "between" } }])).toEqual([
      expect.stringMatching(/checks\[0\]\.compare\.right: expected an object/),
      expect.stringMatching(/checks\[0\]\.compare\.op: must be one of "<", "<=", ">", ">=", "=="/),
    ]);
    expect(messages([{ number: 1, expect: { op: "<", value: 2 }, known_failure: "" }])[0]).toMatch(/known_failure: expected the reason/);
  });

  it("reports every bad check, not only the first", () => {
    expect(messages([{ number: 1 }, { number: "2", expect: { op: "<", value: 1 } }])).toHaveLength(2);
  });
});

describe("comparisons with tolerance", () => {
  it.each([
    // tolerance loosens the bound by tolerance x |value|: 105 < 100 + 0.1 x 100 = 110
    [105, "<", 100, 0.1, true],
    [111, "<", 100, 0.1, false],
    [95, "==", 100, 0.05, true],
    [94, "==", 100, 0.05, false],
    [91, ">", 100, 0.1, true],
    // between [4, 8] with 10%: [3.6, 8.8]
    [8.7, "between", [4, 8], 0.1, true],
    [3.5, "between", [4, 8], 0.1, false],
    ["memory", "==", "memory", 0, true],
    ["compute", "!=", "memory", 0, true],
  ] as const)("%s %s %s (tolerance %s) -> %s", (computed, op, value, tolerance, expected) => {
    expect(compareValues(computed, op, value as never, tolerance)).toBe(expected);
  });

  it("explains a type mismatch instead of holding", () => {
    expect(compareValues("memory", "==", 1, 0)).toMatch(/computed a string, claimed a number/);
  });
});

describe("evaluating claims", () => {
  it("a decode claim holds; a wrong claim fails with the computed and claimed numbers", () => {
    const ok = evaluateClaim(claim([{ predict: scenario, field: "bound", expect: { op: "==", value: "memory" } }]), ctx(), 730);
    expect(ok.status).toBe("holds");
    // GPT-4o output is $10 per million on 2025-01-01: claiming < 5 fails
    const bad = evaluateClaim(claim([{ price: { model: "gpt-4o", at: "2025-01-01", kind: "output" }, expect: { op: "<", value: 5 } }]), ctx(), 730);
    expect(bad.status).toBe("fails");
    expect(bad.checks[0]).toMatchObject({ status: "fails", computed: 10, claimed: "< 5" });
    expect(bad.checks[0]!.message).toBe("computed 10, claimed < 5");
  });

  it("compare: a 4-bit 70B fits in an L40S, and the ratio is reported", () => {
    const r = evaluateClaim(claim([{ compare: { left: { weight_bytes: { model: "meta-llama/Llama-3.3-70B-Instruct", weights: "int4" } }, right: { accelerator: { id: "l40s" }, field: "memoryBytes" }, op: "<" } }]), ctx(), 730);
    expect(r.status).toBe("holds");
    const computed = r.checks[0]!.computed as { left: number; right: number; ratio: number };
    expect(computed.right).toBe(48e9);
    expect(computed.ratio).toBeCloseTo(computed.left / 48e9, 12);
  });

  it("a failing check marked known_failure does not fail the claim; an uncomputable check fails with the reason", () => {
    const known = evaluateClaim(claim([{ number: 1, expect: { op: ">", value: 2 }, known_failure: "kept on purpose" }]), ctx(), 730);
    expect(known.status).toBe("holds");
    expect(known.checks[0]!.status).toBe("known_failure");
    const unknown = evaluateClaim(claim([{ param_count: { model: "no/such-model" }, expect: { op: ">", value: 1 } }]), ctx(), 730);
    expect(unknown.status).toBe("fails");
    expect(unknown.checks[0]!.message).toMatch(/could not compute: unknown model "no\/such-model"/);
  });

  it("invalid checks stored in a node fail the claim with the validation message", () => {
    const r = evaluateClaim(claim([{ number: 1 }]), ctx(), 730);
    expect(r.status).toBe("fails");
    expect(r.checks[0]!.message).toMatch(/expect: missing/);
  });

  it("staleness uses the newest source date and an injectable today", () => {
    // 2024-11-21 -> 2026-11-22 is 731 days (2025 and 2026 have 365 days each, plus one)
    expect(daysBetween("2024-11-21", "2026-11-22")).toBe(731);
    const node = claim(
      [],
      [
        { url: "https://a", date: "2020-01-01" },
        { url: "https://b", date: "2024-11-21" },
      ],
    );
    expect(evaluateClaim(node, ctx(), 730)).toMatchObject({ status: "stale", stale: true, newestSourceDate: "2024-11-21" });
    expect(evaluateClaim(node, ctx(), 731)).toMatchObject({ status: "unchecked", stale: false });
    expect(evaluateClaim(node, { ...ctx(), todayDate: "2025-01-01" }, 730).stale).toBe(false);
  });

  it("counts claims: holds, fails and stale are per claim", () => {
    const nodes = [
      { ...claim([{ number: 1, expect: { op: "==", value: 1 } }]), id: "a" },
      { ...claim([{ number: 1, expect: { op: "==", value: 2 } }], [{ url: "https://x", date: "2019-01-01" }]), id: "b" },
      { ...claim([], [{ url: "https://x", date: "2019-01-01" }]), id: "c" },
    ];
    const report = checkClaims(nodes, { book, todayDate: "2026-11-22" });
    expect({ ...report, results: undefined }).toMatchObject({ claims: 3, withChecks: 2, holds: 1, fails: 1, stale: 2, knownFailures: 0, maxAgeDays: 730 });
    expect(report.results.map((r) => [r.id, r.status])).toEqual([
      ["a", "holds"],
      ["b", "fails"],
      ["c", "stale"],
    ]);
  });
});
