// Benchmark runs: what a deployment delivered at each load level, next to what the engine predicts for it.
import { formatDuration, formatRate } from "../../report/index.js";
import type { PageResult, RequestContext } from "../context.js";
import { type LevelView, runsChart, runsView } from "../data/runs-data.js";
import { html } from "../html.js";
import { chartFigure, downloads, field, form, hidden, select, table } from "../layout.js";
import { acceleratorOptions, ENGINE_OPTIONS } from "../options.js";
import { guarded, valueOf } from "./common.js";

const ratio = (measured: number, predicted: number | null | undefined) => (predicted ? `${((measured / predicted) * 100).toFixed(0)}%` : "-");

/** Fields that describe one run; they follow the run unless the user changed them for that same run. */
const RUN_FIELDS = ["model", "accelerator", "count", "engine"] as const;

/**
 * The query the page computes with: when the run changed (the hidden `for` names the run the fields were filled
 * for), the old run's model and hardware are dropped so the new run's own metadata applies.
 */
export function runsQuery(query: URLSearchParams): URLSearchParams {
  const out = new URLSearchParams(query);
  const forRun = out.get("for");
  if (forRun !== null && forRun !== (out.get("run") ?? "")) for (const name of RUN_FIELDS) out.delete(name);
  out.delete("for");
  return out;
}

export async function runsPage(request: RequestContext): Promise<PageResult> {
  const ctx = { ...request, query: runsQuery(request.query) };
  const view = await runsView(ctx).catch(() => null);
  const s = view?.selected;
  const v = valueOf(ctx.query, { run: s?.run.id ?? "", model: s?.model ?? "", accelerator: s?.accelerator ?? "h100-sxm", count: String(s?.count ?? 1), engine: s?.engine ?? "vllm" });
  const controls = form("/runs", [
    select({ name: "run", label: "Run", value: v("run"), options: (view?.runs ?? []).map((r) => ({ value: r.id, label: `${r.startedAt.slice(0, 16).replace("T", " ")} ${r.label || r.id}` })) }),
    hidden("for", v("run"), true),
    html`<div class="wide">${field({ name: "model", label: "Served model", value: v("model"), hint: "catalog id", follow: true })}</div>`,
    select({ name: "accelerator", label: "Accelerator", value: v("accelerator"), options: acceleratorOptions(), follow: true }),
    field({ name: "count", label: "Accelerators", value: v("count"), type: "number", min: "1", hint: "count", follow: true }),
    select({ name: "engine", label: "Engine", value: v("engine"), options: ENGINE_OPTIONS, follow: true }),
  ]);
  return guarded("Benchmark runs", "Runs saved by costcurve bench: measured throughput and latency per load level, against the engine's prediction for the same load.", controls, async () => {
    const runs = await runsView(ctx);
    const sel = runs.selected;
    if (!sel) {
      const where = runs.store.exists ? html`The store (${runs.store.text}) holds no benchmark runs yet.` : html`No store yet: ${runs.store.text} does not exist and neither <code>COSTCURVE_DB</code> nor <code>DATABASE_URL</code> is set.`;
      return html`<p class="empty" data-field="runs" data-value="0">${where} Run <code>costcurve bench ... --save</code> in the directory the server runs in (or with the same <code>COSTCURVE_DB</code> / <code>DATABASE_URL</code>) and the run appears here.</p>`;
    }
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
    return html`${sel.problem ? html`<p class="note">${sel.problem}</p>` : ""}${chartFigure("runs", () => runsChart(runs), Object.fromEntries(ctx.query), "Measured vs predicted chart")}${t}${downloads("runs", ctx.query, "this run's levels")}${first ? html`<p class="muted">Predicted decode is ${first.bound}-bound at the first level.</p>` : ""}`;
  });
}
