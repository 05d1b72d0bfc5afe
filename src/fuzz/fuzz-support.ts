/**
 * Shared pieces of the fuzz suites: bad values a user or a client might send, the checks every refused input
 * must pass (the field named, no stack, no NaN/Infinity/undefined printed) and a time bound per case.
 */
import fc from "fast-check";

/** One seed for every fuzz suite, so a failure replays exactly. */
export const FUZZ_SEED = 15;

/** Values that look numeric or date-like but are not valid, plus arbitrary text and doubles written out. */
export const badText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    "",
    " ",
    "-1",
    "-0.5",
    "0",
    "NaN",
    "nan",
    "Infinity",
    "-Infinity",
    "1e308",
    "-1e308",
    "1e309",
    "1e-320",
    "1e9999",
    "9".repeat(400),
    "abc",
    "1,,2",
    ",",
    "0x10",
    "1_000",
    "5 ",
    " 5",
    "５",
    "½",
    "∞",
    "1e",
    "e5",
    "--1",
    "+-3",
    "1.2.3",
    "2024-13-45",
    "2025-02-30",
    "0000-01-01",
    "99999-01-01",
    "2024-1-1",
    "zz=2",
    "=",
    "h100-sxm=",
    "null",
    "undefined",
    "true",
    "[]",
    "{}",
    "\u0000",
    "\r",
    "1\r",
    "%",
    "../../etc/passwd",
  ),
  fc.double().map(String),
  fc.integer({ min: -1e9, max: 1e12 }).map(String),
  fc.string({ maxLength: 12 }),
);

/** Any JSON-ish value, garbage included (for scenario fields and bodies). */
export const badValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(-1, 0, -0, 0.5, 1e308, -1e308, 1e-320, Number.MAX_SAFE_INTEGER * 4, "", "1e308", "NaN", null, true, [], {}, [1, 2], { kind: "x" }),
  fc.double({ noNaN: true }).filter((v) => Number.isFinite(v)),
  fc.string({ maxLength: 10 }),
  fc.jsonValue({ maxDepth: 2 }),
);

const STACK = /\n\s+at [^\n]*(\.ts|\.js|node:|<anonymous>)/;

/** What a refused input's message must not show: a stack trace or an internal error. */
export function problemsInError(text: string): string[] {
  const found: string[] = [];
  if (STACK.test(text)) found.push("stack trace");
  if (/internal error/i.test(text)) found.push("internal error");
  return found;
}

/** Numbers that must never be printed: NaN, Infinity, undefined (as words in text output). */
export function badNumbersIn(text: string): string[] {
  return [...new Set(text.match(/\b(NaN|-?Infinity|undefined)\b/g) ?? [])];
}

/** A number-like JSON value that is not a finite number (null where the schema promises a number is caught by the schemas, not here). */
export function nonFiniteInJson(value: unknown, path = "$"): string[] {
  if (typeof value === "number") return Number.isFinite(value) ? [] : [path];
  if (typeof value === "string") return /^(NaN|-?Infinity)$/.test(value) ? [path] : [];
  if (Array.isArray(value)) return value.flatMap((v, i) => nonFiniteInJson(v, `${path}[${i}]`));
  if (value && typeof value === "object") return Object.entries(value).flatMap(([k, v]) => nonFiniteInJson(v, `${path}.${k}`));
  return [];
}

/** Rejects when work takes longer than ms (a hang is a failure, not a slow test). */
export async function within<T>(ms: number, what: string, work: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms)));
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Counts of what a suite saw, for docs/reliability.md (printed at the end of each suite). */
export class Tally {
  readonly counts = new Map<string, { tried: number; refused: number; accepted: number }>();
  add(kind: string, outcome: "refused" | "accepted"): void {
    const c = this.counts.get(kind) ?? { tried: 0, refused: 0, accepted: 0 };
    c.tried++;
    c[outcome]++;
    this.counts.set(kind, c);
  }
  report(title: string): string {
    return [...this.counts].map(([k, c]) => `${title} ${k}: ${c.tried} cases, ${c.refused} refused naming the field, ${c.accepted} accepted with finite numbers`).join("\n");
  }
}
