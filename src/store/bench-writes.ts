// The SQL of a benchmark run's rows (run, level summaries, request rows), shared by the store and the bench writer thread.
import type { Dialect } from "./dialect.js";
import type { NewBenchRequest, NewBenchRun } from "./store.js";

export interface SqlStatement {
  sql: string;
  params: unknown[];
}

/** Creates or replaces a run's row. */
export function benchRunWrite(d: Dialect, run: NewBenchRun): SqlStatement {
  return { sql: d.upsert("bench_runs", ["id", "started_at", "label", "metadata_json"], ["id"]), params: [run.id, run.startedAt, run.label ?? "", d.encodeJson(run.metadata)] };
}

/** Creates or replaces one level's summary. */
export function benchLevelWrite(d: Dialect, runId: string, levelIndex: number, summary: unknown): SqlStatement {
  return { sql: d.upsert("bench_levels", ["run_id", "level_index", "summary_json"], ["run_id", "level_index"]), params: [runId, levelIndex, d.encodeJson(summary)] };
}

/** One statement per request row; the same (level, seq) replaces, so a retried batch never duplicates. */
export function benchRequestWrites(d: Dialect, runId: string, rows: readonly NewBenchRequest[]): SqlStatement[] {
  const sql = d.upsert("bench_requests", ["run_id", "level_index", "seq", "data_json"], ["run_id", "level_index", "seq"]);
  return rows.map((r) => ({ sql, params: [runId, r.levelIndex, r.seq, d.encodeJson(r.data)] }));
}
