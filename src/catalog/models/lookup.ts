import type { CheckpointEntry, ModelEntry } from "../model-entry.js";

/** What a model id resolves to: the architecture, and the quantized checkpoint when the id named one. */
export interface ResolvedModel {
  entry: ModelEntry;
  checkpoint?: CheckpointEntry;
}

/** Lower-cases and strips a leading Hugging Face URL so "https://huggingface.co/org/name" matches "org/name". */
function normalizeId(id: string): string {
  return id
    .trim()
    .replace(/^https?:\/\/huggingface\.co\//i, "")
    .replace(/\/+$/, "")
    .toLowerCase();
}

function baseName(id: string): string {
  const slash = id.lastIndexOf("/");
  return slash === -1 ? id : id.slice(slash + 1);
}

/** Resolves an id against models and checkpoints: exact id or alias first, then the name without org prefix. */
export function resolveIn(models: readonly ModelEntry[], checkpoints: readonly CheckpointEntry[], id: string): ResolvedModel | undefined {
  const query = normalizeId(id);
  if (query === "") return undefined;
  const byId = new Map<string, ResolvedModel>();
  for (const entry of models) {
    for (const name of [entry.id, ...(entry.aliases ?? [])]) byId.set(name.toLowerCase(), { entry });
  }
  for (const checkpoint of checkpoints) {
    const base = byId.get(checkpoint.baseId.toLowerCase());
    if (base !== undefined) byId.set(checkpoint.id.toLowerCase(), { entry: base.entry, checkpoint });
  }
  const exact = byId.get(query);
  if (exact !== undefined || query.includes("/")) return exact;
  // No org prefix: accept it only when one target answers to that name.
  const matches = new Map<string, ResolvedModel>();
  for (const [full, resolved] of byId) {
    if (baseName(full) !== query) continue;
    matches.set(`${resolved.entry.id}|${resolved.checkpoint?.id ?? ""}`, resolved);
  }
  return matches.size === 1 ? [...matches.values()][0] : undefined;
}

/** Levenshtein edit distance between two strings (insert, delete, substitute each cost 1). */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** Keeps letters, digits and dots, so "llama-3.3-70b" and "Llama 3.3 70B" compare equal. */
function squash(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9.]/g, "");
}

/**
 * Ids nearest to a query, for "unknown model" suggestions: candidates containing the query (ignoring case and
 * separators) come first, shortest first; the rest by edit distance to the id, its name without org, or the display name.
 */
export function nearestIn(models: readonly ModelEntry[], checkpoints: readonly CheckpointEntry[], query: string, n = 3): string[] {
  const q = normalizeId(query);
  const qSquashed = squash(q);
  const scored = new Map<string, number>();
  const consider = (id: string, texts: readonly string[]): void => {
    let best = Number.POSITIVE_INFINITY;
    for (const text of texts) {
      const t = text.toLowerCase();
      const ts = squash(t);
      // Containment ranks ahead of any edit distance (offset by -1000), shorter containers first.
      const score = qSquashed !== "" && ts.includes(qSquashed) ? ts.length - qSquashed.length - 1000 : Math.min(editDistance(q, t), editDistance(q, baseName(t)));
      best = Math.min(best, score);
    }
    const previous = scored.get(id);
    if (previous === undefined || best < previous) scored.set(id, best);
  };
  for (const entry of models) {
    consider(entry.id, [entry.id, entry.name]);
    for (const alias of entry.aliases ?? []) consider(alias, [alias]);
  }
  for (const checkpoint of checkpoints) consider(checkpoint.id, [checkpoint.id]);
  return [...scored.entries()]
    .sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]))
    .slice(0, Math.max(0, n))
    .map(([id]) => id);
}
