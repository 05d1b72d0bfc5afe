// Benchmark runs: what a deployment delivered at each load level, next to what the engine predicts for it.
import { formatDuration, formatRate } from "../../report/index.js";
import type { PageResult, RequestContext } from "../context.js";
import { type LevelView, runsChart, runsView } from "../data/runs-data.js";
import { html } from "../html.js";
import { chartFigure, field, form, select, table } from "../layout.js";
import { acceleratorOptions, ENGINE_OPTIONS } from "../options.js";
import { guarded, valueOf } from "./common.js";

const ratio = (measured: number, predicted: number | null | undefined) => (predicted ? `${((measured / predicted) * 100).toFixed(0)}%` : "-");

export async function runsPage(ctx: RequestContext): Promise<PageResult> {
  const view = await runsView(ctx).catch(() => null);
  const s = view?.selected;
  const v = valueOf(ctx.query, { run: s?.run.id ?? "", model: s?.model ?? "", accelerator: s?.accelerator ?? "h100-sxm", count: String(s?.count ?? 1), engine: s?.engine ?? "vllm" });
  const controls = form("/runs", [
    select({ name: "run", label: "Run", value: v("run"), options: (view?.runs ?? []).map((r) => ({ value: r.id, label: `${r.startedAt.slice(0, 16).replace("T", " ")} ${r.label || r.id}` })) }),
    html`<div class="wide">${field({ name: "model", label: "Served model", value: v("model"), hint: "catalog id" })}</div>`,
    select({ name: "accelerator", label: "Accelerator", value: v("accelerator"), options: acceleratorOptions() }),
    field({ name: "count", label: "Accelerators", value: v("count"), type: "number", min: "1", hint: "count" }),
    select({ name: "engine", label: "Engine", value: v("engine"), options: ENGINE_OPTIONS }),
  ]);
  return guarded("Benchmark runs", "Runs saved by costcurve bench: measured throughput and latency per load level, against the engine's prediction for the same load.", controls, async () => {
    const runs = await runsView(ctx);
    const sel = runs.selected;
    if (!sel) return html`<p>No benchmark runs in the store yet. Run <code>costcurve bench ... --save</code> (into <code>COSTCURVE_DB</code>, <code>DATABASE_URL</code> or ./costcurve.db) and they appear here.</p>`;
    const t = table<LevelView>(
      [
        { header: "level", cell: (l) => l.level },
        { header: "output measured", cell: (l) => formatRate(l.outputTokensPerSecond, "tokens/s"), numeric: true, value: (l) => l.outputTokensPerSecond },
        { header: "output predicted", cell: (l) => formatRate(l.predicted?.outputTokensPerSecond, "tokens/s"), numeric: true, value: (l) => l.predicted?.outputTokensPerSecond ?? null },
        { header: "measured/predicted", cell: (l) => ratio(l.outputTokensPerSecond, l.predicted?.outputTokensPerSecond), numeric: true },
        { header: "TTFT measured", cell: (l) => formatDuration(l.ttftSeconds.mean), numeric: true },
        { header: "TTFT predicted", cell: (l) => formatDuration(l.predicted?.ttftSeconds), numeric: true },
        { header: "TPOT measured", cell: (l) => formatDuration(l.tpotSeconds.mean), numeric: true },
        { header: "TPOT predicted", cell: (l) => formatDuration(l.predicted?.tpotSeconds), numeric: true },
      ],
      sel.levels,
      `${sel.run.label || sel.run.id}, started ${sel.run.startedAt}`,
    );
    const first = sel.levels.find((l) => l.predicted)?.predicted;
    return html`${sel.problem ? html`<p class="note">${sel.problem}</p>` : ""}${chartFigure("runs", () => runsChart(runs), Object.fromEntries(ctx.query), "Measured vs predicted chart")}${t}${first ? html`<p class="muted">Predicted decode is ${first.bound}-bound at the first level.</p>` : ""}`;
  });
}

