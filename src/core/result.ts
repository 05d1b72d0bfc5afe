// Expected outcomes as values: Result and Issue.
/** A machine-readable problem: a code plus the numbers that explain it. */
export interface Issue {
  code: string;
  message: string;
  [detail: string]: unknown;
}

/** Expected outcomes are values: success with warnings, or failure with issues. */
export type Result<T> = { ok: true; value: T; warnings: Issue[] } | { ok: false; issues: Issue[] };

export function ok<T>(value: T, warnings: Issue[] = []): Result<T> {
  return { ok: true, value, warnings };
}

export function fail<T = never>(...issues: Issue[]): Result<T> {
  return { ok: false, issues };
}
