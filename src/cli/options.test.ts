// Flag parsing shared by every command and the web forms: accepted forms, and errors that name the flag.
import { basename } from "node:path";
import { describe, expect, it } from "vitest";
import { UsageError } from "./io.js";
import {
  chartPathOptions,
  countOption,
  dateOption,
  fractionListOption,
  interactivityOption,
  listOption,
  outputFormatOption,
  percentileOption,
  positiveQuantityOption,
  pricePerIdOption,
  quantityOption,
  rangeOption,
  requiredOption,
  shareOption,
  wholeInRangeOption,
  wholeListOption,
} from "./options.js";

describe("counts and quantities with SI suffixes", () => {
  it("countOption reads k, M, B and exponents, never a sign or another suffix", () => {
    expect(countOption("--n", "300k")).toBe(300_000); // 300 x 1e3
    expect(countOption("--n", "1.5M")).toBe(1_500_000); // 1.5 x 1e6
    expect(countOption("--n", " 2e6 ")).toBe(2_000_000);
    expect(countOption("--n", "3b")).toBe(3e9);
    for (const bad of ["-5", "2T", "lots", "", "1e400"]) {
      expect(() => countOption("--n", bad), bad).toThrow(`--n: expected a number such as 300000, 300k or 1.5M, got "${bad}"`);
    }
  });

  it("quantityOption adds G, T, P and signs; an overflow says it is not finite", () => {
    expect(quantityOption("--q", "70B")).toBe(70e9);
    expect(quantityOption("--q", "70G")).toBe(70e9);
    expect(quantityOption("--q", "1.4T")).toBe(1.4e12);
    expect(quantityOption("--q", "2p")).toBe(2e15);
    expect(quantityOption("--q", "-5")).toBe(-5);
    expect(() => quantityOption("--q", "5x")).toThrow(/--q: expected a number such as 1\.4e12, 70B or 15T/);
    expect(() => quantityOption("--q", "1e400")).toThrow('--q: expected a finite number, got "1e400"');
    expect(() => positiveQuantityOption("--q", "0")).toThrow('--q: expected a positive number, got "0"');
  });
});

describe("ranges", () => {
  it("fractions: (0, 1] for utilization-like flags, [0, 1] for shares", () => {
    expect(shareOption("--s", "0")).toBe(0);
    expect(() => shareOption("--s", "1.01")).toThrow('--s: expected a fraction between 0 and 1 (e.g. 0.9 for 90%), got "1.01"');
    expect(fractionListOption("--u", "0.5,0.1,0.5,1")).toEqual([0.1, 0.5, 1]); // sorted, duplicate 0.5 dropped
    expect(() => fractionListOption("--u", "0.5,0")).toThrow(/--u: .*got "0"/);
    expect(rangeOption("--pue", "1", 1, 3, true)).toBe(1);
    expect(() => rangeOption("--mfu", "0", 0, 1, false)).toThrow('--mfu: expected a number in (0, 1], got "0"');
    expect(() => percentileOption("--p", "100")).toThrow('--p: expected a number between 0 and 100 (exclusive), got "100"');
  });

  it("whole numbers in a range are digits only", () => {
    expect(wholeInRangeOption("--port", "8080", 0, 65535)).toBe(8080);
    expect(wholeInRangeOption("--port", "0", 0, 65535)).toBe(0);
    for (const bad of ["70000", "-5", "", "1e3", "http"]) {
      expect(() => wholeInRangeOption("--port", bad, 0, 65535), bad).toThrow(`--port: expected a whole number from 0 to 65535, got "${bad}"`);
    }
    expect(wholeListOption("--counts", "1, 2,8")).toEqual([1, 2, 8]);
    expect(() => wholeListOption("--counts", "1,2.5")).toThrow('--counts: expected a whole number >= 1, got "2.5"');
  });
});

describe("lists, prices, dates and choices", () => {
  it("lists say what they expected", () => {
    expect(() => listOption("--a", " , ", "a comma-separated list of accelerator ids")).toThrow('--a: expected a comma-separated list of accelerator ids, got " , "');
    expect(pricePerIdOption("--usd", "2", ["a", "b"])).toEqual({ a: 2, b: 2 });
    expect(pricePerIdOption("--usd", "a=1,b=0.5", ["a", "b"])).toEqual({ a: 1, b: 0.5 });
    expect(pricePerIdOption("--usd", undefined, ["a"])).toBeUndefined();
  });

  it("chart paths end in their own extension", () => {
    expect(chartPathOptions({ svg: "a.svg", png: "b.PNG" }).map((p) => basename(p))).toEqual(["a.svg", "b.PNG"]);
    expect(chartPathOptions({})).toEqual([]);
    expect(() => chartPathOptions({ png: "c.svg" })).toThrow('--png: the file name must end in .png, got "c.svg"');
  });

  it("dates are YYYY-MM-DD and default to today (UTC)", () => {
    expect(dateOption("--at", "2025-02-28")).toBe("2025-02-28");
    expect(dateOption("--at", undefined)).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(() => dateOption("--at", "2025-13-01")).toThrow('--at: expected a date YYYY-MM-DD, got "2025-13-01"');
  });

  it("required flags, output formats and --offline vs --interactivity", () => {
    expect(() => requiredOption("--vs", undefined, "an API model")).toThrow("--vs: required (an API model)");
    expect(() => requiredOption("--model", undefined)).toThrow(/^--model: required$/);
    expect(outputFormatOption({ csv: true })).toBe("csv");
    expect(() => outputFormatOption({ json: true, csv: true })).toThrow(UsageError);
    expect(interactivityOption({ offline: true })).toBeNull();
    expect(interactivityOption({ interactivity: "20" })).toBe(20);
    expect(interactivityOption({})).toBeUndefined();
    expect(() => interactivityOption({ offline: true, interactivity: "20" })).toThrow("--offline and --interactivity: choose one");
  });
});
