// The JSON API under /api: the CLI's answers for the same inputs, schema-validated.
import type { IncomingMessage, ServerResponse } from "node:http";
import { ACCELERATORS } from "../catalog/accelerators/index.js";
import { CHECKPOINTS, MODELS } from "../catalog/models/index.js";
import { formatJson, renderPng } from "../report/index.js";
import { CHARTS } from "./charts.js";
import { csvFor } from "./csv-routes.js";
import type { RequestContext } from "./context.js";
import { HttpError, parseQuery, readJson, send, sendJson } from "./http.js";
import { API_ROUTES } from "./api-routes.js";
import { PredictQuery, predictBody, scenarioFromQuery } from "./data/predict-data.js";

/** Sends exactly the text `costcurve ... --json` would print (predict adds one more newline than the others). */
function sendCliJson(res: ServerResponse, value: unknown, trailer = ""): void {
  send(res, 200, "application/json; charset=utf-8", formatJson(value) + trailer, { "Cache-Control": "no-store" });
}

export async function handleApi(req: IncomingMessage, res: ServerResponse, ctx: RequestContext): Promise<void> {
  const path = ctx.url.pathname.replace(/\/+$/, "");
  if (path === "/api/predict" && req.method === "POST") return sendCliJson(res, predictBody(await readJson(req)).value, "\n");
  if (req.method !== "GET" && req.method !== "HEAD") throw new HttpError(405, `method ${req.method ?? "?"} not allowed on ${path}${path === "/api/predict" ? "" : "; only POST /api/predict takes a body"}`);
  if (path === "/api")
    return sendJson(res, 200, {
      endpoints: Object.keys(API_ROUTES)
        .map((p) => `GET ${p}`)
        .concat(["POST /api/predict", "GET /api/predict", "GET /api/chart/<name>.svg|png", "GET /api/<name>.csv"]),
    });
  if (path === "/api/predict") return sendCliJson(res, predictBody(scenarioFromQuery(parseQuery(PredictQuery.strict(), ctx.query))).value, "\n");
  if (path === "/api/models") return sendJson(res, 200, { models: MODELS.map((m) => ({ id: m.id, name: m.name, aliases: m.aliases ?? [], source: m.source })), checkpoints: CHECKPOINTS });
  if (path === "/api/accelerators") return sendJson(res, 200, { accelerators: ACCELERATORS });
  const chart = /^\/api\/chart\/([a-z-]+)\.(svg|png)$/.exec(path);
  if (chart) {
    const render = CHARTS[chart[1]!];
    if (!render) throw new HttpError(404, `chart: no chart named "${chart[1]}"; charts: ${Object.keys(CHARTS).join(", ")}`);
    const svg = await render(ctx);
    if (chart[2] === "svg") return send(res, 200, "image/svg+xml; charset=utf-8", svg, { "Content-Disposition": `attachment; filename="${chart[1]}.svg"` });
    return send(res, 200, "image/png", renderPng(svg), { "Content-Disposition": `attachment; filename="${chart[1]}.png"` });
  }
  const csv = /^\/api\/([a-z-]+(?:\/[a-z-]+)?)\.csv$/.exec(path);
  if (csv) return send(res, 200, "text/csv; charset=utf-8", await csvFor(csv[1]!, ctx), { "Content-Disposition": `attachment; filename="${csv[1]!.replace("/", "-")}.csv"`, "Cache-Control": "no-store" });
  const handler = API_ROUTES[path];
  if (!handler) throw new HttpError(404, `no API endpoint ${path}; GET /api lists them`);
  return sendCliJson(res, await handler(ctx));
}
