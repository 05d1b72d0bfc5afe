import type { z } from "zod";
import { Scenario } from "./scenario.js";
import { type Issue, type Result, fail, ok } from "./result.js";

/** Validates a scenario object: shape (unknown fields are errors) and the rules a shape cannot say. */
export function parseScenario(raw: unknown, where = "scenario"): Result<Scenario> {
  const parsed = Scenario.safeParse(raw);
  if (!parsed.success) return fail(...parsed.error.issues.map((i) => zodIssue(i, where)));
  const s = parsed.data;
  const issues: Issue[] = [];
  const w = s.workload;
  if (w.kind === "generate" && w.outputTokens < 1) {
    issues.push({ code: "invalid_value", field: `${where}.workload.outputTokens`, message: `${where}.workload.outputTokens: must be at least 1 for kind "generate" (got ${w.outputTokens}); use kind "embed" for prefill-only work` });
  }
  if (w.kind === "embed" && w.inputTokens < 1) {
    issues.push({ code: "invalid_value", field: `${where}.workload.inputTokens`, message: `${where}.workload.inputTokens: must be at least 1 for kind "embed" (got ${w.inputTokens})` });
  }
  if (w.kind === "embed" && w.outputTokens !== 0) {
    issues.push({ code: "invalid_value", field: `${where}.workload.outputTokens`, message: `${where}.workload.outputTokens: must be 0 for kind "embed" (got ${w.outputTokens})` });
  }
  return issues.length ? fail(...issues) : ok(s);
}

/** Renders a zod issue as "path: what is wrong (allowed values)". */
export function zodIssue(issue: z.core.$ZodIssue, where: string): Issue {
  const path = [where, ...issue.path.map(String)].join(".");
  const field = path;
  switch (issue.code) {
    case "unrecognized_keys":
      return { code: "unknown_field", field, keys: issue.keys, message: `${path}: unknown field${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => `"${k}"`).join(", ")}` };
    case "invalid_value":
      return { code: "invalid_value", field, message: `${path}: must be one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")}` };
    case "invalid_union":
      return { code: "invalid_value", field, message: `${path}: ${issue.message}${"discriminator" in issue ? "" : ""}` };
    case "invalid_type":
      return { code: "invalid_type", field, message: `${path}: expected ${issue.expected}${issue.input === undefined ? " (missing)" : `, got ${JSON.stringify(issue.input)}`}` };
    case "too_small":
      return { code: "invalid_value", field, message: `${path}: must be ${issue.inclusive ? ">=" : ">"} ${String(issue.minimum)}${issue.input !== undefined ? `, got ${JSON.stringify(issue.input)}` : ""}` };
    case "too_big":
      return { code: "invalid_value", field, message: `${path}: must be ${issue.inclusive ? "<=" : "<"} ${String(issue.maximum)}${issue.input !== undefined ? `, got ${JSON.stringify(issue.input)}` : ""}` };
    default:
      return { code: issue.code, field, message: `${path}: ${issue.message}` };
  }
}
