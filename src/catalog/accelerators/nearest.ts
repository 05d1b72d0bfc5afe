/** Levenshtein distance between two strings (insert, delete, substitute all cost 1). */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** Normalizes a user-typed name: lowercase, spaces and underscores to dashes ("H100 SXM" -> "h100-sxm"). */
export function normalizeId(query: string): string {
  return query
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, "-");
}

/**
 * The n candidates closest to the query: ids containing the query (or contained in it) first, then by edit
 * distance, ties broken alphabetically so suggestions are deterministic.
 */
export function nearestIds(query: string, candidates: readonly string[], n: number): string[] {
  const q = normalizeId(query);
  const scored = candidates.map((id) => {
    const contains = q.length > 0 && (id.includes(q) || q.includes(id));
    return { id, score: (contains ? 0 : 1000) + editDistance(q, id) };
  });
  scored.sort((x, y) => x.score - y.score || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  return scored.slice(0, Math.max(0, n)).map((s) => s.id);
}
