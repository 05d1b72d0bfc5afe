// Embeddings: which accelerator embeds text cheapest, and whether compute or weight loading binds.
import { formatDuration, formatRate, formatSignificant, formatUsd } from "../../report/index.js";
import type { PageResult, RequestContext } from "../context.js";
import { embeddingsChart, embeddingsFrom, EMBED_DEFAULTS } from "../data/embeddings-data.js";
import { html } from "../html.js";
import { HttpError, queryObject } from "../http.js";
import { chartFigure, downloads, errorBox, field, form, heading, select, table } from "../layout.js";
import { ENGINE_OPTIONS, modelOptions } from "../options.js";
import type { EmbeddingRow } from "../../catalog/embeddings.js";

export function embeddingsPage(ctx: RequestContext): PageResult {
  const title = "Embeddings";
  const raw = queryObject(ctx.query);
  const v = (k: keyof typeof EMBED_DEFAULTS | "usd-per-hour") => (typeof raw[k] === "string" ? (raw[k] as string) : ((EMBED_DEFAULTS as Record<string, string>)[k] ?? ""));
  const controls = form("/embeddings", [
    html`<div class="wide">${select({ name: "model", label: "Embedding model", value: v("model"), options: modelOptions("embed") })}</div>`,
    html`<div class="wide">${field({ name: "accelerator", label: "Accelerators", value: v("accelerator"), hint: "comma-separated ids" })}</div>`,
    field({ name: "seq", label: "Sequence", value: v("seq"), type: "number", min: "1", hint: "tokens" }),
    field({ name: "batch", label: "Batch", value: v("batch"), type: "number", min: "1", hint: "sequences" }),
    select({ name: "engine", label: "Engine", value: v("engine"), options: ENGINE_OPTIONS }),
    field({ name: "utilization", label: "Utilization", value: v("utilization"), type: "number", step: "any", hint: "0-1" }),
    field({ name: "usd-per-hour", label: "Price", value: v("usd-per-hour"), hint: "USD/h, or id=usd pairs; blank = catalog" }),
  ]);
  const lead = "Embedding is one forward pass per sequence: compute-bound at any useful batch, so FLOP/s per dollar decides.";
  try {
    const view = embeddingsFrom(ctx.query);
    const rows = [...view.rows].sort((a, b) => a.usdPerMillionTokens - b.usdPerMillionTokens);
    const t = table<EmbeddingRow>(
      [
        { header: "accelerator", cell: (r) => `${r.name} (${r.accelerator})` },
        { header: "compute per batch", cell: (r) => formatDuration(r.computeSeconds), numeric: true, value: (r) => r.computeSeconds },
        { header: "weight load", cell: (r) => formatDuration(r.weightLoadSeconds), numeric: true, value: (r) => r.weightLoadSeconds },
        { header: "bound", cell: (r) => r.bound },
        { header: "throughput", cell: (r) => formatRate(r.tokensPerSecond, "tokens/s"), numeric: true, value: (r) => r.tokensPerSecond },
        { header: "price", unit: "USD/h", cell: (r) => formatUsd(r.usdPerHour), numeric: true, value: (r) => r.usdPerHour },
        { header: "cost", unit: "USD per 1M tokens", cell: (r) => formatUsd(r.usdPerMillionTokens), numeric: true, value: (r) => r.usdPerMillionTokens },
        { header: "achieved TFLOP/s per USD/h", cell: (r) => formatSignificant(r.achievedTflopsPerUsdHour, 3), numeric: true, value: (r) => r.achievedTflopsPerUsdHour },
      ],
      rows,
      "Accelerators, cheapest per token first",
    );
    const query = Object.fromEntries(Object.entries(view.options));
    return {
      title,
      main: html`${heading(title, lead)}${controls}<section id="results" aria-live="polite">${chartFigure("embeddings", () => embeddingsChart(view), query, "Embedding cost chart")}${t}${downloads("embeddings", query, "the comparison")}${view.warnings.map((w) => html`<p class="note">${w}</p>`)}</section>`,
    };
  } catch (error) {
    if (!(error instanceof HttpError)) throw error;
    return { title, status: error.status, main: html`${heading(title, lead)}${controls}<section id="results" aria-live="polite">${errorBox(error.message)}</section>` };
  }
}
