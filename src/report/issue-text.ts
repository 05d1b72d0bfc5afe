// Issues into words, at the edge: each shell passes its vocabulary (the CLI's flags, the web's form fields).
import type { IssuePath, TypedIssue } from "../core/issues.js";

export interface Vocabulary {
  /** What the user calls the input at `path`: "--cache-hit" in the CLI, "cache-hit" on the web. */
  name(path: IssuePath): string;
  /** A shell's own hint after an unknown name with no suggestions (the CLI: a command that lists them). */
  listHint?(issue: TypedIssue): string;
}

const didYouMean = (names: readonly string[]) => (names.length ? `; did you mean ${names.join(", ")}?` : "");
const count = (v: number) => Math.round(v).toLocaleString("en-US");
/** A bound as people write it: 1000000 -> "1,000,000", 1e18 -> "1e18". */
const limit = (v: number) => (v >= 1e10 ? v.toExponential().replace("e+", "e") : v.toLocaleString("en-US"));

/** ["scenario", 1, "model"] -> "scenario[1].model". */
export function dotted(path: IssuePath): string {
  return path.map((p, i) => (typeof p === "number" ? `[${p}]` : i === 0 ? p : `.${p}`)).join("");
}

/** One issue as one line of text in the vocabulary's words. */
export function issueText(issue: TypedIssue, v: Vocabulary): string {
  const at = v.name(issue.path);
  switch (issue.code) {
    case "invalid_input":
      return `${at}: expected ${issue.expected}, got "${issue.received}"`;
    case "required":
      return `${at}: required${issue.hint ? ` (${issue.hint})` : ""}`;
    case "too_large":
      return `${at}: must be at most ${limit(issue.max)}, got ${limit(issue.received)}`;
    case "required_one_of":
      return `give at least one of ${[at, ...issue.others.map((o) => v.name(o))].join(", ")}${issue.hint ? ` (${issue.hint})` : ""}`;
    case "not_in_list":
      return `${at}: "${issue.value}" is not one of ${issue.what} (${issue.allowed.join(", ")})`;
    case "choose_one":
      return `${[at, ...issue.others.map((o) => v.name(o))].join(" and ")}: choose one${issue.what ? ` ${issue.what}` : ""}`;
    case "out_of_order":
      return `${at}: ${issue.value} is after ${v.name(issue.other)} ${issue.otherValue}`;
    case "unknown_model":
      return `${at}: unknown ${issue.kind} "${issue.model}"${didYouMean(issue.suggestions) || (v.listHint?.(issue) ?? "")}`;
    case "unknown_accelerator":
      return `${at}: unknown accelerator "${issue.value}"${didYouMean(issue.suggestions) || (v.listHint?.(issue) ?? "")}`;
    case "unknown_provider":
      return `${at}: no price for "${issue.model}" from provider "${issue.provider}"; providers: ${issue.providers.join(", ")}`;
    case "before_first_price":
      return `${at}: ${issue.model} has no price before ${issue.firstDate} (it did not exist on ${issue.date})`;
    case "other_providers":
      return `also sold by ${issue.providers.join(", ")} (use ${at})`;
    case "exceeds_context_window":
      return `${at}: one request would hold ${count(issue.requestTokens)} tokens, more than the ${count(issue.contextWindowTokens)}-token context window of ${issue.modelId}; give ${v.name(["requestCount"])} (the tokens are split evenly over them)`;
    case "no_output_price":
      return `${issue.modelId} has no output price (embedding model): use ${at} 0`;
    case "unmatched_model":
      return `${at}: ${issue.model} has no declared open-model match; models with a match: ${issue.matched.join(", ")}`;
    case "no_index":
      return issue.reason === null ? `${at}: ${issue.model} has no price on or before ${issue.toDate} (it did not exist yet)` : `${at}: no index for ${issue.model} between ${issue.fromDate} and ${issue.toDate}: ${issue.reason}`;
    case "described":
      // legacy prose may already start with its own dotted path ("scenario.hardware.count: ...")
      return issue.path.length === 0 || issue.text.startsWith(`${dotted(issue.path)}:`) ? issue.text : `${at}: ${issue.text}`;
  }
}
