// Frontier (throughput per accelerator vs interactivity, accelerators chosen by the user) and Optimize (SLO search).
import type { FrontierPoint } from "../../app/frontier.js";
import type { OptimizeRow } from "../../app/optimize.js";
import { priceLabel } from "../../app/sweep-layouts.js";
import { ACCELERATORS } from "../../catalog/accelerators/index.js";
import { formatDuration, formatInteger, formatRate, formatSignificant, formatUsd } from "../../report/index.js";
import { bindingText } from "../../report/sweep-text.js";
import type { PageResult, RequestContext } from "../context.js";
import { FRONTIER_DEFAULTS, frontierFrom, frontierSvg, OPTIMIZE_DEFAULTS, optimizeFrom } from "../data/sweep-data.js";
import { html, trusted } from "../html.js";
import { listParam, queryObject } from "../http.js";
import { chartFigure, downloads, field, form, select, table } from "../layout.js";
import { ENGINE_OPTIONS, modelOptions } from "../options.js";
import { guarded, valueOf } from "./common.js";

function chosen(ctx: RequestContext, fallback: readonly string[]): string[] {
  const raw = queryObject(ctx.query).accelerators;
  const parsed = raw === undefined ? null : listParam.safeParse(raw);
  return parsed?.success && parsed.data.length ? parsed.data : [...fallback];
}

function acceleratorChecks(selected: readonly string[]) {
  const boxes = ACCELERATORS.filter((a) => a.kind === "gpu").map((a) => html`<label class="check"><input type="checkbox" name="accelerators" value="${a.id}"${trusted(selected.includes(a.id) ? " checked" : "")}> ${a.id}</label>`);
  return html`<fieldset><legend>Accelerators</legend>${boxes}</fieldset>`;
}

const layoutOf = (p: { tp: number; pp: number; ep: number; dp: number; replicas: number }) => `tp ${p.tp} pp ${p.pp} ep ${p.ep}${p.dp > 1 ? ` dp ${p.dp}` : ""} x${p.replicas}`;

