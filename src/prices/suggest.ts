// Nearest-name suggestions for unknown model ids (edit distance on normalized names, plus substring hits).

/** Levenshtein distance between two strings. */
export function editDistance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0]!;
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j]!;
      previous[j] = Math.min(above + 1, previous[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return previous[b.length]!;
}

const normalize = (name: string) => name.toLowerCase().replace(/[\s_.]+/g, "-");

/** "; did you mean a, b?" for error messages, or "" when there is nothing to suggest. */
export function didYouMean(names: readonly string[]): string {
  return names.length ? `; did you mean ${names.join(", ")}?` : "";
}

/** Up to `limit` candidate names closest to `query`, best first. */
export function suggestNames(query: string, candidates: Iterable<string>, limit = 5): string[] {
  const q = normalize(query);
  const scored: { name: string; score: number }[] = [];
  for (const name of new Set(candidates)) {
    const n = normalize(name);
    const distance = editDistance(q, n);
    const contains = n.includes(q) || q.includes(n);
    const score = contains ? Math.min(distance, 1) : distance;
    if (contains || distance <= Math.max(2, Math.floor(q.length / 3))) scored.push({ name, score });
  }
  return scored
    .sort((a, b) => a.score - b.score || a.name.length - b.name.length || a.name.localeCompare(b.name))
    .slice(0, limit)
    .map((s) => s.name);
}
