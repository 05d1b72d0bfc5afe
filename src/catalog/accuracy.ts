// Scores predictions against published measurements: per-row errors, median and p90 per group and field.
import { z } from "zod";
import { predict } from "../core/predict.js";
import type { Prediction } from "../core/scenario.js";
import { parseScenario } from "../core/validate.js";
import { resolveScenario } from "./resolve.js";

const Measurement = z.object({
  id: z.string(),
  scenario: z.unknown(),
  expected: z.object({ field: z.string(), value: z.number() }),
  extraExpected: z.array(z.object({ field: z.string(), value: z.number() })).optional(),
  source: z.object({ url: z.string(), family: z.string().optional(), date: z.string().optional() }).passthrough(),
  notes: z.string().optional(),
});

export interface FieldScore {
  field: string;
  measured: number;
  predicted: number | null;
  /** Signed relative error (predicted - measured) / measured. */
  error: number | null;
}

export interface RowScore {
  id: string;
  group: "dense" | "embedding" | "moe" | "multi-node";
  fields: FieldScore[];
}

export interface GroupSummary {
  group: string;
  field: string;
  n: number;
  medianAbsError: number | null;
  p90AbsError: number | null;
}

export interface AccuracyReport {
  rows: RowScore[];
  summary: GroupSummary[];
  unmodeled: Array<{ id: string; reason: string }>;
}

/** Predicts every calibration row and scores each measured field; rows the engine cannot model are listed with the reason. */
export function scoreCalibration(raw: unknown, only?: string): AccuracyReport {
  const list = z.array(Measurement).parse(raw);
  const rows: RowScore[] = [];
  const unmodeled: AccuracyReport["unmodeled"] = [];
  for (const m of list) {
    if (only && !m.id.includes(only)) continue;
    const parsed = parseScenario(m.scenario, m.id);
    if (!parsed.ok) {
      unmodeled.push({ id: m.id, reason: parsed.issues.map((i) => i.message).join("; ") });
      continue;
    }
    const resolved = resolveScenario(parsed.value);
    if (!resolved.ok) {
      unmodeled.push({ id: m.id, reason: resolved.issues.map((i) => i.message).join("; ") });
      continue;
    }
    const prediction = predict(resolved.value);
    if (!prediction.fits) {
      unmodeled.push({ id: m.id, reason: `predicted not to fit: ${prediction.issues.map((i) => i.message).join("; ")}` });
      continue;
    }
    const a = resolved.value.architecture;
    const group = a.moe ? "moe" : parsed.value.hardware.count > resolved.value.accelerator.scaleUp.domainSize ? "multi-node" : a.kind === "encoder" || parsed.value.workload.kind === "embed" ? "embedding" : "dense";
    const fields = [m.expected, ...(m.extraExpected ?? [])].map((e) => scoreField(prediction, e.field, e.value));
    rows.push({ id: m.id, group, fields });
  }
  return { rows, summary: summarize(rows), unmodeled };
}

function scoreField(p: Prediction, field: string, measured: number): FieldScore {
  const value = (p as unknown as Record<string, unknown>)[field];
  const predicted = typeof value === "number" && Number.isFinite(value) ? value : null;
  return { field, measured, predicted, error: predicted === null || measured === 0 ? null : (predicted - measured) / measured };
}

function summarize(rows: RowScore[]): GroupSummary[] {
  const buckets = new Map<string, number[]>();
  const add = (key: string, v: number): void => {
    const list = buckets.get(key) ?? [];
    list.push(v);
    buckets.set(key, list);
  };
  for (const r of rows) {
    // "throughput": each row's primary measured field (output tokens/s for generation, input tokens/s for embeddings).
    const primary = r.fields[0];
    if (primary && primary.error !== null && /PerSecond$/.test(primary.field)) {
      const e = Math.abs(primary.error);
      add(`${r.group}\u0000throughput`, e);
      add(`all\u0000throughput`, e);
      add(`${r.group === "dense" || r.group === "embedding" ? "dense+embedding" : "moe+multi-node"}\u0000throughput`, e);
    }
    for (const f of r.fields) {
      if (f.error === null) continue;
      add(`${r.group}\u0000${f.field}`, Math.abs(f.error));
      add(`all\u0000${f.field}`, Math.abs(f.error));
      // The issues' targets: dense and embedding rows together; MoE and multi-node rows together.
      add(`${r.group === "dense" || r.group === "embedding" ? "dense+embedding" : "moe+multi-node"}\u0000${f.field}`, Math.abs(f.error));
    }
  }
  return [...buckets.entries()]
    .map(([key, values]) => {
      const [group, field] = key.split("\u0000") as [string, string];
      return { group, field, n: values.length, medianAbsError: quantile(values, 0.5), p90AbsError: quantile(values, 0.9) };
    })
    .sort((a, b) => (a.group === b.group ? a.field.localeCompare(b.field) : a.group === "all" ? -1 : b.group === "all" ? 1 : a.group.localeCompare(b.group)));
}

/** Linear-interpolated quantile of a non-empty list. */
export function quantile(values: number[], q: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}
