// Breakeven of self-hosting an open model against a hosted API: the question's inputs parsed (named like the
// flags and query parameters), the answer with typed issues, the chart and the JSON both shells print.
import type { TypedIssue } from "../core/issues.js";
import { parsePriceKind, PRICE_KINDS } from "../catalog/rental.js";
import { computeBreakeven, DEFAULT_UTILIZATIONS, type Breakeven, type BreakevenOptions } from "../prices/breakeven.js";
import type { PriceBook } from "../prices/book.js";
import { resolveAccelerators, resolveOpenModel } from "../prices/cost-floor.js";
import { formatPercent, formatTokens, formatUsd, renderXYChart } from "../report/index.js";
import { type Answer, priceIssues } from "./prices.js";
import * as v from "./values.js";

/** The question as text, keyed like the CLI's options (`input-share` is `inputShare`). */
export interface BreakevenText {
  model?: string;
  accelerator?: string;
  count?: string;
  vs?: string;
  provider?: string;
  inputShare?: string;
  usdPerHour?: string;
  priceKind?: string;
  at?: string;
  utilizations?: string;
  interactivity?: string;
  offline?: boolean;
}

/** The question without the price book: every input checked, problems as issues whose path is the input's name. */
export type BreakevenQuestion = Omit<BreakevenOptions, "openModelId"> & { openModelId: string };

/** Parses the inputs (throws InputError naming `model`, `count`, `input-share`, `at`, ...). */
export function parseBreakevenQuestion(t: BreakevenText): BreakevenQuestion {
  const modelName = v.requireValue("model", t.model, "an open model from the catalog, e.g. meta-llama/Llama-3.3-70B-Instruct");
  const accName = v.requireValue("accelerator", t.accelerator, "e.g. h100-sxm");
  const api = v.requireValue("vs", t.vs, "an API model, e.g. gpt-4o");
  const model = resolveOpenModel(modelName);
  if (!model.ok) throw new v.InputError([{ code: "unknown_model", path: ["model"], model: modelName, suggestions: (model.issues[0]!.suggestions as string[]) ?? [], kind: "open model" }]);
  const accelerators = resolveAccelerators([accName]);
  if (!accelerators.ok) throw new v.InputError([{ code: "unknown_accelerator", path: ["accelerator"], value: accName, suggestions: (accelerators.issues[0]!.suggestions as string[]) ?? [] }]);
  const count = t.count === undefined ? 8 : v.parseWhole("count", t.count, v.INPUT_NUMBER_LIMITS.whole);
  const share = t.inputShare === undefined ? undefined : v.parseShare("input-share", t.inputShare);
  if (share === 1) throw new v.InputError([{ code: "described", path: ["input-share"], kind: "out_of_range", text: `must be below 1 (a chat workload generates some output), got "${t.inputShare}"` }]);
  const usdPerHour = t.usdPerHour === undefined ? undefined : v.parseAtMost("usd-per-hour", v.parsePositive("usd-per-hour", t.usdPerHour), v.INPUT_NUMBER_LIMITS.number);
  const utilizations = t.utilizations === undefined ? [...DEFAULT_UTILIZATIONS] : v.parseFractionList("utilizations", t.utilizations);
  const interactivity = v.parseInteractivity(t);
  const date = v.checkCalendarDate("at", v.parseDate("at", t.at));
  const priceKind = t.priceKind === undefined ? "on-demand" : parsePriceKind(t.priceKind);
  if (!priceKind) throw new v.InputError([{ code: "invalid_input", path: ["price-kind"], expected: `one of ${PRICE_KINDS.join(", ")}`, received: t.priceKind! }]);
  return {
    openModelId: model.value,
    accelerator: accelerators.value[0]!,
    count,
    apiModel: api,
    date,
    utilizations,
    priceKind,
    ...(t.provider !== undefined ? { provider: t.provider } : {}),
    ...(share !== undefined ? { inputShareFraction: share } : {}),
    ...(usdPerHour !== undefined ? { usdPerHour } : {}),
    ...(interactivity !== undefined ? { interactivityTokensPerSecond: interactivity } : {}),
  };
}

/** Prices the comparison; issues point at the inputs (`input-share`, `count`, `vs`, `at`, `provider`). */
export function answerBreakeven(book: PriceBook, q: BreakevenQuestion): Answer<Breakeven> {
  const result = computeBreakeven(book, q);
  if (result.ok) return { ok: true, value: result.value };
  const issue = result.issues[0]!;
  const described = (path: string): TypedIssue[] => [{ code: "described", path: [path], kind: issue.code, text: issue.message }];
  switch (issue.code) {
    case "out_of_range":
      return { ok: false, issues: described("input-share") };
    case "does_not_serve":
      return { ok: false, issues: described("count") };
    case "not_generative":
    case "free_api":
      return { ok: false, issues: described("vs") };
    default:
      return { ok: false, issues: priceIssues([issue], ["vs"], "API model").map((i) => (i.path[0] === "date" ? { ...i, path: ["at"] } : i)) };
  }
}

/** What `breakeven --json` prints and GET /api/breakeven answers: the breakeven and the chart files written. */
export function breakevenJson(b: Breakeven, charts: string[]): Record<string, unknown> {
  return { ...b, charts };
}

/** The chart: breakeven volume (flat for rented hardware) and capacity rising with utilization, on a log axis. */
export function breakevenChart(b: Breakeven): string {
  const capacity = b.rows.map((r) => ({ x: r.utilizationFraction, y: r.capacityTokensPerMonth }));
  const breakeven = b.rows.map((r) => ({ x: r.utilizationFraction, y: r.breakevenTokensPerMonth }));
  const u = b.breakevenUtilizationFraction;
  return renderXYChart({
    title: `Self-hosting ${b.openModelId.split("/").pop()} on ${b.count}x ${b.acceleratorId} vs ${b.api.modelId}`,
    subtitle: `Self-hosting wins between the lines: volume above breakeven and below capacity. ${formatUsd(b.monthlyFixedUsd)}/month rent; API ${formatUsd(b.api.blendedUsdPerMillionTokens)}/1M blended (${formatPercent(b.inputShareFraction, 0)} input)`,
    footnote: `Sources: API ${b.api.sourceUrl} (${b.api.date}); rent ${b.rent.provider} ${b.rent.date}; capacity: costcurve engine, ${b.workload.interactivityTokensPerSecond === null ? "offline" : `${b.workload.interactivityTokensPerSecond} tok/s per user`}`,
    x: { title: "utilization", domain: [0, 1], tickFormat: (x) => formatPercent(x, 0) },
    y: { title: "tokens per month", scale: "log", tickFormat: (y) => formatTokens(y) },
    series: [
      { name: "breakeven volume (API costs the same)", points: breakeven, color: "#dc2626" },
      { name: "capacity at this utilization", points: capacity, markers: true, color: "#2563eb" },
    ],
    ...(u <= 1 ? { referenceLines: [{ axis: "x" as const, value: u, label: `wins from ${formatPercent(u, 0)} utilization` }] } : {}),
  });
}
