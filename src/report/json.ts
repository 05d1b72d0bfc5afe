// JSON for machines that never contains NaN, Infinity or undefined: non-finite numbers become null.

function replacer(_key: string, value: unknown): unknown {
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value === "bigint") {
    const asNumber = Number(value);
    return Number.isSafeInteger(asNumber) ? asNumber : value.toString();
  }
  if (value instanceof Map) return Object.fromEntries(value);
  if (value instanceof Set) return [...value];
  return value;
}

/**
 * Serializes `value` as JSON (indent default 2, 0 for one line) with non-finite numbers as null, bigints as
 * numbers (strings when unsafe), Maps as objects and Sets as arrays; a top-level undefined prints "null".
 * Ends with "\n".
 */
export function formatJson(value: unknown, indent = 2): string {
  const text = JSON.stringify(value, replacer, indent > 0 ? indent : undefined);
  return (text ?? "null") + "\n";
}

/** The plain JSON-compatible copy of `value` that formatJson would print (non-finite numbers as null). */
export function toJsonValue(value: unknown): unknown {
  return JSON.parse(formatJson(value, 0)) as unknown;
}
