// CSV downloads: GET /api/<name>.csv answers with the rows of what GET /api/<name> returns for the same query,
// flattened one level ("parallelism.tp"), raw SI numbers (RFC 4180, src/report/csv.ts).
import { formatCsv } from "../report/index.js";
import { API_ROUTES } from "./api-routes.js";
import type { RequestContext } from "./context.js";
import { PredictQuery, predictBody, scenarioFromQuery } from "./data/predict-data.js";
import { HttpError, parseQuery } from "./http.js";

type Rows = (ctx: RequestContext) => Promise<unknown[]> | unknown[];

const field = (key: string) => async (ctx: RequestContext, route: string) => {
  const value = (await API_ROUTES[route]!(ctx)) as Record<string, unknown> | null;
  const rows = value?.[key];
  return Array.isArray(rows) ? rows : [];
};

/** Which rows each CSV holds, by the API path it mirrors. */
export const CSV_ROUTES: Record<string, Rows> = {
  predict: (ctx) => predictBody(scenarioFromQuery(parseQuery(PredictQuery.strict(), ctx.query))).predictions,
  embeddings: async (ctx) => (await API_ROUTES["/api/embeddings"]!(ctx)) as unknown[],
  frontier: async (ctx) => {
    const frontier = (await API_ROUTES["/api/frontier"]!(ctx)) as { frontiers: Record<string, unknown[]> };
    return Object.values(frontier.frontiers).flat();
  },
  optimize: (ctx) => field("rows")(ctx, "/api/optimize"),
  prices: (ctx) => field("prices")(ctx, "/api/prices"),
  bill: (ctx) => field("lines")(ctx, "/api/bill"),
  breakeven: (ctx) => field("rows")(ctx, "/api/breakeven"),
  index: (ctx) => field("points")(ctx, "/api/index"),
  runs: async (ctx) => {
    const view = (await API_ROUTES["/api/runs"]!(ctx)) as { selected: { levels: unknown[] } | null };
    return view.selected?.levels ?? [];
  },
  "kb/search": async (ctx) => (await API_ROUTES["/api/kb/search"]!(ctx)) as unknown[],
};

/** A row with nested objects spread one level into "parent.child" keys (arrays and deeper values stay JSON). */
export function flattenRow(row: unknown): Record<string, unknown> {
  if (row === null || typeof row !== "object") return { value: row };
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) {
    if (value !== null && typeof value === "object" && !Array.isArray(value)) {
      for (const [inner, innerValue] of Object.entries(value)) out[`${key}.${inner}`] = innerValue;
    } else out[key] = value;
  }
  return out;
}

/** Rows as CSV with the union of their keys as columns, in first-seen order. */
export function rowsCsv(rows: readonly unknown[]): string {
  const flat = rows.map(flattenRow);
  const keys = [...new Set(flat.flatMap((r) => Object.keys(r)))];
  return keys.length
    ? formatCsv(
        keys.map((key) => ({ key })),
        flat,
      )
    : "";
}

/** The CSV text for GET /api/<name>.csv. */
export async function csvFor(name: string, ctx: RequestContext): Promise<string> {
  const rows = CSV_ROUTES[name];
  if (!rows)
    throw new HttpError(
      404,
      `no CSV for ${name}; CSV downloads: ${Object.keys(CSV_ROUTES)
        .map((n) => `/api/${n}.csv`)
        .join(", ")}`,
    );
  return rowsCsv(await rows(ctx));
}
