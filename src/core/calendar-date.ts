// Dates as ISO YYYY-MM-DD days of the proleptic Gregorian calendar: "2025-02-30" and "2024-13-45" match the pattern
// but are no day (Date.parse rolls 2025-02-30 over to March 2 and so accepted it).
import { z } from "zod";

const PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `text` is YYYY-MM-DD naming a real day (years 0001 to 9999, leap years counted). */
export function isCalendarDate(text: string): boolean {
  const match = PATTERN.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  return day <= days;
}

/** The date type of every boundary schema: a string that is a calendar day (see isCalendarDate). */
export const IsoDate = z.string().refine(isCalendarDate, { message: "expected a date YYYY-MM-DD that is a calendar day" });
export type IsoDate = z.infer<typeof IsoDate>;
