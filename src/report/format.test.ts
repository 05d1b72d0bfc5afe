import { describe, expect, it } from "vitest";
import { formatBytes, formatDate, formatDuration, formatInteger, formatNumber, formatPercent, formatRate, formatSi, formatSignificant, formatUsd, groupThousands } from "./format.js";

const nonFinite = [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, null, undefined];

describe("number formatters", () => {
  it.each([
    // [value, digits, expected]: 1234.5 to 3 significant digits is 1230, grouped
    [1234.5, 3, "1,230"],
    [0.012345, 3, "0.0123"],
    [3.14159, 3, "3.14"],
    [1.5, 3, "1.5"], // trailing zeros of "1.50" stripped
    [-2.71828, 2, "-2.7"],
    [9.996, 3, "10"], // rounds up into the next decade
    [0, 3, "0"],
    [-0.0000001, 1, "-0.0000001"],
    [1e-12, 3, "1e-12"],
    [123456789, 4, "123,500,000"],
  ])("formatSignificant(%s, %s) = %s", (value, digits, expected) => {
    expect(formatSignificant(value, digits)).toBe(expected);
  });

  it("formatNumber keeps integer digits", () => {
    expect(formatNumber(12345.6)).toBe("12,346"); // 5 integer digits > 3 significant: round to integer
    expect(formatNumber(999.4)).toBe("999");
    expect(formatNumber(3.14159)).toBe("3.14");
    expect(formatInteger(33487.6)).toBe("33,488");
    expect(formatInteger(-0.4)).toBe("0");
    expect(groupThousands("-1234567.891")).toBe("-1,234,567.891");
  });

  it.each([
    [33488, "33.5k"], // 33488 / 1e3 = 33.488 -> 33.5
    [999.96, "1k"], // rounds to 1000 first, then takes the k prefix
    [2.5e12, "2.5T"],
    [1.234e7, "12.3M"],
    [0.25, "0.25"],
    [-4200, "-4.2k"],
    [512, "512"],
  ])("formatSi(%s) = %s", (value, expected) => {
    expect(formatSi(value)).toBe(expected);
  });

  it("formatRate puts the unit after an SI-prefixed number", () => {
    expect(formatRate(33488, "tokens/s")).toBe("33.5k tokens/s");
    expect(formatRate(12.5, "req/s")).toBe("12.5 req/s");
  });

  it.each([
    [0.0166, "$0.0166"], // 3 significant digits below $1
    [0.19, "$0.19"], // "0.190" trimmed to at least cents
    [0.5, "$0.50"],
    [0.000012345, "$0.0000123"],
    [2.186, "$2.19"], // cents from $1 up
    [12.3, "$12.30"],
    [999.99, "$999.99"],
    [1234567.8, "$1,234,568"],
    [0, "$0.00"],
    [-1.5, "-$1.50"],
    [0.996, "$1.00"], // would be "$0.996" to 3 digits, but from 0.995 up cents are the right grain
  ])("formatUsd(%s) = %s", (value, expected) => {
    expect(formatUsd(value)).toBe(expected);
  });

  it.each([
    [0.0413, "41.3 ms"],
    [754, "754 s"],
    [9000, "2.5 h"], // 9000 / 3600 = 2.5
    [3600, "3,600 s"], // below 2 h stays in seconds
    [0.000045, "45 us"],
    [0.99996, "1 s"],
    [2e-9, "2 ns"],
    [0, "0 s"],
  ])("formatDuration(%s) = %s", (value, expected) => {
    expect(formatDuration(value)).toBe(expected);
  });

  it.each([
    [80e9, "80 GB"],
    [3.35e12, "3.35 TB"],
    [512, "512 B"],
    [141e9, "141 GB"],
    [1536, "1.54 kB"],
  ])("formatBytes(%s) = %s", (value, expected) => {
    expect(formatBytes(value)).toBe(expected);
  });

  it("formatPercent and formatDate", () => {
    expect(formatPercent(0.4231)).toBe("42.3%");
    expect(formatPercent(-0.0001)).toBe("0.0%");
    expect(formatPercent(12.5, 0)).toBe("1,250%");
    expect(formatDate(Date.UTC(2026, 10, 22))).toBe("2026-11-22");
    expect(formatDate(new Date(Number.NaN))).toBe("-");
  });

  it("never prints NaN, Infinity or undefined", () => {
    const formatters = [formatSignificant, formatNumber, formatInteger, formatSi, formatUsd, formatDuration, formatBytes, formatPercent, (v: number | null | undefined) => formatRate(v, "tokens/s")];
    for (const format of formatters) for (const value of nonFinite) expect(format(value)).toBe("-");
    for (const format of formatters) {
      for (const value of [1e300, -1e300, 5e-324, 1e21, 123.456]) {
        expect(format(value)).not.toMatch(/NaN|Infinity|undefined/);
      }
    }
  });
});
