// Frontier and Optimize: the sweeps behind `costcurve frontier`, parsed with the CLI's own option helpers.
import { z } from "zod";
import { computeFrontier, type Frontier } from "../../app/frontier.js";
import { optimize, type OptimizeResult } from "../../app/optimize.js";
import { defaultEngineFor } from "../../catalog/engine-defaults.js";
import { frontierChart, frontierOptions } from "../../cli/frontier.js";
import { engineOption, interactivityOption, percentileOption, positiveOption, precisionListOption, priceOption, wholeOption } from "../../cli/options.js";
import { asHttp } from "../cli-bridge.js";
import { HttpError, listParam, parseQuery } from "../http.js";

const text = z.string().max(2000).optional();

export const FRONTIER_DEFAULTS = { model: "meta-llama/Llama-3.3-70B-Instruct", accelerators: ["h100-sxm", "b200", "mi300x"], input: "1000", output: "1000", engine: defaultEngineFor("generate") };
export const FrontierParams = z.strictObject({ interactivity: text, model: text, accelerators: listParam.optional(), input: text, output: text, precision: text, counts: text, engine: text, "usd-per-hour": text });

export const OPTIMIZE_DEFAULTS = { model: "meta-llama/Llama-3.3-70B-Instruct", input: "1000", output: "1000", ttft: "2", tpot: "0.05", percentile: "99", top: "10", engine: defaultEngineFor("generate") };
export const OptimizeParams = z.strictObject({ model: text, input: text, output: text, ttft: text, tpot: text, percentile: text, accelerators: listParam.optional(), "max-count": text, precision: text, engine: text, top: text, "usd-per-hour": text });

export interface FrontierView {
  model: string;
  accelerators: string[];
  input: string;
  output: string;
  frontier: Frontier;
  /** Output tokens/s per user the summary table asks for. */
  interactivity: number;
}

/** `costcurve frontier --json` for the query (accelerators as a list or repeated checkboxes). */
export function frontierFrom(query: URLSearchParams): FrontierView {
  const q = parseQuery(FrontierParams, query);
  const model = q.model ?? FRONTIER_DEFAULTS.model;
  const accelerators = q.accelerators?.length ? q.accelerators : FRONTIER_DEFAULTS.accelerators;
  const input = q.input ?? FRONTIER_DEFAULTS.input;
  const output = q.output ?? FRONTIER_DEFAULTS.output;
  return asHttp(() => {
    const result = computeFrontier(frontierOptions({ model, accelerators, input, output, precision: q.precision, counts: q.counts, engine: q.engine ?? FRONTIER_DEFAULTS.engine, usdPerHour: q["usd-per-hour"] }));
    if (!result.ok) throw new HttpError(400, result.issues.map((i) => i.message).join("\n"));
    const interactivity = interactivityOption({ interactivity: q.interactivity }) ?? 20;
    return { model, accelerators, input, output, frontier: result.value, interactivity };
  });
}

/** The CLI's frontier chart, sized for the page. */
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
    const percentile = percentileOption("--percentile", o.percentile!);
    const result = optimize({
      base: { model: o.model!, inputTokens: wholeOption("--input", o.input!), outputTokens: wholeOption("--output", o.output!), engine: engineOption(o.engine!) },
      limits: { ttftSeconds: positiveOption("--ttft", o.ttft!), tpotSeconds: positiveOption("--tpot", o.tpot!), percentile },
      accelerators: q.accelerators?.length ? q.accelerators : undefined,
      maxCount: o["max-count"] === undefined ? undefined : wholeOption("--max-count", o["max-count"]),
      precisions: o.precision === undefined ? undefined : precisionListOption("--precision", o.precision),
      usdPerHour: o["usd-per-hour"] === undefined ? undefined : priceOption("--usd-per-hour", o["usd-per-hour"]),
      top: Math.min(100, wholeOption("--top", o.top!)),
    });
    if (!result.ok) throw new HttpError(400, result.issues.map((i) => i.message).join("\n"));
    return { options: o, result: result.value };
  });
}
