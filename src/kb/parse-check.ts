// Validates the `checks:` list of a claim's front matter into typed checks, with messages naming the field.
import type { z } from "zod";
import type { Issue, Result } from "../core/result.js";
import { fail, ok } from "../core/result.js";
import { parseScenario, zodIssue } from "../core/validate.js";
import { type Check, Expect, OPS, type Op, QUANTITY_KINDS, type Quantity, type QuantityKind } from "./check-schema.js";

const KINDS = Object.keys(QUANTITY_KINDS) as QuantityKind[];
const META_KEYS = ["name", "known_failure"];
const COMPARE_KEYS = ["left", "right", "op", "factor", "tolerance"];

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function issue(field: string, message: string, code = "invalid_check"): Issue {
  return { code, field, message: `${field}: ${message}` };
}

function zodIssues(error: z.ZodError, where: string): Issue[] {
  return error.issues.map((i) => ({ ...zodIssue(i, where), code: "invalid_check" }));
}

/** Parses one quantity object (exactly one kind key such as `predict` or `price`, plus its `field`). */
export function parseQuantity(raw: unknown, where: string): Result<Quantity> {
  if (!isObject(raw)) return fail(issue(where, `expected an object with one of ${KINDS.join(", ")}`));
  const kinds = KINDS.filter((k) => k in raw);
  if (kinds.length === 0) {
    const keys = Object.keys(raw).filter((k) => k !== "field");
    return fail(issue(where, `${keys.length ? `unknown quantity ${keys.map((k) => `"${k}"`).join(", ")}; ` : ""}expected one of ${KINDS.join(", ")}`));
  }
  if (kinds.length > 1) return fail(issue(where, `one quantity per object, got ${kinds.join(" and ")}`));
  const kind = kinds[0]!;
  const parsed = QUANTITY_KINDS[kind].safeParse(raw);
  if (!parsed.success) return fail(...zodIssues(parsed.error, where));
  if (kind === "predict") {
    const scenario = parseScenario((raw as { predict: unknown }).predict, `${where}.predict`);
    if (!scenario.ok) return fail(...scenario.issues.map((i) => ({ ...i, code: "invalid_check" })));
  }
  return ok({ kind, args: parsed.data } as Quantity);
}

function parseMeta(raw: Record<string, unknown>, where: string, issues: Issue[]): { name: string | null; knownFailure: string | null } {
  const name = raw.name;
  const known = raw.known_failure;
  if (name !== undefined && typeof name !== "string") issues.push(issue(`${where}.name`, "expected text"));
  if (known !== undefined && (typeof known !== "string" || known.trim() === "")) {
    issues.push(issue(`${where}.known_failure`, "expected the reason the check does not hold, as text"));
  }
  return { name: typeof name === "string" ? name : null, knownFailure: typeof known === "string" && known.trim() ? known.trim() : null };
}

function parseCompare(raw: Record<string, unknown>, where: string, meta: { name: string | null; knownFailure: string | null }): Result<Check> {
  const issues: Issue[] = [];
  const extra = Object.keys(raw).filter((k) => k !== "compare" && !META_KEYS.includes(k));
  if (extra.length) issues.push(issue(where, `unknown field${extra.length > 1 ? "s" : ""} ${extra.map((k) => `"${k}"`).join(", ")} next to compare`));
  const c = raw.compare;
  if (!isObject(c)) return fail(...issues, issue(`${where}.compare`, "expected {left, right, op, factor?, tolerance?}"));
  const unknown = Object.keys(c).filter((k) => !COMPARE_KEYS.includes(k));
  if (unknown.length) issues.push(issue(`${where}.compare`, `unknown field${unknown.length > 1 ? "s" : ""} ${unknown.map((k) => `"${k}"`).join(", ")} (allowed: ${COMPARE_KEYS.join(", ")})`));
  const left = parseQuantity(c.left, `${where}.compare.left`);
  const right = parseQuantity(c.right, `${where}.compare.right`);
  if (!left.ok) issues.push(...left.issues);
  if (!right.ok) issues.push(...right.issues);
  const allowed: Op[] = OPS.filter((o) => o !== "between" && o !== "!=");
  if (!allowed.includes(c.op as Op)) issues.push(issue(`${where}.compare.op`, `must be one of ${allowed.map((o) => `"${o}"`).join(", ")}, got ${JSON.stringify(c.op)}`));
  const factor = c.factor ?? 1;
  if (typeof factor !== "number" || !(factor > 0) || !Number.isFinite(factor)) issues.push(issue(`${where}.compare.factor`, `must be a positive number, got ${JSON.stringify(c.factor)}`));
  const tolerance = c.tolerance ?? 0;
  if (typeof tolerance !== "number" || !(tolerance >= 0 && tolerance <= 1)) issues.push(issue(`${where}.compare.tolerance`, `must be a number in [0, 1], got ${JSON.stringify(c.tolerance)}`));
  if (issues.length || !left.ok || !right.ok) return fail(...issues);
  return ok({
    form: "compare",
    ...meta,
    left: left.value,
    right: right.value,
    op: c.op as Exclude<Op, "between" | "!=">,
    factor: factor as number,
    tolerance: tolerance as number,
  });
}

/** Parses one check: a quantity plus `expect`, or a `compare` of two quantities; `name` and `known_failure` optional. */
export function parseCheck(raw: unknown, where: string): Result<Check> {
  if (!isObject(raw)) return fail(issue(where, "expected an object (a quantity with expect, or compare)"));
  const issues: Issue[] = [];
  const meta = parseMeta(raw, where, issues);
  if ("compare" in raw) {
    const parsed = parseCompare(raw, where, meta);
    return issues.length ? fail(...issues, ...(parsed.ok ? [] : parsed.issues)) : parsed;
  }
  if (!("expect" in raw)) issues.push(issue(`${where}.expect`, 'missing: say what is claimed, e.g. {op: "<", value: 100, tolerance: 0.1}'));
  const expect = "expect" in raw ? Expect.safeParse(raw.expect) : null;
  if (expect && !expect.success) issues.push(...zodIssues(expect.error, `${where}.expect`));
  const rest = Object.fromEntries(Object.entries(raw).filter(([k]) => k !== "expect" && !META_KEYS.includes(k)));
  const quantity = parseQuantity(rest, where);
  if (!quantity.ok) issues.push(...quantity.issues);
  if (issues.length || !quantity.ok || !expect?.success) return fail(...issues);
  return ok({ form: "value", ...meta, quantity: quantity.value, expect: expect.data });
}

/** Parses a claim's whole `checks` list; every problem is reported, not just the first. */
export function parseChecks(raw: unknown, where = "checks"): Result<Check[]> {
  if (raw === undefined || raw === null) return ok([]);
  if (!Array.isArray(raw)) return fail(issue(where, "expected a list of checks"));
  const checks: Check[] = [];
  const issues: Issue[] = [];
  raw.forEach((item, i) => {
    const parsed = parseCheck(item, `${where}[${i}]`);
    if (parsed.ok) checks.push(parsed.value);
    else issues.push(...parsed.issues);
  });
  return issues.length ? fail(...issues) : ok(checks);
}
