// Knowledge base: search with check status badges, and claim pages with each check's computed vs claimed value.
import { renderNodeHtml, renderSnippet } from "../../kb/render.js";
import type { ClaimResult } from "../../kb/evaluate.js";
import type { PageResult, RequestContext } from "../context.js";
import { checkReport, kbNode, kbSearch } from "../data/kb-data.js";
import { html, trusted } from "../html.js";
import { HttpError, listParam, parseQuery } from "../http.js";
import { downloads, field, form, table } from "../layout.js";
import { z } from "zod";
import { guarded, valueOf } from "./common.js";

export const KbQuery = z.object({ q: z.string().max(500).optional(), tag: listParam.optional(), limit: z.coerce.number().int().min(1).max(200).default(50) });

const LABELS: Record<string, string> = { holds: "holds", fails: "fails", stale: "stale", unchecked: "no checks", known_failure: "known failure" };

/** A coloured status pill (text, not colour alone, carries the meaning). */
export function statusBadge(status: ClaimResult["status"] | "known_failure" | null): ReturnType<typeof html> {
  const s = status ?? "unchecked";
  return html`<span class="status status-${s === "known_failure" ? "stale" : s}">${LABELS[s] ?? s}</span>`;
}

export async function kbSearchPage(ctx: RequestContext): Promise<PageResult> {
  const v = valueOf(ctx.query, {});
  const controls = form("/kb", [html`<div class="wide">${field({ name: "q", label: "Search", value: v("q"), type: "search", hint: "words" })}</div>`, field({ name: "tag", label: "Tag", value: v("tag"), hint: "optional" })]);
  return guarded("Knowledge base", "Claims, theses and readings about AI economics; numeric claims are re-checked by the engine and the price book every day.", controls, async () => {
    const q = parseQuery(KbQuery, ctx.query);
    const hits = await kbSearch(ctx, q.q ?? "", q.tag ?? [], q.limit);
    const report = await checkReport(ctx);
    type H = (typeof hits)[number];
    const summary = html`<div class="cards">
<div class="card"><div class="k">Claims</div><div class="v">${report.claims} <span class="unit">${report.withChecks} with checks</span></div></div>
<div class="card"><div class="k">Hold</div><div class="v" data-field="holds" data-value="${String(report.holds)}">${report.holds} <span class="unit">claims</span></div></div>
<div class="card"><div class="k">Fail</div><div class="v" data-field="fails" data-value="${String(report.fails)}">${report.fails} <span class="unit">claims</span></div></div>
<div class="card"><div class="k">Stale</div><div class="v">${report.stale} <span class="unit">sources over ${report.maxAgeDays} days</span></div></div></div>`;
    if (hits.length === 0) return html`${summary}<p>No matches.</p>`;
    return html`${summary}${table<H>(
      [
        { header: "status", cell: (h) => statusBadge(h.status) },
        { header: "title", wrap: true, cell: (h) => html`<a href="/kb/${encodeURIComponent(h.id)}">${h.title}</a>${h.snippet ? html`<br><span class="muted">${trusted(renderSnippet(h.snippet))}</span>` : ""}` },
        { header: "kind", cell: (h) => h.kind },
        { header: "tags", cell: (h) => h.tags.join(", ") },
      ],
      hits,
      `${hits.length} node${hits.length === 1 ? "" : "s"}`,
    )}${downloads("kb/search", { q: q.q, tag: q.tag?.join(","), limit: q.limit }, "these results")}`;
  });
}

export async function kbNodePage(ctx: RequestContext): Promise<PageResult> {
  const id = decodeURIComponent(ctx.url.pathname.slice("/kb/".length));
  if (!/^[a-z0-9][a-z0-9._-]*$/.test(id)) throw new HttpError(404, `kb: no node "${id}"`);
  const { node, backlinks, check } = await kbNode(ctx, id);
  const checks = check?.checks ?? [];
  type C = (typeof checks)[number];
  const article = trusted(renderNodeHtml(node, backlinks, { nodeHref: (other) => `/kb/${encodeURIComponent(other)}` }));
  return {
    title: node.title,
    main: html`<p><a href="/kb">← Knowledge base</a></p><p>Check status: ${statusBadge(check?.status ?? null)}${check?.newestSourceDate ? html` <span class="muted">newest source ${check.newestSourceDate}</span>` : ""}</p>
<section id="results"><div class="kb-body">${article}</div>${
      checks.length
        ? html`<h2>Checks</h2>${table<C>(
            [
              { header: "check", cell: (c) => c.name ?? `check ${c.index + 1}` },
              { header: "status", cell: (c) => statusBadge(c.status) },
              { header: "claimed", wrap: true, cell: (c) => c.claimed },
              { header: "computed now", wrap: true, cell: (c) => c.message },
            ],
            checks,
            "Re-computed today by the costcurve engine and price book",
          )}`
        : ""
    }</section>`,
  };
}
