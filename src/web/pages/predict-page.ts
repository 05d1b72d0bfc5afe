// Predict: a scenario form -> throughput, latency, cost, the binding resource explained, and the roofline picture.
import { ENGINE_OPTIONS, PRECISION_OPTIONS, acceleratorOptions, modelOptions } from "../options.js";
import type { PredictInput } from "../../core/predict.js";
import type { Prediction } from "../../core/scenario.js";
import type { PredictionEvaluation } from "../../core/evaluation.js";
import { defaultEngineFor } from "../../catalog/engine-defaults.js";
import { explainBound } from "../../report/bound-text.js";
import { formatDuration, formatInteger, formatJson, formatRate, formatUsd } from "../../report/index.js";
import type { RequestContext, PageResult } from "../context.js";
import { html, type Trusted } from "../html.js";
import { HttpError, parseQuery, queryObject } from "../http.js";
import { chartFigure, downloads, errorBox, field, form, heading, select } from "../layout.js";
import { defaultUsd, formFieldMessage, PredictQuery, predictBody, scenarioFromQuery } from "../data/predict-data.js";
import { rooflineChart, rooflineOf } from "../data/roofline.js";

function predictForm(q: Record<string, unknown>, p: Partial<PredictQuery>): Trusted {
  const v = (name: string, fallback: string | number | undefined) => (typeof q[name] === "string" ? (q[name] as string) : fallback);
  return form(
    "/predict",
    [
      html`<div class="wide">${select({ name: "model", label: "Model", value: String(v("model", p.model)), options: modelOptions() })}</div>`,
      select({ name: "accelerator", label: "Accelerator", value: String(v("accelerator", p.accelerator)), options: acceleratorOptions() }),
      field({ name: "count", label: "Accelerators", value: v("count", p.count), type: "number", min: "1", step: "1", hint: "count" }),
      select({ name: "engine", label: "Engine", value: String(v("engine", p.engine ?? defaultEngineFor(p.kind ?? "generate"))), options: ENGINE_OPTIONS }),
      select({ name: "weights", label: "Weights", value: String(v("weights", p.weights)), options: PRECISION_OPTIONS }),
      select({ name: "activations", label: "Activations", value: String(v("activations", p.activations)), options: PRECISION_OPTIONS }),
      select({ name: "kv", label: "KV cache", value: String(v("kv", p.kv)), options: PRECISION_OPTIONS }),
      select({ name: "kind", label: "Workload", value: String(v("kind", p.kind)), options: ["generate", "embed"] }),
      field({ name: "input", label: "Input", value: v("input", p.input), type: "number", min: "0", hint: "tokens/request" }),
      field({ name: "output", label: "Output", value: v("output", p.output), type: "number", min: "0", hint: "tokens/request" }),
      select({
        name: "mode",
        label: "Load",
        value: String(v("mode", p.mode)),
        options: [
          { value: "concurrency", label: "fixed concurrency" },
          { value: "offline", label: "offline (max throughput)" },
          { value: "slo", label: "latency SLO" },
        ],
      }),
      field({ name: "concurrency", label: "Concurrency", value: v("concurrency", p.concurrency), type: "number", min: "1", hint: "requests in flight" }),
      field({ name: "ttft", label: "SLO TTFT", value: v("ttft", p.ttft), type: "number", step: "any", hint: "s" }),
      field({ name: "tpot", label: "SLO TPOT", value: v("tpot", p.tpot), type: "number", step: "any", hint: "s" }),
      field({ name: "percentile", label: "SLO percentile", value: v("percentile", p.percentile), type: "number", step: "any", hint: "%" }),
      field({ name: "usd", label: "Price", value: v("usd", p.usd), type: "number", step: "any", hint: "USD/accelerator-hour; blank = catalog rent", placeholder: String(defaultUsd(String(v("accelerator", p.accelerator))) ?? "") }),
      field({ name: "utilization", label: "Utilization", value: v("utilization", p.utilization), type: "number", step: "any", min: "0", max: "1", hint: "0-1" }),
    ],
    "Load fields apply to their mode; the URL keeps the whole form.",
  );
}

/** An engine issue in the form's words: a scenario path becomes the form field that sets it. */
function issueText(issue: Prediction["issues"][number]): string {
  return typeof issue.field === "string" ? formFieldMessage(`scenario.${issue.message}`) : issue.message;
}

