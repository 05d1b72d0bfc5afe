// GET endpoints that return what the matching CLI command prints with --json.
import type { RequestContext } from "./context.js";
import { embeddingsFrom } from "./data/embeddings-data.js";
import { kbNode, kbSearch } from "./data/kb-data.js";
import { billJson, breakevenJson, indexJson, pricesJson } from "./data/money-data.js";
import { runsView } from "./data/runs-data.js";
import { frontierFrom, optimizeFrom } from "./data/sweep-data.js";
import { KbQuery } from "./pages/kb-page.js";
import { parseQuery } from "./http.js";
import { z } from "zod";

export type ApiRoute = (ctx: RequestContext) => Promise<unknown> | unknown;

export const API_ROUTES: Record<string, ApiRoute> = {
  "/api/prices": (ctx) => pricesJson(ctx),
  "/api/bill": (ctx) => billJson(ctx),
  "/api/breakeven": (ctx) => breakevenJson(ctx),
  "/api/index": (ctx) => indexJson(ctx),
  "/api/frontier": (ctx) => frontierFrom(ctx.query).frontier,
  "/api/optimize": (ctx) => optimizeFrom(ctx.query).result,
  "/api/embeddings": (ctx) => embeddingsFrom(ctx.query).rows,
  "/api/kb/search": (ctx) => {
    const q = parseQuery(KbQuery.strict(), ctx.query);
    return kbSearch(ctx, q.q ?? "", q.tag ?? [], q.limit);
  },
  "/api/kb/node": (ctx) => kbNode(ctx, parseQuery(z.strictObject({ id: z.string().min(1).max(200) }), ctx.query).id),
  "/api/runs": async (ctx) => {
    const view = await runsView(ctx);
    return { runs: view.runs, selected: view.selected };
  },
};
