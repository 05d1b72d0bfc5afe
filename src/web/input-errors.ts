// Issues in the web's words: an input's path names its query parameter or form field ("cache-hit"), and a bad
// input is a 400 whose message names it. The CLI renders the same issues naming flags (src/cli/cli-issues.ts).
import type { IssuePath, TypedIssue } from "../core/issues.js";
import { InputError } from "../app/values.js";
import { issueText, type Vocabulary } from "../report/issue-text.js";
import { HttpError } from "./http.js";

/** App field name -> the parameter that sets it, for answers whose issues name app fields (e.g. date -> at). */
export type FieldNames = Record<string, string>;

/** The web's vocabulary: a mapped field is its parameter, any other path is its segments as written. */
export function webVocabulary(fields: FieldNames = {}): Vocabulary {
  return {
    name: (path: IssuePath) => {
      const key = path.join(".");
      if (fields[key]) return fields[key]!;
      const [head, ...rest] = path;
      return [fields[String(head)] ?? String(head), ...rest.map(String)].join(" ");
    },
  };
}

/** One issue as text naming the parameter (warnings in JSON answers). */
export function webText(issue: TypedIssue, fields: FieldNames = {}): string {
  return issueText(issue, webVocabulary(fields));
}

/** Issues as one 400, a line each. */
export function httpIssues(issues: TypedIssue[], fields: FieldNames = {}): HttpError {
  return new HttpError(400, issues.map((i) => webText(i, fields)).join("\n"));
}

/** Runs work, turning the app's InputError into a 400 naming the parameters. */
export function asHttp<T>(work: () => T, fields: FieldNames = {}): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof InputError) throw httpIssues(error.issues, fields);
    throw error;
  }
}

/**
 * A warning inside a JSON answer, worded as `costcurve ... --json` prints it (the API promises the CLI's bytes, so its
 * warnings name the flags, `--requests`); errors and pages name the parameters instead.
 */
export function jsonWarningText(issue: TypedIssue, fields: FieldNames = {}): string {
  const flags = Object.fromEntries(Object.entries(fields).map(([field, name]) => [field, `--${name}`]));
  const v = webVocabulary(flags);
  return issueText(issue, { name: (path) => ((flags[path.join(".")] ?? flags[String(path[0])]) ? v.name(path) : `--${v.name(path)}`) });
}
