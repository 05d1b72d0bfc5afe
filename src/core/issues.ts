// Issues as data: one discriminated union, each member a code, a path to what it is about and the numbers that explain
// it (Zod's $ZodIssue is the model). Shells turn them into words: the CLI names flags, the web names form fields.
import type { Issue } from "./result.js";

/** Where an issue points: input field names and indexes, outermost first (["hardware", "count"], ["accelerators", 2]). */
export type IssuePath = Array<string | number>;

export type TypedIssue =
  | { code: "invalid_input"; path: IssuePath; expected: string; received: string }
  | { code: "required"; path: IssuePath; hint?: string }
  | { code: "too_large"; path: IssuePath; max: number; received: number }
  | { code: "required_one_of"; path: IssuePath; others: IssuePath[]; hint?: string }
  | { code: "not_in_list"; path: IssuePath; value: string; allowed: string[]; what: string }
  | { code: "choose_one"; path: IssuePath; others: IssuePath[]; what?: string }
  | { code: "out_of_order"; path: IssuePath; other: IssuePath; value: string; otherValue: string }
  | { code: "unknown_model"; path: IssuePath; model: string; suggestions: string[]; kind: "model" | "open model" | "API model" }
  | { code: "unknown_accelerator"; path: IssuePath; value: string; suggestions: string[] }
  | { code: "unknown_provider"; path: IssuePath; model: string; provider: string; providers: string[] }
  | { code: "before_first_price"; path: IssuePath; model: string; date: string; firstDate: string }
  | { code: "other_providers"; path: IssuePath; providers: string[] }
  | { code: "exceeds_context_window"; path: IssuePath; modelId: string; requestTokens: number; contextWindowTokens: number }
  | { code: "no_output_price"; path: IssuePath; modelId: string }
  | { code: "unmatched_model"; path: IssuePath; model: string; matched: string[] }
  | { code: "no_index"; path: IssuePath; model: string; fromDate: string; toDate: string; reason: string | null }
  /** A problem a lower layer still describes in prose (no flag or field names in it); its path says where. */
  | { code: "described"; path: IssuePath; kind: string; text: string };

export type IssueCode = TypedIssue["code"];

/** "scenario[1].hardware.count" -> ["scenario", 1, "hardware", "count"]. */
export function pathOf(dotted: string): IssuePath {
  return dotted
    .split(/\.|(?=\[)/)
    .filter(Boolean)
    .map((part) => (/^\[\d+\]$/.test(part) ? Number(part.slice(1, -1)) : part));
}

const TYPED = new Set<string>([
  "described",
  "invalid_input",
  "required",
  "too_large",
  "required_one_of",
  "not_in_list",
  "choose_one",
  "out_of_order",
  "unknown_model",
  "unknown_accelerator",
  "unknown_provider",
  "before_first_price",
  "other_providers",
  "exceeds_context_window",
  "no_output_price",
  "unmatched_model",
  "no_index",
]);

/**
 * An engine, catalog or price-book issue as a member of the union: the typed codes pass (a `field` becomes the
 * path), any other keeps its prose under "described".
 */
export function typedIssue(issue: Issue | TypedIssue, where: IssuePath = []): TypedIssue {
  const field = (issue as { field?: unknown }).field;
  const path = Array.isArray((issue as { path?: unknown }).path) ? (issue as TypedIssue).path : typeof field === "string" ? pathOf(field) : where;
  if (TYPED.has(issue.code)) return { ...(issue as TypedIssue), path };
  return { code: "described", path, kind: issue.code, text: String((issue as Issue).message ?? issue.code) };
}
