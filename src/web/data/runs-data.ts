// Benchmark runs from the store, each load level next to the engine's prediction for the same load.
import { z } from "zod";
import { predict } from "../../core/predict.js";
import type { Prediction } from "../../core/scenario.js";
import { formatSi, renderBarChart } from "../../report/index.js";
import type { BenchRunRecord } from "../../store/records.js";
import type { RequestContext } from "../context.js";
import { HttpError, parseQuery } from "../http.js";
import { existsSync } from "node:fs";
import { DEFAULT_DB_FILE, storeConfig, storeConfigured, withStore } from "../../store/open-store.js";
import type { Store } from "../../store/store.js";
import { resolveForWeb } from "./predict-data.js";

export const RunsQuery = z.object({
  run: z.string().max(200).optional(),
  model: z.string().max(200).optional(),
  accelerator: z.string().max(100).optional(),
  count: z.coerce.number().int().positive().optional(),
  engine: z.enum(["vllm", "sglang", "trtllm", "llamacpp", "tei", "other"]).optional(),
});

/** The parts of a level summary the page reads (the store keeps summaries as JSON). */
const Level = z.object({
  level: z.string(),
  load: z.union([z.object({ kind: z.literal("concurrency"), concurrency: z.number() }), z.object({ kind: z.literal("rate"), requestsPerSecond: z.number() })]),
  requestsCompleted: z.number(),
  outputTokensPerSecond: z.number(),
  totalInputTokens: z.number(),
  totalOutputTokens: z.number(),
  ttftSeconds: z.object({ mean: z.number().nullable(), p99: z.number().nullable() }),
  tpotSeconds: z.object({ mean: z.number().nullable(), p99: z.number().nullable() }),
});
export type LevelView = z.infer<typeof Level> & { predicted: Prediction | null };

export interface RunsView {
  /** Where runs are read from, as the empty state names it: the configured store or ./costcurve.db like the CLI. */
  store: { text: string; exists: boolean };
  runs: BenchRunRecord[];
  selected: { run: BenchRunRecord; model: string; accelerator: string; count: number; engine: string; levels: LevelView[]; problem: string | null } | null;
}

function metaString(metadata: unknown, key: string): string | undefined {
  const value = (metadata as Record<string, unknown> | null)?.[key];
  return typeof value === "string" ? value : undefined;
}

/** The store `bench --save` writes to: DATABASE_URL, COSTCURVE_DB, else ./costcurve.db in the working directory. */
export function runsStore(ctx: RequestContext): RunsView["store"] {
  if (storeConfigured(ctx.env)) return { text: ctx.env.DATABASE_URL ? "DATABASE_URL" : `COSTCURVE_DB (${ctx.env.COSTCURVE_DB})`, exists: true };
  const config = storeConfig({}, ctx.cwd);
  const path = config.kind === "sqlite" ? config.path : DEFAULT_DB_FILE;
  return { text: `./${DEFAULT_DB_FILE} (${path})`, exists: existsSync(path) };
}

/** Runs work on the bench store; a default ./costcurve.db that does not exist yet is not created (null). */
async function withRunsStore<T>(ctx: RequestContext, work: (store: Store) => Promise<T>): Promise<T | null> {
  if (storeConfigured(ctx.env)) return withStore(ctx.env, ctx.cwd, work);
  return runsStore(ctx).exists ? withStore({}, ctx.cwd, work) : null;
}

/** Lists runs; for the chosen one (default: newest), predicts each concurrency level on the chosen hardware. */
export async function runsView(ctx: RequestContext): Promise<RunsView> {
  const q = parseQuery(RunsQuery, ctx.query);
  const store = runsStore(ctx);
  const runs = (await withRunsStore(ctx, (s) => s.listBenchRuns())) ?? [];
  runs.sort((a, b) => (a.startedAt < b.startedAt ? 1 : -1));
  const id = q.run ?? runs[0]?.id;
  if (!id) return { store, runs, selected: null };
  const found = await withRunsStore(ctx, (s) => s.getBenchRun(id));
  if (!found) throw new HttpError(404, `run: no benchmark run "${id}"`);
  const hardware = (found.run.metadata as { hardware?: { accelerator?: string; count?: number } } | null)?.hardware;
  const model = q.model ?? metaString(found.run.metadata, "model") ?? "";
  const accelerator = q.accelerator ?? hardware?.accelerator ?? "h100-sxm";
  const count = q.count ?? hardware?.count ?? 1;
  const engine = q.engine ?? metaString(found.run.metadata, "engine") ?? "vllm";
  let problem: string | null = null;
  const levels: LevelView[] = [];
  for (const record of found.levels.sort((a, b) => a.levelIndex - b.levelIndex)) {
    const parsed = Level.safeParse(record.summary);
    if (!parsed.success) continue;
    const l = parsed.data;
    let predicted: Prediction | null = null;
    if (l.load.kind === "concurrency" && l.requestsCompleted > 0 && !problem) {
      try {
        const [input] = resolveForWeb({
          model,
          hardware: { accelerator, count },
          engine,
          workload: {
            kind: "generate",
            inputTokens: Math.max(1, Math.round(l.totalInputTokens / l.requestsCompleted)),
            outputTokens: Math.max(1, Math.round(l.totalOutputTokens / l.requestsCompleted)),
            load: { mode: "concurrency", concurrency: l.load.concurrency },
          },
        });
        predicted = predict(input!);
      } catch (error) {
        if (!(error instanceof HttpError)) throw error;
        problem = `${error.message.replace(/^scenario\./, "")} (choose the served model and hardware above to compare with a prediction)`;
      }
    }
    levels.push({ ...l, predicted });
  }
  return { store, runs, selected: { run: found.run, model, accelerator, count, engine, levels, problem } };
}

/** Measured vs predicted output throughput by level. */
export function runsChart(view: RunsView): string {
  const s = view.selected;
  const levels = s?.levels ?? [];
  return renderBarChart({
    id: "runs",
    title: `Measured vs predicted: ${s?.run.label || s?.run.id || "no run"}`,
    subtitle: s ? `${s.model || "model ?"} on ${s.count}x ${s.accelerator} (${s.engine} profile)` : "",
    footnote: "Measured: costcurve bench run in the store; predicted: costcurve engine for the same concurrency and mean token counts",
    width: 760,
    height: 380,
    categories: levels.map((l) => l.level),
    series: [
      { name: "measured", values: levels.map((l) => l.outputTokensPerSecond), color: "#2563eb" },
      { name: "predicted", values: levels.map((l) => l.predicted?.outputTokensPerSecond ?? null), color: "#f59e0b" },
    ],
    y: { title: "output throughput", unit: "tokens/s", tickFormat: (v) => formatSi(v, 3) },
    categoryTitle: "load level",
    valueFormat: (v) => formatSi(v, 3),
    legend: true,
  });
}
