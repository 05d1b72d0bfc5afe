// Charts by name for /api/chart/<name>.svg|png: the same functions the pages inline, fed the same query.
import { todayIso } from "../app/values.js";
import type { RequestContext } from "./context.js";
import { embeddingsChart, embeddingsFrom } from "./data/embeddings-data.js";
import { breakevenChart, breakevenJson, indexJson, marginIndexChart, priceHistoryChart, pricesJson } from "./data/money-data.js";
import { PredictQuery, predictBody, scenarioFromQuery } from "./data/predict-data.js";
import { rooflineChart, rooflineOf } from "./data/roofline.js";
import { runsChart, runsView } from "./data/runs-data.js";
import { frontierFrom, frontierSvg } from "./data/sweep-data.js";
import { HttpError, parseQuery } from "./http.js";

export type ChartRoute = (ctx: RequestContext) => Promise<string> | string;

export const CHARTS: Record<string, ChartRoute> = {
  roofline(ctx) {
    const { inputs, evaluations } = predictBody(scenarioFromQuery(parseQuery(PredictQuery, ctx.query)));
    const roof = rooflineOf(inputs[0]!, evaluations[0]);
    if (!roof) throw new HttpError(400, "roofline: the accelerator has no compute rate for these precisions");
    return rooflineChart(roof);
  },
  embeddings: (ctx) => embeddingsChart(embeddingsFrom(ctx.query)),
  async "price-history"(ctx) {
    const model = ctx.query.get("model") ?? "gpt-4o";
    const provider = ctx.query.get("provider");
    const history = await pricesJson(ctx, new URLSearchParams({ model, history: "1", ...(provider ? { provider } : {}) }));
    return priceHistoryChart(history.modelId ?? model, history.prices, ctx.query.get("at") ?? todayIso());
  },
  breakeven: async (ctx) => breakevenChart(await breakevenJson(ctx)),
  async index(ctx) {
    const j = await indexJson(ctx);
    return marginIndexChart(j, ctx.query.get("model") ? (j.points[0]?.apiModelId ?? null) : null);
  },
  runs: async (ctx) => runsChart(await runsView(ctx)),
  frontier: (ctx) => frontierSvg(frontierFrom(ctx.query)),
};
