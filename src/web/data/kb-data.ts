// Knowledge base: search and claim pages over the configured store (or, without one, the shipped claims in memory).
import { checkClaims, DEFAULT_MAX_AGE_DAYS, type CheckReport, type ClaimResult } from "../../kb/evaluate.js";
import { backlinksOf, searchKbNodes, seedShippedContent } from "../../kb/library.js";
import type { KbHit, KbNode } from "../../store/records.js";
import { openStore, storeConfigured } from "../../store/open-store.js";
import { withSeededStore } from "../../app/kb.js";
import { todayIso } from "../../app/values.js";
import type { Store } from "../../store/store.js";
import type { RequestContext, WebContext } from "../context.js";
import { HttpError } from "../http.js";

let memory: Promise<Store> | undefined;

/** Runs work against the store: the configured one (opened per request, like the CLI), else a seeded in-memory one. */
export async function withKbStore<T>(ctx: WebContext, work: (store: Store) => Promise<T>): Promise<T> {
  if (!storeConfigured(ctx.env)) {
    memory ??= openStore({ COSTCURVE_DB: ":memory:" }, ctx.cwd).then(async (store) => {
      await seedShippedContent(store);
      return store;
    });
    return work(await memory);
  }
  return withSeededStore(ctx.env, ctx.cwd, work);
}

const reports = new Map<string, Promise<CheckReport>>();

/** Every claim's check status today (memoized per day and store). */
export async function checkReport(ctx: RequestContext): Promise<CheckReport> {
  const todayDate = todayIso();
  const key = `${todayDate}|${ctx.env.COSTCURVE_DB ?? ""}|${ctx.env.DATABASE_URL ?? ""}`;
  let hit = reports.get(key);
  if (!hit) {
    hit = (async () => {
      const nodes = await withKbStore(ctx, (store) => store.listKbNodes());
      return checkClaims(nodes, { book: await ctx.book(), todayDate, maxAgeDays: DEFAULT_MAX_AGE_DAYS });
    })();
    reports.set(key, hit);
    hit.catch(() => reports.delete(key));
  }
  return hit;
}

/** Search hits (or every node when the query is empty), each with its claim status. */
export async function kbSearch(ctx: RequestContext, query: string, tags: string[], limit: number): Promise<Array<KbHit & { status: ClaimResult["status"] | null; tags: string[] }>> {
  const { hits, nodes } = await withKbStore(ctx, async (store) => {
    const all = await store.listKbNodes();
    const found = query.trim() === "" && tags.length === 0 ? all.map((n) => ({ id: n.id, kind: n.kind, title: n.title, score: 0, snippet: "" })) : await searchKbNodes(store, query, { tags, limit });
    return { hits: found.slice(0, limit), nodes: all };
  });
  const report = await checkReport(ctx);
  const status = new Map(report.results.map((r) => [r.id, r.status]));
  const tagsOf = new Map(nodes.map((n) => [n.id, n.tags]));
  return hits.map((h) => ({ ...h, status: status.get(h.id) ?? null, tags: tagsOf.get(h.id) ?? [] }));
}

/** One node with backlinks and its check result. */
export async function kbNode(ctx: RequestContext, id: string): Promise<{ node: KbNode; backlinks: string[]; check: ClaimResult | null }> {
  const found = await withKbStore(ctx, async (store) => {
    const node = await store.getKbNode(id);
    return node ? { node, backlinks: backlinksOf(await store.listKbNodes(), id) } : null;
  });
  if (!found) throw new HttpError(404, `kb: no node "${id}"; search at /kb`);
  const report = await checkReport(ctx);
  return { ...found, check: report.results.find((r) => r.id === id) ?? null };
}
