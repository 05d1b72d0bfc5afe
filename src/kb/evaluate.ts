// Re-checks claims: evaluates each check against the engine and price book, and flags claims whose sources are old.
import type { Result } from "../core/result.js";
import type { PriceBook } from "../prices/book.js";
import type { KbNode } from "../store/records.js";
import type { Check, Expect, Op } from "./check-schema.js";
import { parseChecks } from "./parse-check.js";
import { type Computed, computeQuantity, type QuantityContext } from "./quantities.js";

/** Default age (days) after which a claim whose newest source is older counts as stale: two years. */
export const DEFAULT_MAX_AGE_DAYS = 730;

export type CheckStatus = "holds" | "fails" | "known_failure";

export interface CheckResult {
  index: number;
  name: string | null;
  status: CheckStatus;
  /** The computed value, or {left, right, ratio} for a compare; null when it could not be computed. */
  computed: Computed | { left: Computed; right: Computed; ratio: number | null } | null;
  /** What the claim says, e.g. "< 100 (tolerance 10%)". */
  claimed: string;
  message: string;
  knownFailure: string | null;
}

export type ClaimStatus = "holds" | "fails" | "stale" | "unchecked";

export interface ClaimResult {
  id: string;
  title: string;
  /** fails beats stale, stale beats holds; a fresh claim without checks is unchecked. */
  status: ClaimStatus;
  stale: boolean;
  newestSourceDate: string | null;
  checks: CheckResult[];
}

export interface CheckReport {
  claims: number;
  withChecks: number;
  holds: number;
  fails: number;
  stale: number;
  knownFailures: number;
  todayDate: string;
  maxAgeDays: number;
  results: ClaimResult[];
}

export interface CheckOptions {
  book: PriceBook;
  /** YYYY-MM-DD, injectable for tests. */
  todayDate: string;
  maxAgeDays?: number;
}

const EPSILON = 1e-12;

function describeClaim(op: Op, value: Expect["value"], tolerance: number, factor?: number): string {
  const shown = Array.isArray(value) ? `[${value.map(formatComputed).join(", ")}]` : factor !== undefined ? `${formatComputed(factor)} x right` : typeof value === "number" ? formatComputed(value) : JSON.stringify(value);
  return `${op} ${shown}${tolerance > 0 ? ` (tolerance ${Math.round(tolerance * 1000) / 10}%)` : ""}`;
}

/** Whether computed `op` value holds, the tolerance loosening the bound by tolerance x |value|. */
export function compareValues(computed: Computed, op: Op, value: Expect["value"], tolerance: number): boolean | string {
  if (op === "between") {
    if (typeof computed !== "number" || !Array.isArray(value)) return "between needs a number";
    const [lo, hi] = value;
    return computed >= lo - tolerance * Math.abs(lo) - EPSILON && computed <= hi + tolerance * Math.abs(hi) + EPSILON;
  }
  if (Array.isArray(value)) return `op ${op} takes one value`;
  if (typeof computed !== "number" || typeof value !== "number") {
    if (typeof computed !== typeof value) return `computed a ${typeof computed}, claimed a ${typeof value}`;
    if (op === "==") return computed === value;
    if (op === "!=") return computed !== value;
    return `op ${op} needs numbers`;
  }
  const slack = tolerance * Math.abs(value) + EPSILON * Math.max(1, Math.abs(value));
  switch (op) {
    case "<":
      return computed < value + slack;
    case "<=":
      return computed <= value + slack;
    case ">":
      return computed > value - slack;
    case ">=":
      return computed >= value - slack;
    case "==":
      return Math.abs(computed - value) <= slack;
    case "!=":
      return Math.abs(computed - value) > slack;
  }
}

/** Shows a number with 4 significant digits (plain for moderate magnitudes, exponent otherwise). */
export function formatComputed(value: Computed): string {
  if (typeof value !== "number") return String(value);
  if (value === 0) return "0";
  const abs = Math.abs(value);
  return abs >= 1e6 || abs < 1e-3 ? value.toExponential(3) : String(Number(value.toPrecision(4)));
}

function settle(outcome: boolean | string, knownFailure: string | null): { status: CheckStatus; note: string } {
  const holds = outcome === true;
  if (holds) return { status: "holds", note: knownFailure ? ` (marked known_failure "${knownFailure}" but holds now)` : "" };
  return { status: knownFailure ? "known_failure" : "fails", note: knownFailure ? ` (known failure: ${knownFailure})` : "" };
}