const CARDS: Array<{ key: keyof Prediction; label: string; text: (p: Prediction) => string }> = [
  { key: "outputTokensPerSecond", label: "Output throughput", text: (p) => formatRate(p.outputTokensPerSecond, "tokens/s") },
  { key: "inputTokensPerSecond", label: "Input throughput", text: (p) => formatRate(p.inputTokensPerSecond, "tokens/s") },
  { key: "ttftSeconds", label: "Time to first token", text: (p) => formatDuration(p.ttftSeconds) },
  { key: "tpotSeconds", label: "Time per output token", text: (p) => formatDuration(p.tpotSeconds) },
  { key: "usdPerMillionOutputTokens", label: "Cost per 1M output", text: (p) => (p.usdPerMillionOutputTokens === null ? "-" : `${formatUsd(p.usdPerMillionOutputTokens)} USD`) },
  { key: "usdPerMillionInputTokens", label: "Cost per 1M input", text: (p) => (p.usdPerMillionInputTokens === null ? "-" : `${formatUsd(p.usdPerMillionInputTokens)} USD`) },
  { key: "concurrency", label: "Concurrency", text: (p) => (p.concurrency === null ? "-" : `${formatInteger(p.concurrency)} requests`) },
  { key: "e2eSeconds", label: "Request latency (E2E)", text: (p) => formatDuration(p.e2eSeconds) },
  { key: "requestsPerSecond", label: "Requests", text: (p) => formatRate(p.requestsPerSecond, "req/s") },
  { key: "kwhPerMillionTokens", label: "Energy per 1M tokens", text: (p) => (p.kwhPerMillionTokens === null ? "-" : `${p.kwhPerMillionTokens.toPrecision(3)} kWh`) },
];

/** The result block (also used by tests through the page): cards with data-field/data-value, the bound, the roofline. */
function results(p: Prediction, input: PredictInput, scenario: unknown, query: Record<string, string | number | undefined>, ev?: PredictionEvaluation): Trusted {
  const cards = CARDS.map((c) => {
    const raw = p[c.key];
    const text = c.text(p);
    const space = text.indexOf(" ");
    const shown = space > 0 ? html`${text.slice(0, space)} <span class="unit">${text.slice(space + 1)}</span>` : text;
    return html`<div class="card"><div class="k">${c.label}</div><div class="v" data-field="${c.key}" data-value="${raw === null || raw === undefined ? "null" : String(raw)}">${shown}</div></div>`;
  });
  const par = p.parallelism;
  const roof = rooflineOf(input, ev);
  return html`<div class="cards">${cards}</div>
<p class="bound" data-field="bound" data-value="${p.bound ?? "null"}">${explainBound(p, input, ev)}</p>
<p class="muted">${p.fits ? "Fits in memory" : "Does not fit"}; parallelism ${par ? `tp ${par.tp}, pp ${par.pp}, ep ${par.ep}, ${par.replicas} replica(s)` : "-"}; ${input.accelerator.name}, ${input.precisions.weights} weights, ${input.precisions.kvCache} KV cache${input.scenario.pricing ? `; ${formatUsd(input.scenario.pricing.usdPerAcceleratorHour)} USD per accelerator-hour at ${input.scenario.pricing.utilization * 100}% utilization` : ""}.</p>
${p.fits ? p.issues.map((i) => html`<p class="note">! ${issueText(i)}</p>`) : html`<div class="error" role="alert" data-field="issue" data-value="${p.issues[0]?.code ?? "does_not_fit"}"><strong>Does not fit:</strong> <span class="message">${p.issues.map(issueText).join("\n") || "no layout of these accelerators holds the model"}</span></div>`}
${roof ? chartFigure("roofline", () => rooflineChart(roof), query, "Roofline chart") : ""}
${downloads("predict", query, "this prediction")}
<h2>Scenario</h2>
<p class="muted">The same file gives the same numbers from the CLI: <code>costcurve predict scenario.json --json</code>.</p>
<pre id="scenario-json" tabindex="0" aria-label="Scenario JSON">${formatJson(scenario)}</pre>
<details><summary>Prediction JSON (what <code>costcurve predict --json</code> prints)</summary><pre id="prediction-json" tabindex="0" aria-label="Prediction JSON">${formatJson(p)}</pre></details>`;
}

export function predictPage(ctx: RequestContext): PageResult {
  const raw = queryObject(ctx.query);
  const title = "Predict";
  const lead = "Throughput, latency and cost of serving a model on an accelerator at a load, and which resource binds.";
  let q: PredictQuery;
  try {
    q = parseQuery(PredictQuery, ctx.query);
  } catch (error) {
    if (!(error instanceof HttpError)) throw error;
    return { title, status: 400, main: html`${heading(title, lead)}${predictForm(raw, PredictQuery.parse({}))}<section id="results" aria-live="polite">${errorBox(error.message)}</section>` };
  }
  const scenario = scenarioFromQuery(q);
  try {
    const { predictions, inputs, evaluations } = predictBody(scenario);
    const query = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
    return { title, main: html`${heading(title, lead)}${predictForm(raw, q)}<section id="results" aria-live="polite">${results(predictions[0]!, inputs[0]!, scenario, query, evaluations[0])}</section>` };
  } catch (error) {
    if (!(error instanceof HttpError)) throw error;
    return { title, status: 400, main: html`${heading(title, lead)}${predictForm(raw, q)}<section id="results" aria-live="polite">${errorBox(error.message.split("\n").map(formFieldMessage).join("\n"))}</section>` };
  }
}
