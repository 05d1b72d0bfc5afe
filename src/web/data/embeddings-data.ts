// Embeddings: accelerators compared on an embedding workload, exactly `costcurve embed --json`.
import { type EmbeddingRow, compareEmbeddings } from "../../catalog/embeddings.js";
import { embeddingQuery } from "../../cli/embed.js";
import { formatUsd, renderBarChart } from "../../report/index.js";
import { asHttp } from "../cli-bridge.js";
import { HttpError, parseQuery } from "../http.js";
import { flagParams } from "./cli-params.js";

export const EMBED_DEFAULTS = { model: "BAAI/bge-large-en-v1.5", accelerator: "h100-sxm,a100-sxm-80gb,l40s,l4,rtx-4090,mi300x", seq: "512", batch: "32", utilization: "1", engine: "tei" };
export const EmbedParams = flagParams(["model", "accelerator", "seq", "batch", "usd-per-hour", "utilization", "engine"] as const);

export interface EmbeddingsView {
  options: Record<string, string>;
  rows: EmbeddingRow[];
  warnings: string[];
}

/** Parses the query like the CLI parses flags (the same helpers), then compares. */
export function embeddingsFrom(query: URLSearchParams): EmbeddingsView {
  const q = parseQuery(EmbedParams, query);
  const o = { ...EMBED_DEFAULTS, ...Object.fromEntries(Object.entries(q).filter(([, v]) => v !== undefined)) } as Record<string, string>;
  return asHttp(() => {
    const result = compareEmbeddings(embeddingQuery({ model: o.model!, accelerator: o.accelerator!, seq: o.seq!, batch: o.batch!, usdPerHour: o["usd-per-hour"], utilization: o.utilization!, engine: o.engine! }));
    if (!result.ok) throw new HttpError(400, result.issues.map((i) => i.message).join("\n"));
    return { options: o, rows: result.value, warnings: result.warnings.map((w) => w.message) };
  });
}

/** Cost per million tokens by accelerator, cheapest first. */
export function embeddingsChart(view: EmbeddingsView): string {
  const rows = [...view.rows].sort((a, b) => a.usdPerMillionTokens - b.usdPerMillionTokens);
  return renderBarChart({
    id: "embeddings",
    title: `Embedding cost of ${view.options.model} by accelerator`,
    subtitle: `${view.options.seq} tokens per sequence, batches of ${view.options.batch}, ${view.options.engine} profile, utilization ${view.options.utilization}`,
    footnote: "Source: costcurve engine; prices: catalog rental rows (newest on-demand) unless given",
    categories: rows.map((r) => r.accelerator),
    series: [{ name: "USD per 1M tokens", values: rows.map((r) => r.usdPerMillionTokens) }],
    y: { title: "cost", unit: "USD per 1M tokens", tickFormat: (v: number) => formatUsd(v) },
    categoryTitle: "accelerator",
    valueFormat: (v: number) => formatUsd(v),
    width: 760,
    height: 400,
  });
}