export async function frontierPage(ctx: RequestContext): Promise<PageResult> {
  const v = valueOf(ctx.query, FRONTIER_DEFAULTS as unknown as Record<string, string>);
  const selected = chosen(ctx, FRONTIER_DEFAULTS.accelerators);
  const controls = form("/frontier", [
    html`<div class="wide">${select({ name: "model", label: "Model", value: v("model"), options: modelOptions("generate") })}</div>`,
    field({ name: "input", label: "Input", value: v("input"), type: "number", min: "1", hint: "tokens/request" }),
    field({ name: "output", label: "Output", value: v("output"), type: "number", min: "1", hint: "tokens/request" }),
    select({ name: "engine", label: "Engine", value: v("engine"), options: ENGINE_OPTIONS }),
    field({ name: "precision", label: "Weight formats", value: v("precision"), hint: "e.g. bf16,fp8; blank = all supported" }),
    field({ name: "interactivity", label: "Interactivity target", value: v("interactivity") || "20", type: "number", step: "any", hint: "tokens/s per user" }),
    acceleratorChecks(selected),
  ]);
  return guarded("Frontier", "The cost-versus-interactivity trade-off: output tokens/s per accelerator against tokens/s each user sees, the Pareto frontier over counts, parallelism, precision and concurrency.", controls, () => {
    const view = frontierFrom(ctx.query);
    const rows = Object.values(view.frontier.frontiers).flat();
    const query = {
      model: view.model,
      accelerators: view.accelerators.join(","),
      input: view.input,
      output: view.output,
      ...(ctx.query.get("precision") ? { precision: ctx.query.get("precision")! } : {}),
      ...(ctx.query.get("engine") ? { engine: ctx.query.get("engine")! } : {}),
    };
    const columns = [
      { header: "system", cell: (p: FrontierPoint) => `${p.count}x ${p.accelerator}` },
      { header: "weights", cell: (p: FrontierPoint) => p.precision },
      { header: "layout", cell: (p: FrontierPoint) => layoutOf(p) },
      { header: "concurrency", unit: "requests", cell: (p: FrontierPoint) => formatInteger(p.concurrency), numeric: true, value: (p: FrontierPoint) => p.concurrency },
      { header: "per user", unit: "tokens/s", cell: (p: FrontierPoint) => formatSignificant(p.outputTokensPerSecondPerUser, 3), numeric: true, value: (p: FrontierPoint) => p.outputTokensPerSecondPerUser },
      { header: "per accelerator", unit: "tokens/s", cell: (p: FrontierPoint) => formatSignificant(p.outputTokensPerSecondPerAccelerator, 3), numeric: true, value: (p: FrontierPoint) => p.outputTokensPerSecondPerAccelerator },
      { header: "output", unit: "USD/1M", cell: (p: FrontierPoint) => formatUsd(p.usdPerMillionOutputTokens), numeric: true, value: (p: FrontierPoint) => p.usdPerMillionOutputTokens },
      { header: "input", unit: "USD/1M", cell: (p: FrontierPoint) => (p.usdPerMillionInputTokens === null ? "-" : formatUsd(p.usdPerMillionInputTokens)), numeric: true, value: (p: FrontierPoint) => p.usdPerMillionInputTokens ?? 0 },
      { header: "TTFT mean", cell: (p: FrontierPoint) => formatDuration(p.ttftMeanSeconds), numeric: true },
      { header: "TPOT mean", cell: (p: FrontierPoint) => formatDuration(p.tpotMeanSeconds), numeric: true },
      { header: "price", wrap: true, cell: (p: FrontierPoint) => priceLabel(p.price) },
      { header: "bound", cell: (p: FrontierPoint) => p.bound },
    ];
    // per accelerator: the most throughput among frontier points that give each user at least the target speed
    const best = Object.entries(view.frontier.frontiers).flatMap(([, points]) => {
      const ok = points.filter((p) => p.outputTokensPerSecondPerUser >= view.interactivity);
      const top = ok.sort((a, b) => b.outputTokensPerSecondPerAccelerator - a.outputTokensPerSecondPerAccelerator)[0];
      return top ? [top] : [];
    });
    best.sort((a, b) => a.usdPerMillionOutputTokens - b.usdPerMillionOutputTokens);
    const passed = (name: string) => (ctx.query.get(name) ? { [name]: ctx.query.get(name)! } : {});
    return html`${chartFigure("frontier", () => frontierSvg(view), query, "Frontier chart")}${downloads("frontier", { ...query, ...passed("counts"), ...passed("usd-per-hour") }, "every frontier point")}
<h2>At ${formatSignificant(view.interactivity, 3)} output tokens/s per user or faster</h2>
${best.length ? table<FrontierPoint>(columns, best, "Each accelerator's highest-throughput frontier point meeting the target, cheapest first") : html`<p>No accelerator reaches ${view.interactivity} tokens/s per user.</p>`}
<details><summary>All ${rows.length} Pareto-optimal points (${view.frontier.evaluatedCount.toLocaleString("en-US")} evaluated)</summary>${table<FrontierPoint>(columns, rows, "Every frontier point, by accelerator and increasing interactivity")}</details>`;
  });
}

