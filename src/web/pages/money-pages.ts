// Prices and history, Bill, Breakeven and Margin index pages: the CLI's JSON rendered as tables and charts.
import type { BillLine } from "../../prices/bill.js";
import { formatPercent, formatSignificant, formatUsd } from "../../report/index.js";
import { tiersText } from "../../app/prices.js";
import { todayIso } from "../../app/values.js";
import { formatTokens } from "../../report/format.js";
import type { PageResult, RequestContext } from "../context.js";
import { html, sourceLink, trusted } from "../html.js";
import { chartFigure, downloads, field, form, select, table } from "../layout.js";
import { BILL_DEFAULTS, BREAKEVEN_DEFAULTS, billJson, breakevenChart, breakevenJson, indexJson, marginIndexChart, PRICES_DEFAULTS, type PriceLine, priceHistoryChart, pricesJson } from "../data/money-data.js";
import { acceleratorOptions } from "../options.js";
import { effectiveQuery, guarded, valueOf } from "./common.js";

const usdCell = (v: number | null) => (v === null ? "-" : formatUsd(v));

function priceTable(lines: PriceLine[], caption: string, id: string) {
  return table<PriceLine>(
    [
      { header: "model", cell: (l) => html`<a href="/prices?model=${encodeURIComponent(l.modelId)}&amp;provider=${encodeURIComponent(l.provider)}">${l.modelId}</a>` },
      { header: "provider", cell: (l) => l.provider },
      { header: "from", cell: (l) => l.startDate ?? "-" },
      { header: "input", unit: "USD/1M tokens", cell: (l) => usdCell(l.inputUsdPerMillionTokens), numeric: true, value: (l) => l.inputUsdPerMillionTokens },
      { header: "output", unit: "USD/1M tokens", cell: (l) => usdCell(l.outputUsdPerMillionTokens), numeric: true, value: (l) => l.outputUsdPerMillionTokens },
      { header: "cache read", unit: "USD/1M tokens", cell: (l) => usdCell(l.cacheReadUsdPerMillionTokens), numeric: true },
      { header: "cache write", unit: "USD/1M tokens", cell: (l) => usdCell(l.cacheWriteUsdPerMillionTokens), numeric: true },
      { header: "long context (in/out)", wrap: true, cell: (l) => tiersText(l.contextTiers) || "-" },
      { header: "source", cell: (l) => sourceLink(l.sourceUrl, l.sourceUrl.replace(/^https?:\/\//, "").slice(0, 40)) },
    ],
    lines,
    caption,
    { id: `prices-${id}`, sortable: true, searchable: lines.length > 10 },
  );
}

/** Prices: one model's dated history (chart + table) and every list price in force on a date. */
export async function pricesPage(ctx: RequestContext): Promise<PageResult> {
  const v = valueOf(ctx.query, { ...PRICES_DEFAULTS, at: todayIso() });
  const controls = form("/prices", [
    field({ name: "model", label: "Model", value: v("model"), hint: "API model id or name" }),
    field({ name: "at", label: "Date", value: v("at"), type: "date", hint: "prices in force" }),
    field({ name: "provider", label: "Provider", value: v("provider"), hint: "optional" }),
  ]);
  return guarded("Prices and history", "Hosted API list prices per million tokens: how one model's price moved, and every price in force on a date.", controls, async () => {
    const model = v("model");
    const at = v("at");
    const provider = v("provider");
    const base = { at, ...(provider ? { provider } : {}) };
    const history = model ? await pricesJson(ctx, new URLSearchParams({ model, history: "1", ...(provider ? { provider } : {}) })) : null;
    const all = await pricesJson(ctx, new URLSearchParams(base));
    const today = at || todayIso();
    return html`${history ? html`<h2>${history.modelId ?? model}: price history</h2>${history.prices.some((l) => l.startDate !== null) ? chartFigure("price-history", () => priceHistoryChart(history.modelId ?? model, history.prices, today), { model, ...(provider ? { provider } : {}), at: today }, "Price history chart") : html`<p class="muted">No dated price changes for this model: only the maintained price library's current row.</p>`}${priceTable(history.prices, "Every dated price row, oldest first", "history")}${downloads("prices", { model, history: "1", provider }, `the history of ${history.modelId ?? model}`)}` : ""}
<h2>All list prices on ${all.date ?? today}</h2><details${trusted(history ? "" : " open")}><summary>${all.prices.length} models${provider ? ` from ${provider}` : ""}</summary>${priceTable(all.prices, `List prices in force on ${all.date ?? today}`, "all")}</details>${downloads("prices", { at: all.date ?? today, provider }, `every price on ${all.date ?? today}`)}`;
  });
}

/** Bill: the effective hosted-API bill line by line. */
export async function billPage(ctx: RequestContext): Promise<PageResult> {
  // a field the URL leaves out (or empty) keeps its default, as in the form
  const query = effectiveQuery(ctx.query, BILL_DEFAULTS);
  const v = valueOf(query, {});
  const controls = form("/bill", [
    field({ name: "model", label: "Model", value: v("model"), hint: "API model" }),
    field({ name: "input-tokens", label: "Input", value: v("input-tokens"), hint: "tokens, e.g. 300M" }),
    field({ name: "output-tokens", label: "Output", value: v("output-tokens"), hint: "tokens" }),
    field({ name: "requests", label: "Requests", value: v("requests"), hint: "count" }),
    field({ name: "cache-hit", label: "Cache hits", value: v("cache-hit"), hint: "fraction of input, 0-1" }),
    field({ name: "cache-write", label: "Cache writes", value: v("cache-write"), hint: "fraction of input, 0-1" }),
    field({ name: "batch-share", label: "Batch tier", value: v("batch-share"), hint: "fraction of traffic, 0-1" }),
    field({ name: "context-per-request", label: "Context per request", value: v("context-per-request"), hint: "tokens" }),
    field({ name: "tokenizer-inflation", label: "Tokenizer inflation", value: v("tokenizer-inflation"), hint: "factor, e.g. 1.2" }),
    field({ name: "discount", label: "Discount", value: v("discount"), hint: "fraction, 0-1" }),
    field({ name: "overhead", label: "Overhead", value: v("overhead"), hint: "fraction, 0-1" }),
    field({ name: "at", label: "Date", value: v("at"), type: "date", hint: "default today" }),
    field({ name: "provider", label: "Provider", value: v("provider"), hint: "optional" }),
  ]);
  return guarded("Bill", "What a hosted-API workload really costs: cache reads and writes, batch tier, long-context steps, tokenizer inflation, discounts.", controls, async () => {
    const b = await billJson(ctx, query);
    const lines = table(
      [
        { header: "item", cell: (l: BillLine) => l.item },
        { header: "tokens", cell: (l: BillLine) => (l.tokens === null ? "-" : formatSignificant(l.tokens, 6)), numeric: true, value: (l: BillLine) => l.tokens },
        { header: "rate", unit: "USD/1M tokens", cell: (l: BillLine) => usdCell(l.usdPerMillionTokens), numeric: true, value: (l: BillLine) => l.usdPerMillionTokens },
        { header: "cost", unit: "USD", cell: (l: BillLine) => formatUsd(l.usd), numeric: true, value: (l: BillLine) => l.usd },
        { header: "note", wrap: true, cell: (l: BillLine) => l.note },
      ],
      b.lines,
      `${b.priceRow.modelId} (${b.priceRow.provider}), prices in force on ${b.date}`,
    );
    return html`<div class="cards">
<div class="card"><div class="k">Total</div><div class="v" data-field="totalUsd" data-value="${String(b.totalUsd)}">${formatUsd(b.totalUsd)} <span class="unit">USD</span></div></div>
<div class="card"><div class="k">Per request</div><div class="v" data-field="usdPerRequest" data-value="${String(b.usdPerRequest)}">${formatUsd(b.usdPerRequest)} <span class="unit">USD</span></div></div>
<div class="card"><div class="k">Requests</div><div class="v">${formatSignificant(b.requestCount, 6)} <span class="unit">requests</span></div></div>
</div>${lines}${downloads("bill", query, "the bill")}${b.warnings.map((w) => html`<p class="note">${w}</p>`)}<p class="muted">Source: ${sourceLink(b.priceRow.source.url)}</p>`;
  });
}

/** Breakeven: monthly volume above which renting GPUs for an open model beats an API. */
export async function breakevenPage(ctx: RequestContext): Promise<PageResult> {
  const query = effectiveQuery(ctx.query, BREAKEVEN_DEFAULTS);
  const v = valueOf(query, {});
  const controls = form("/breakeven", [
    html`<div class="wide">${field({ name: "model", label: "Open model", value: v("model"), hint: "catalog id" })}</div>`,
    select({ name: "accelerator", label: "Accelerator", value: v("accelerator"), options: acceleratorOptions() }),
    field({ name: "count", label: "Accelerators", value: v("count"), type: "number", min: "1", hint: "count" }),
    field({ name: "vs", label: "API model", value: v("vs"), hint: "e.g. gpt-4o" }),
    field({ name: "input-share", label: "Input share", value: v("input-share"), hint: "fraction of tokens, 0-1" }),
    field({ name: "usd-per-hour", label: "Rent", value: v("usd-per-hour"), hint: "USD/accelerator-hour" }),
    field({ name: "interactivity", label: "Interactivity", value: v("interactivity"), hint: "output tokens/s per user" }),
    field({ name: "at", label: "Date", value: v("at"), type: "date", hint: "prices in force" }),
  ]);
  return guarded("Breakeven", "The monthly token volume above which self-hosting an open model on rented accelerators costs less than a hosted API.", controls, async () => {
    const b = await breakevenJson(ctx, query);
    const rows = table(
      [
        { header: "utilization", cell: (r: B) => formatPercent(r.utilizationFraction, 0), numeric: true, value: (r: B) => r.utilizationFraction },
        { header: "capacity", unit: "tokens/month", cell: (r: B) => formatTokens(r.capacityTokensPerMonth), numeric: true, value: (r: B) => r.capacityTokensPerMonth },
        { header: "breakeven", unit: "tokens/month", cell: (r: B) => formatTokens(r.breakevenTokensPerMonth), numeric: true, value: (r: B) => r.breakevenTokensPerMonth },
        { header: "self-host", unit: "USD/1M tokens", cell: (r: B) => formatUsd(r.selfHostUsdPerMillionTokens), numeric: true, value: (r: B) => r.selfHostUsdPerMillionTokens },
        { header: "wins?", cell: (r: B) => (r.feasible ? "yes, above breakeven" : "no") },
      ],
      b.rows,
      "By utilization of the rented accelerators",
    );
    const u = b.breakevenUtilizationFraction;
    return html`<div class="cards">
<div class="card"><div class="k">Breakeven volume</div><div class="v" data-field="breakevenTokensPerMonth" data-value="${String(b.rows[0]?.breakevenTokensPerMonth ?? "")}">${formatTokens(b.rows[0]?.breakevenTokensPerMonth ?? 0)} <span class="unit">tokens/month</span></div></div>
<div class="card"><div class="k">Wins from</div><div class="v">${u <= 1 ? formatPercent(u, 1) : "never"} <span class="unit">utilization</span></div></div>
<div class="card"><div class="k">Fixed cost</div><div class="v">${formatUsd(b.monthlyFixedUsd)} <span class="unit">USD/month</span></div></div>
<div class="card"><div class="k">API blended</div><div class="v">${formatUsd(b.api.blendedUsdPerMillionTokens)} <span class="unit">USD/1M tokens</span></div></div>
</div>
${chartFigure("breakeven", () => breakevenChart(b), Object.fromEntries(effectiveQuery(query, {})), "Breakeven chart")}${rows}${downloads("breakeven", query, "the breakeven table")}${b.api.warnings.map((w) => html`<p class="note">${w}</p>`)}`;
  });
}
type B = { utilizationFraction: number; capacityTokensPerMonth: number; breakevenTokensPerMonth: number; selfHostUsdPerMillionTokens: number; feasible: boolean };

/** Margin index: API list price over the modeled cost floor of a matched open model, over time. */
export async function indexPage(ctx: RequestContext): Promise<PageResult> {
  const v = valueOf(ctx.query, {});
  const controls = form("/index", [
    field({ name: "model", label: "API model", value: v("model"), hint: "blank = all matched" }),
    field({ name: "from", label: "From", value: v("from"), type: "date", hint: "default 2023-03-01" }),
    field({ name: "to", label: "To", value: v("to"), type: "date", hint: "default today" }),
    field({ name: "utilization", label: "Utilization", value: v("utilization"), hint: "0-1, default 0.6" }),
    field({ name: "interactivity", label: "Interactivity", value: v("interactivity"), hint: "tokens/s per user, default 20" }),
    html`<div class="wide">${field({ name: "accelerators", label: "Accelerators", value: v("accelerators"), hint: "comma-separated ids; blank = all datacenter GPUs" })}</div>`,
  ]);
  return guarded("Margin index", "How far above the modeled cost floor providers price: list price divided by the cheapest rented configuration of a matched open model (1x = priced at cost).", controls, async () => {
    const j = await indexJson(ctx);
    const one = v("model") ? (j.points[0]?.apiModelId ?? v("model")) : null;
    const latest = new Map<string, (typeof j.points)[number]>();
    for (const p of j.points) if (!latest.has(p.apiModelId) || latest.get(p.apiModelId)!.date <= p.date) latest.set(p.apiModelId, p);
    const shown = one ? j.points : [...latest.values()].sort((a, b) => b.index - a.index);
    const last = j.composite.at(-1);
    type P = (typeof j.points)[number];
    return html`<div class="cards"><div class="card"><div class="k">Composite now</div><div class="v" data-field="composite" data-value="${last ? String(last.index) : ""}">${last ? `${formatSignificant(last.index, 3)}x` : "-"} <span class="unit">list / floor</span></div></div>
<div class="card"><div class="k">API models</div><div class="v">${latest.size} <span class="unit">priced</span></div></div></div>
${chartFigure("index", () => marginIndexChart(j, one), Object.fromEntries(ctx.query), "Margin index chart")}
${table<P>(
  [
    { header: "API model", cell: (p) => (one ? p.apiModelId : html`<a href="/index?model=${encodeURIComponent(p.apiModelId)}">${p.apiModelId}</a>`) },
    { header: "provider", cell: (p) => p.provider },
    { header: "price from", cell: (p) => p.date },
    { header: "list (blend)", unit: "USD/1M tokens", cell: (p) => formatUsd(p.blendedListUsdPerMillionTokens), numeric: true, value: (p) => p.blendedListUsdPerMillionTokens },
    { header: "open match", cell: (p) => p.openModelId },
    { header: "floor", unit: "USD/1M tokens", cell: (p) => formatUsd(p.floorUsdPerMillionTokens), numeric: true, value: (p) => p.floorUsdPerMillionTokens },
    { header: "index", unit: "list/floor", cell: (p) => `${formatSignificant(p.index, 3)}x`, numeric: true, value: (p) => p.index },
  ],
  shown,
  one ? `${one} at each price change` : "Each API model's latest price, highest index first",
)}${downloads("index", ctx.query, "every index point")}`;
  });
}
