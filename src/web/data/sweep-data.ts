// Frontier and Optimize: the sweeps behind `costcurve frontier` and `optimize`, parsed with the app's input parsers.
import { z } from "zod";
import { computeFrontier, type Frontier, frontierChart, parseFrontierInput, sweepIssues } from "../../app/frontier.js";
import { optimize, type OptimizeResult } from "../../app/optimize.js";
import * as v from "../../app/values.js";
import { defaultEngineFor } from "../../catalog/engine-defaults.js";
import { listParam, parseQuery } from "../http.js";
import { asHttp, httpIssues } from "../input-errors.js";

const text = z.string().max(2000).optional();

export const FRONTIER_DEFAULTS = { model: "meta-llama/Llama-3.3-70B-Instruct", accelerators: ["h100-sxm", "b200", "mi300x"], input: "1000", output: "1000", engine: defaultEngineFor("generate") };
export const FrontierParams = z.strictObject({ interactivity: text, model: text, accelerators: listParam.optional(), input: text, output: text, precision: text, counts: text, engine: text, "usd-per-hour": text });

export const OPTIMIZE_DEFAULTS = { model: "meta-llama/Llama-3.3-70B-Instruct", input: "1000", output: "1000", ttft: "2", tpot: "0.05", percentile: "99", top: "10", engine: defaultEngineFor("generate") };
export const OptimizeParams = z.strictObject({
  model: text,
  input: text,
  output: text,
  ttft: text,
  tpot: text,
  percentile: text,
  accelerators: listParam.optional(),
  "max-count": text,
  precision: text,
  engine: text,
  top: text,
  "usd-per-hour": text,
});

export interface FrontierView {
  model: string;
  accelerators: string[];
  input: string;
  output: string;
  frontier: Frontier;
  /** Output tokens/s per user the summary table asks for. */
  interactivity: number;
}

/** What `costcurve frontier --json` prints for the query (accelerators as a list or repeated checkboxes). */
export function frontierFrom(query: URLSearchParams): FrontierView {
  const q = parseQuery(FrontierParams, query);
  const model = q.model ?? FRONTIER_DEFAULTS.model;
  const accelerators = q.accelerators?.length ? q.accelerators : FRONTIER_DEFAULTS.accelerators;
  const input = q.input ?? FRONTIER_DEFAULTS.input;
  const output = q.output ?? FRONTIER_DEFAULTS.output;
  return asHttp(() => {
    const result = computeFrontier(parseFrontierInput({ model, accelerators, input, output, precision: q.precision, counts: q.counts, engine: q.engine ?? FRONTIER_DEFAULTS.engine, usdPerHour: q["usd-per-hour"] }));
    if (!result.ok) throw httpIssues(sweepIssues(result.issues));
    const interactivity = v.parseInteractivity({ interactivity: q.interactivity }) ?? 20;
    return { model, accelerators, input, output, frontier: result.value, interactivity };
  });
}

/** The frontier chart (the one `costcurve frontier --svg` writes). */
export function frontierSvg(view: FrontierView): string {
  return frontierChart(view.frontier, view.model, view.input, view.output);
}

export interface OptimizeView {
  options: Record<string, string>;
  result: OptimizeResult;
}

/** The cheapest configurations meeting TTFT/TPOT limits at a percentile. */
export function optimizeFrom(query: URLSearchParams): OptimizeView {
  const q = parseQuery(OptimizeParams, query);
  const o: Record<string, string> = { ...OPTIMIZE_DEFAULTS };
  for (const [key, value] of Object.entries(q)) if (value !== undefined) o[key] = Array.isArray(value) ? value.join(",") : value;
  return asHttp(() => {
    const whole = (name: string, text: string) => v.parseWhole(name, text, v.INPUT_NUMBER_LIMITS.whole);
    const positive = (name: string, text: string) => v.parseAtMost(name, v.parsePositive(name, text), v.INPUT_NUMBER_LIMITS.number);
    const percentile = v.parsePercentile("percentile", o.percentile!);
    const result = optimize({
      base: { model: o.model!, inputTokens: whole("input", o.input!), outputTokens: whole("output", o.output!), engine: v.parseEngine("engine", o.engine!) },
      limits: { ttftSeconds: positive("ttft", o.ttft!), tpotSeconds: positive("tpot", o.tpot!), percentile },
      accelerators: q.accelerators?.length ? q.accelerators : undefined,
      maxCount: o["max-count"] === undefined ? undefined : whole("max-count", o["max-count"]),
      precisions: o.precision === undefined ? undefined : v.parsePrecisionList("precision", o.precision),
      usdPerHour: o["usd-per-hour"] === undefined ? undefined : v.checkPriceIds("usd-per-hour", v.parsePrice("usd-per-hour", o["usd-per-hour"]), null),
      top: Math.min(100, whole("top", o.top!)),
    });
    if (!result.ok) throw httpIssues(sweepIssues(result.issues));
    return { options: o, result: result.value };
  });
}