/** Evaluates one parsed check. */
export function evaluateCheck(check: Check, index: number, ctx: QuantityContext): CheckResult {
  const base = { index, name: check.name, knownFailure: check.knownFailure };
  const errored = (claimed: string, r: Result<Computed>): CheckResult => {
    const message = r.ok ? "" : r.issues.map((i) => i.message).join("; ");
    const s = settle(false, check.knownFailure);
    return { ...base, status: s.status, computed: null, claimed, message: `could not compute: ${message}${s.note}` };
  };
  if (check.form === "value") {
    const claimed = describeClaim(check.expect.op, check.expect.value, check.expect.tolerance);
    const r = computeQuantity(check.quantity, ctx);
    if (!r.ok) return errored(claimed, r);
    const outcome = compareValues(r.value, check.expect.op, check.expect.value, check.expect.tolerance);
    const s = settle(outcome, check.knownFailure);
    const why = typeof outcome === "string" ? `: ${outcome}` : "";
    return { ...base, status: s.status, computed: r.value, claimed, message: `computed ${formatComputed(r.value)}, claimed ${claimed}${why}${s.note}` };
  }
  const claimed = `left ${describeClaim(check.op, 0, check.tolerance, check.factor)}`;
  const left = computeQuantity(check.left, ctx);
  if (!left.ok) return errored(claimed, left);
  const right = computeQuantity(check.right, ctx);
  if (!right.ok) return errored(claimed, right);
  if (typeof left.value !== "number" || typeof right.value !== "number") {
    const s = settle(false, check.knownFailure);
    return { ...base, status: s.status, computed: null, claimed, message: `compare needs two numbers, got ${String(left.value)} and ${String(right.value)}${s.note}` };
  }
  const outcome = compareValues(left.value, check.op, check.factor * right.value, check.tolerance);
  const s = settle(outcome, check.knownFailure);
  const ratio = right.value === 0 ? null : left.value / right.value;
  return {
    ...base,
    status: s.status,
    computed: { left: left.value, right: right.value, ratio },
    claimed,
    message: `left ${formatComputed(left.value)}, right ${formatComputed(right.value)}, ratio ${ratio === null ? "n/a" : formatComputed(ratio)}; claimed ${claimed}${s.note}`,
  };
}

/** Newest publication (or retrieval) date among a node's sources, or null when none is dated. */
export function newestSourceDate(node: Pick<KbNode, "sources">): string | null {
  const dates = node.sources.map((s) => s.date ?? s.retrievedDate).filter((d): d is string => d !== undefined);
  return dates.length ? dates.sort().at(-1)! : null;
}

/** Whole days from one YYYY-MM-DD date to another. */
export function daysBetween(fromDate: string, toDate: string): number {
  return Math.round((Date.parse(`${toDate}T00:00:00Z`) - Date.parse(`${fromDate}T00:00:00Z`)) / 86_400_000);
}

/** Evaluates every check of a claim and its staleness. */
export function evaluateClaim(node: KbNode, ctx: QuantityContext, maxAgeDays: number): ClaimResult {
  const parsed = parseChecks(node.checks ?? []);
  const checks: CheckResult[] = parsed.ok
    ? parsed.value.map((c, i) => evaluateCheck(c, i, ctx))
    : [{ index: 0, name: "invalid checks", status: "fails", computed: null, claimed: "", message: parsed.issues.map((i) => i.message).join("; "), knownFailure: null }];
  const newest = newestSourceDate(node);
  const stale = newest !== null && daysBetween(newest, ctx.todayDate) > maxAgeDays;
  const failed = checks.some((c) => c.status === "fails");
  const status: ClaimStatus = failed ? "fails" : stale ? "stale" : checks.length ? "holds" : "unchecked";
  return { id: node.id, title: node.title, status, stale, newestSourceDate: newest, checks };
}

/** Checks every claim; counts are per claim (a claim can be both stale and failing). */
export function checkClaims(nodes: readonly KbNode[], options: CheckOptions): CheckReport {
  const maxAgeDays = options.maxAgeDays ?? DEFAULT_MAX_AGE_DAYS;
  const ctx: QuantityContext = { book: options.book, todayDate: options.todayDate, predictions: new Map() };
  const results = nodes.map((n) => evaluateClaim(n, ctx, maxAgeDays));
  const withChecks = results.filter((r) => r.checks.length > 0);
  return {
    claims: results.length,
    withChecks: withChecks.length,
    holds: withChecks.filter((r) => !r.checks.some((c) => c.status === "fails")).length,
    fails: results.filter((r) => r.status === "fails").length,
    stale: results.filter((r) => r.stale).length,
    knownFailures: results.reduce((n, r) => n + r.checks.filter((c) => c.status === "known_failure").length, 0),
    todayDate: options.todayDate,
    maxAgeDays,
    results,
  };
}
