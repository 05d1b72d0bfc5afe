import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { formatCsv, escapeCsvField } from "./csv.js";
import { formatJson, toJsonValue } from "./json.js";
import { columnsOf } from "./cell.js";

describe("formatCsv", () => {
  it("writes RFC 4180 records with CRLF and quoting", () => {
    const rows = [
      { model: 'Llama "3.3", 70B', outputTokensPerSecond: 24500.5, note: "line1\nline2" },
      { model: "plain", outputTokensPerSecond: Number.NaN, note: null },
    ];
    expect(formatCsv(columnsOf(rows), rows)).toBe('model,outputTokensPerSecond,note\r\n"Llama ""3.3"", 70B",24500.5,"line1\nline2"\r\nplain,,\r\n');
  });

  it("quotes edge whitespace and leaves plain fields alone", () => {
    expect(escapeCsvField(" padded")).toBe('" padded"');
    expect(escapeCsvField("a;b")).toBe("a;b");
    expect(formatCsv([{ key: "d" }], [{ d: new Date(Date.UTC(2026, 10, 22)) }])).toBe("d\r\n2026-11-22T00:00:00.000Z\r\n");
  });
});

describe("formatJson", () => {
  it("replaces non-finite numbers with null and drops undefined", () => {
    const value = { a: Number.NaN, b: [Number.POSITIVE_INFINITY, undefined, 1.5], c: undefined, d: 10n, e: -Infinity };
    expect(formatJson(value, 0)).toBe('{"a":null,"b":[null,null,1.5],"d":10,"e":null}\n');
    expect(formatJson(undefined)).toBe("null\n");
    expect(toJsonValue({ m: new Map([["k", Number.NaN]]) })).toEqual({ m: { k: null } });
  });

  it("never emits NaN, Infinity or undefined text for any value without strings", () => {
    // Strings are excluded because a string may legitimately contain the word "NaN"; keys are fixed words.
    const leaf = fc.oneof(fc.double(), fc.constant(undefined), fc.constant(null), fc.boolean(), fc.bigInt(), fc.integer());
    const tree = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: "small" }, leaf, fc.array(tie("node")), fc.dictionary(fc.constantFrom("a", "b", "c"), tie("node"))),
    })).node;
    fc.assert(
      fc.property(tree, (value) => {
        const text = formatJson(value);
        expect(text).not.toMatch(/NaN|Infinity|undefined/);
        expect(() => JSON.parse(text)).not.toThrow();
      }),
      { seed: 42, numRuns: 500 },
    );
  });
});
