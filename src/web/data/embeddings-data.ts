// Embeddings: accelerators compared on an embedding workload, exactly `costcurve embed --json`.
import { answerEmbeddings, parseEmbeddingQuery } from "../../app/embed.js";
import type { EmbeddingRow } from "../../catalog/embeddings.js";
import { defaultEngineFor } from "../../catalog/engine-defaults.js";
import { rentalLabel } from "../../catalog/rental.js";
import { formatUsd, renderBarChart } from "../../report/index.js";
import { parseQuery } from "../http.js";
import { asHttp, httpIssues, webText } from "../input-errors.js";
import { flagParams } from "./cli-params.js";

export const EMBED_DEFAULTS = { model: "BAAI/bge-large-en-v1.5", accelerator: "h100-sxm,a100-sxm-80gb,l40s,l4,rtx-4090,mi300x", seq: "512", batch: "32", utilization: "1", engine: defaultEngineFor("embed") };
export const EmbedParams = flagParams(["model", "accelerator", "seq", "batch", "usd-per-hour", "utilization", "engine"] as const);

export interface EmbeddingsView {
  options: Record<string, string>;
  rows: EmbeddingRow[];
  /** Each row's price, named: "h100-sxm $2.69/h on-demand, RunPod Secure Cloud, 2026-05-22". */
  prices: string[];
  warnings: string[];
}

/** Parses the query with the app's parser (the CLI parses its flags with the same one), then compares. */
export function embeddingsFrom(query: URLSearchParams): EmbeddingsView {
  const q = parseQuery(EmbedParams, query);
  const o = { ...EMBED_DEFAULTS, ...Object.fromEntries(Object.entries(q).filter(([, v]) => v !== undefined)) } as Record<string, string>;
  return asHttp(() => {
    const result = answerEmbeddings(parseEmbeddingQuery({ model: o.model!, accelerator: o.accelerator!, seq: o.seq!, batch: o.batch!, usdPerHour: o["usd-per-hour"], utilization: o.utilization!, engine: o.engine! }));
    if (!result.ok) throw httpIssues(result.issues);
    const prices = Object.entries(result.value.prices).map(([id, r]) => `${id} ${rentalLabel(r)}`);
    return { options: o, rows: result.value.rows, prices, warnings: result.value.warnings.map((w) => webText(w)) };
  });
}

/** Cost per million tokens by accelerator, cheapest first. */
export function embeddingsChart(view: EmbeddingsView): string {
  const rows = [...view.rows].sort((a, b) => a.usdPerMillionTokens - b.usdPerMillionTokens);
  return renderBarChart({
    id: "embeddings",
    title: `Embedding cost of ${view.options.model} by accelerator`,
    subtitle: `${view.options.seq} tokens per sequence, batches of ${view.options.batch}, ${view.options.engine} profile, utilization ${view.options.utilization}`,
    footnote: `Source: costcurve engine; prices: ${view.prices.join("; ")}`,
    categories: rows.map((r) => r.accelerator),
    series: [{ name: "USD per 1M tokens", values: rows.map((r) => r.usdPerMillionTokens) }],
    y: { title: "cost", unit: "USD per 1M tokens", tickFormat: (v: number) => formatUsd(v) },
    categoryTitle: "accelerator",
    valueFormat: (v: number) => formatUsd(v),
    width: 760,
    height: 400,
  });
}
