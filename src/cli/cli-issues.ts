// Issues in the CLI's words: an input's path names its flag ("--cache-hit"); each command maps its app's field names.
import type { IssuePath, TypedIssue } from "../core/issues.js";
import type { Issue } from "../core/result.js";
import { typedIssue } from "../core/issues.js";
import { InputError } from "../app/values.js";
import { issueText } from "../report/issue-text.js";
import { UsageError } from "./io.js";

/** Field name -> flag, for the fields of a command's app input (e.g. requestCount -> --requests). */
export type FlagNames = Record<string, string>;

const LIST_HINTS: Record<string, string> = {
  model: "; run `costcurve prices` to list models",
  "open model": " (`costcurve models` lists the catalog)",
};

/** The CLI's vocabulary: a mapped field is its flag, any other first segment becomes --segment. */
export function cliVocabulary(flags: FlagNames = {}) {
  return {
    name: (path: IssuePath) => {
      const key = path.join(".");
      if (flags[key]) return flags[key]!;
      const [head, ...rest] = path;
      return [flags[String(head)] ?? `--${String(head)}`, ...rest.map(String)].join(" ");
    },
    listHint: (issue: TypedIssue) => (issue.code === "unknown_model" ? (LIST_HINTS[issue.kind] ?? "") : ""),
  };
}

/** Issues as one UsageError, a line each. */
export function usageError(issues: Array<Issue | TypedIssue>, flags: FlagNames = {}): UsageError {
  const v = cliVocabulary(flags);
  return new UsageError(issues.map((i) => issueText(typedIssue(i), v)).join("\n"));
}

/** One issue as text in the CLI's words (warnings, notes). */
export function cliText(issue: Issue | TypedIssue, flags: FlagNames = {}): string {
  return issueText(typedIssue(issue), cliVocabulary(flags));
}

/** Runs work, turning the app's InputError into a UsageError naming the flags. */
export function asUsage<T>(work: () => T, flags: FlagNames = {}): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof InputError) throw usageError(error.issues, flags);
    throw error;
  }
}