export async function optimizePage(ctx: RequestContext): Promise<PageResult> {
  const v = valueOf(ctx.query, OPTIMIZE_DEFAULTS);
  const controls = form("/optimize", [
    html`<div class="wide">${select({ name: "model", label: "Model", value: v("model"), options: modelOptions("generate") })}</div>`,
    field({ name: "input", label: "Input", value: v("input"), type: "number", min: "1", hint: "tokens/request" }),
    field({ name: "output", label: "Output", value: v("output"), type: "number", min: "1", hint: "tokens/request" }),
    field({ name: "ttft", label: "TTFT limit", value: v("ttft"), type: "number", step: "any", hint: "s" }),
    field({ name: "tpot", label: "TPOT limit", value: v("tpot"), type: "number", step: "any", hint: "s" }),
    field({ name: "percentile", label: "Percentile", value: v("percentile"), type: "number", step: "any", hint: "%" }),
    field({ name: "max-count", label: "Max accelerators", value: v("max-count"), type: "number", hint: "count" }),
    field({ name: "precision", label: "Weight formats", value: v("precision"), hint: "blank = all supported" }),
    select({ name: "engine", label: "Engine", value: v("engine"), options: ENGINE_OPTIONS }),
    field({ name: "top", label: "Show", value: v("top"), type: "number", min: "1", hint: "configurations" }),
  ]);
  return guarded("Optimize", "The cheapest configurations per million output tokens that keep TTFT and TPOT within limits at a percentile, over every datacenter accelerator, count, parallelism and precision.", controls, () => {
    const view = optimizeFrom(ctx.query);
    const best = view.result.rows[0];
    return html`${
      best
        ? html`<div class="cards">
<div class="card"><div class="k">Cheapest</div><div class="v" data-field="usdPerMillionTokens" data-value="${String(best.usdPerMillionTokens)}">${formatUsd(best.usdPerMillionTokens)} <span class="unit">USD/1M tokens</span></div></div>
<div class="card"><div class="k">Output / input</div><div class="v" data-field="usdPerMillionOutputTokens" data-value="${String(best.usdPerMillionOutputTokens)}">${formatUsd(best.usdPerMillionOutputTokens)} / ${formatUsd(best.usdPerMillionInputTokens ?? 0)} <span class="unit">USD/1M</span></div></div>
<div class="card"><div class="k">On</div><div class="v">${best.count}x ${best.accelerator} <span class="unit">${best.precision}</span></div></div>
<div class="card"><div class="k">Throughput</div><div class="v">${formatRate(best.outputTokensPerSecond, "")}<span class="unit">tokens/s</span></div></div></div>
<p class="bound">Why not a bigger batch on the cheapest system: ${bindingText(best.binding, view.result.limits)}. Every row meets p${view.result.limits.percentile} TTFT and TPOT limits under Poisson arrivals; the TTFT and TPOT columns are means; each row is the prediction for its own scenario (the JSON API returns it), cost split between input and output by busy time.</p>`
        : html`<p>No configuration meets these limits.</p>`
    }
${table<OptimizeRow>(
  [
    { header: "system", cell: (r) => `${r.count}x ${r.accelerator}` },
    { header: "rank", cell: (r) => String(view.result.rows.indexOf(r) + 1), numeric: true },
    { header: "cost", unit: "USD/1M tokens", cell: (r) => formatUsd(r.usdPerMillionTokens), numeric: true, value: (r) => r.usdPerMillionTokens },
    { header: "output", unit: "USD/1M", cell: (r) => formatUsd(r.usdPerMillionOutputTokens), numeric: true, value: (r) => r.usdPerMillionOutputTokens },
    { header: "input", unit: "USD/1M", cell: (r) => (r.usdPerMillionInputTokens === null ? "-" : formatUsd(r.usdPerMillionInputTokens)), numeric: true, value: (r) => r.usdPerMillionInputTokens ?? 0 },
    { header: "weights", cell: (r) => r.precision },
    { header: "layout", cell: (r) => layoutOf(r) },
    { header: "running", unit: "requests", cell: (r) => formatInteger(r.concurrency), numeric: true },
    { header: "throughput", unit: "tokens/s", cell: (r) => formatRate(r.outputTokensPerSecond, ""), numeric: true, value: (r) => r.outputTokensPerSecond },
    { header: "TTFT mean", cell: (r) => formatDuration(r.ttftMeanSeconds), numeric: true },
    { header: "TPOT mean", cell: (r) => formatDuration(r.tpotMeanSeconds), numeric: true },
    { header: "price", unit: "each", wrap: true, cell: (r) => priceLabel(r.price) },
    { header: "limited by", cell: (r) => r.binding },
  ],
  view.result.rows,
  `${view.result.evaluatedCount.toLocaleString("en-US")} configurations evaluated; ${view.result.unreachableCount} cannot meet the limits, ${view.result.tooSmallCount} do not fit`,
)}${downloads("optimize", view.options, "these configurations")}`;
  });
}
