// Calendar ticks (UTC) for time axes whose values are epoch milliseconds.

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const MONDAY_EPOCH_DAY = 4; // 1970-01-05 was a Monday

type Interval = { unit: "hour"; count: number } | { unit: "day"; count: number } | { unit: "month"; count: number } | { unit: "year"; count: number };

const INTERVALS: readonly Interval[] = [
  { unit: "hour", count: 1 },
  { unit: "hour", count: 3 },
  { unit: "hour", count: 6 },
  { unit: "hour", count: 12 },
  { unit: "day", count: 1 },
  { unit: "day", count: 2 },
  { unit: "day", count: 7 },
  { unit: "day", count: 14 },
  { unit: "month", count: 1 },
  { unit: "month", count: 2 },
  { unit: "month", count: 3 },
  { unit: "month", count: 6 },
  ...[1, 2, 5, 10, 20, 50, 100, 200, 500, 1000].map((count) => ({ unit: "year" as const, count })),
];

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

function ticksFor(interval: Interval, minMs: number, maxMs: number, limit: number): number[] {
  const values: number[] = [];
  const push = (v: number): boolean => {
    if (v >= minMs && v <= maxMs) values.push(v);
    return values.length <= limit;
  };
  if (interval.unit === "hour" || interval.unit === "day") {
    const size = interval.unit === "hour" ? HOUR : DAY;
    let index = Math.ceil(minMs / size);
    const offset = interval.unit === "day" && interval.count === 7 ? MONDAY_EPOCH_DAY : 0;
    while ((((index - offset) % interval.count) + interval.count) % interval.count !== 0) index++;
    for (; index * size <= maxMs; index += interval.count) if (!push(index * size)) break;
    return values;
  }
  const start = new Date(minMs);
  if (interval.unit === "month") {
    let month = start.getUTCFullYear() * 12 + start.getUTCMonth();
    while (month % interval.count !== 0) month++;
    for (; ; month += interval.count) {
      const v = Date.UTC(Math.floor(month / 12), month % 12, 1);
      if (v > maxMs || !push(v)) break;
    }
    return values;
  }
  let year = start.getUTCFullYear();
  while (year % interval.count !== 0) year++;
  for (; ; year += interval.count) {
    const v = Date.UTC(year, 0, 1);
    if (v > maxMs || !push(v)) break;
  }
  return values;
}

function labelFor(interval: Interval, ms: number): string {
  const text = iso(ms);
  if (interval.unit === "hour") return text.slice(11, 13) === "00" ? text.slice(0, 10) : `${text.slice(11, 16)}`;
  if (interval.unit === "day") return text.slice(0, 10);
  if (interval.unit === "month") return text.slice(0, 7);
  return text.slice(0, 4);
}

export interface TimeTicks {
  values: number[];
  labels: string[];
}

/**
 * The finest calendar ticks (hours, days, weeks from Monday, months, years) with at most `maxCount` ticks
 * in [minMs, maxMs]; labels are ISO: "2026-03-14" for days, "2026-03" for months, "2026" for years.
 */
export function timeTicks(minMs: number, maxMs: number, maxCount: number): TimeTicks {
  for (const interval of INTERVALS) {
    const values = ticksFor(interval, minMs, maxMs, maxCount);
    if (values.length <= maxCount) return { values, labels: values.map((v) => labelFor(interval, v)) };
  }
  return { values: [], labels: [] };
}

/** Epoch milliseconds of an ISO date or date-time ("2026-11-22" is midnight UTC); throws on an invalid date. */
export function dateMs(isoDate: string): number {
  const ms = Date.parse(/^\d{4}-\d{2}(-\d{2})?$/.test(isoDate) ? `${isoDate.length === 7 ? `${isoDate}-01` : isoDate}T00:00:00Z` : isoDate);
  if (!Number.isFinite(ms)) throw new Error(`date: ${isoDate}`);
  return ms;
}
