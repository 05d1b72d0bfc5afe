import { describe, expect, it } from "vitest";
import { IsoDate, isCalendarDate } from "./calendar-date.js";

describe("calendar dates", () => {
  it.each([
    ["2024-02-29", true], // 2024 is divisible by 4 and not by 100: leap
    ["2000-02-29", true], // divisible by 400: leap
    ["1900-02-29", false], // divisible by 100, not 400: no leap day
    ["2025-02-29", false],
    ["2025-02-30", false], // Date.parse rolls it over to 2025-03-02
    ["2024-13-45", false],
    ["2024-00-10", false],
    ["2024-04-31", false], // April has 30 days
    ["2024-12-31", true],
    ["0000-01-01", false],
    ["9999-12-31", true],
    ["2024-1-01", false],
    ["2024-01-01T00:00:00Z", false],
    ["", false],
  ])("%s -> %s", (text, expected) => {
    expect(isCalendarDate(text)).toBe(expected);
    expect(IsoDate.safeParse(text).success).toBe(expected);
  });
});
