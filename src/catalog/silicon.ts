// End-to-end serving measurements on real silicon (AIConfigurator's silicon sample) as scenarios with measured TTFT/TPOT.
import type { Precision } from "../core/precision.js";
import type { FitCase } from "./host-fit.js";
import { resolveRawScenario } from "./resolve.js";

/** One measured serving configuration mapped onto the scenario contract. */
export interface SiliconRow {
  id: string;
  /** The model as published (quantized checkpoints keep their own id). */
  modelId: string;
  /** Cross-validation group: the base model, its quantized checkpoints included. */
  group: string;
  system: string;
  accelerator: string;
  engine: "trtllm" | "vllm" | "sglang";
  engineVersion: string | null;
  mode: "agg" | "disagg";
  inputTokens: number;
  outputTokens: number;
  precision: { weights: Precision; activations: Precision } | null;
  /** Aggregated rows: the layout of one engine instance and how many instances share the concurrency. */
  parallelism: { tp: number; pp: number; ep: number; dp: number };
  replicas: number;
  /** Requests in flight over all instances (the benchmark client's fixed concurrency). */
  concurrency: number;
  /** Whether the row records its concurrency (silicon_concurrency) or it is taken as batch x DP per the README. */
  concurrencyRecorded: boolean;
  /** Disaggregated rows: prefill and decode worker layouts (worker counts are absent in most rows). */
  prefill?: { tp: number; pp: number; ep: number; dp: number; workers: number | null };
  decode?: { tp: number; pp: number; ep: number; dp: number; workers: number | null };
  measuredTtftSeconds: number;
  measuredTpotSeconds: number;
}

const SYSTEMS: Record<string, string> = {
  h100_sxm: "h100-sxm",
  h200_sxm: "h200-sxm",
  b200_sxm: "b200",
  b300_sxm: "b300",
  gb200: "gb200",
  gb300: "gb300",
};

/** The base model each published id belongs to, for leave-one-model-out grouping. */
const GROUPS: Array<[RegExp, string]> = [
  [/DeepSeek-R1/i, "DeepSeek-R1"],
  [/gpt-oss-120b/i, "gpt-oss-120b"],
  [/Llama-3\.1-70B/i, "Llama-3.1-70B"],
  [/Llama-3\.1-8B/i, "Llama-3.1-8B"],
  [/Qwen3-32B/i, "Qwen3-32B"],
];

/** Splits one CSV line (the file has no quoted fields; quotes are still honoured). */
function splitCsvLine(line: string): string[] {
  const out: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      out.push(field);
      field = "";
    } else field += ch;
  }
  out.push(field);
  return out;
}

function precisionOf(precision: string, gemmMode: string): SiliconRow["precision"] {
  const mode = gemmMode || precision;
  if (mode === "") return null;
  if (/fp4/.test(mode)) return { weights: "fp4", activations: "fp4" };
  if (/fp8/.test(mode)) return { weights: "fp8", activations: "fp8" };
  if (mode === "bf16" || mode === "float16" || mode === "fp16") return { weights: "bf16", activations: "bf16" };
  throw new Error(`silicon: unknown precision ${mode}`);
}

const int = (s: string | undefined, fallback: number): number => {
  if (s === undefined || s === "") return fallback;
  const v = Number(s);
  return Number.isFinite(v) && v > 0 ? Math.round(v) : fallback;
};

/** Parses silicon-public.csv into rows; unknown systems or models are left out and counted in `skipped`. */
export function parseSiliconCsv(text: string): { rows: SiliconRow[]; skipped: Array<{ id: string; reason: string }> } {
  const lines = text.split(/\r?\n/).filter((l) => l.length > 0);
  const header = splitCsvLine(lines[0] ?? "");
  const rows: SiliconRow[] = [];
  const skipped: Array<{ id: string; reason: string }> = [];
  for (const line of lines.slice(1)) {
    const cells = splitCsvLine(line);
    const r: Record<string, string> = {};
    header.forEach((h, i) => (r[h] = cells[i] ?? ""));
    const id = r.id ?? "";
    const accelerator = SYSTEMS[r.system ?? ""];
    const group = GROUPS.find(([re]) => re.test(r.model_path ?? ""))?.[1];
    const engine = r.backend as SiliconRow["engine"];
    if (!accelerator || !group || !["trtllm", "vllm", "sglang"].includes(engine)) {
      skipped.push({ id, reason: `system ${r.system} / model ${r.model_path} / backend ${r.backend} not mapped` });
      continue;
    }
    const ttft = Number(r.silicon_ttft_ms) / 1000;
    const tpot = Number(r.silicon_tpot_ms) / 1000;
    if (!(ttft > 0) || !(tpot > 0)) {
      skipped.push({ id, reason: "no measured TTFT/TPOT" });
      continue;
    }
    const concurrencyMatch = /silicon_concurrency=(\d+)/.exec(r.silicon_data_source ?? "");
    const mode = r.mode === "disagg" ? "disagg" : "agg";
    const base = {
      id,
      modelId: r.model_path!,
      group,
      system: r.system!,
      accelerator,
      engine,
      engineVersion: r.backend_version ? r.backend_version : null,
      mode,
      inputTokens: int(r.isl, 1),
      outputTokens: int(r.osl, 1),
      precision: precisionOf(r.precision ?? "", r.gemm_quant_mode ?? ""),
      measuredTtftSeconds: ttft,
      measuredTpotSeconds: tpot,
    } as const;
    if (mode === "agg") {
      let tp = int(r.tp_size, 1);
      const pp = int(r.pp_size, 1);
      let dp = int(r.attention_dp_size, 1);
      const batch = int(r.batch_size, 1);
      const concurrency = concurrencyMatch ? Number(concurrencyMatch[1]) : batch * dp;
      // The README: concurrency = batch x attention-DP ranks. Where the DP column is blank but the concurrency is
      // batch x tp, the tp ranks ran attention data-parallel (TensorRT-LLM enable_attention_dp); any other whole
      // multiple is that many replicas of the layout.
      if (dp === 1 && tp > 1 && concurrency === batch * tp) {
        dp = tp;
        tp = 1;
      }
      const perInstance = batch * dp;
      const replicas = concurrency % perInstance === 0 && concurrency >= perInstance ? concurrency / perInstance : 1;
      const ep = Math.max(1, int(r.moe_ep_size, 1));
      rows.push({ ...base, parallelism: { tp, pp, ep, dp }, replicas, concurrency, concurrencyRecorded: concurrencyMatch !== null });
    } else {
      const layout = (p: "prefill" | "decode") => ({
        tp: int(r[`${p}_tp_size`], 1),
        pp: int(r[`${p}_pp_size`], 1),
        ep: Math.max(1, int(r[`${p}_moe_ep_size`], 1)),
        dp: int(r[`${p}_attention_dp_size`], 1),
        workers: r[`${p}_num_workers`] ? int(r[`${p}_num_workers`], 1) : null,
      });
      const decode = layout("decode");
      const concurrency = concurrencyMatch ? Number(concurrencyMatch[1]) : int(r.decode_batch_size, 1) * (decode.workers ?? 1);
      rows.push({ ...base, parallelism: { tp: decode.tp, pp: decode.pp, ep: decode.ep, dp: decode.dp }, replicas: 1, concurrency, concurrencyRecorded: concurrencyMatch !== null, prefill: layout("prefill"), decode });
    }
  }
  return { rows, skipped };
}

/** The scenario an aggregated silicon row describes (raw, to be validated like any user scenario). */
export function siliconScenario(row: SiliconRow): Record<string, unknown> {
  const { tp, pp, ep, dp } = row.parallelism;
  return {
    id: row.id,
    model: row.modelId,
    hardware: { accelerator: row.accelerator, count: tp * pp * dp * row.replicas },
    engine: row.engine,
    parallelism: { tp, pp, ep, dp },
    ...(row.precision ? { precision: row.precision } : {}),
    workload: { kind: "generate", inputTokens: row.inputTokens, outputTokens: row.outputTokens, load: { mode: "concurrency", concurrency: row.concurrency } },
  };
}

/**
 * The aggregated rows as fit cases grouped by model (mean TPOT and mean TTFT), and the rows that cannot be modeled
 * with the reason: disaggregated rows (worker counts are missing in most), unknown checkpoints, layouts that do not fit.
 */
export function siliconCases(rows: readonly SiliconRow[]): { cases: FitCase[]; unmodeled: Array<{ id: string; reason: string }> } {
  const cases: FitCase[] = [];
  const unmodeled: Array<{ id: string; reason: string }> = [];
  for (const row of rows) {
    if (row.mode !== "agg") {
      unmodeled.push({ id: row.id, reason: "disaggregated: prefill and decode worker counts are not recorded" });
      continue;
    }
    const resolved = resolveRawScenario(siliconScenario(row), row.id);
    if (!resolved.ok) {
      unmodeled.push({ id: row.id, reason: resolved.issues.map((i) => i.message).join("; ") });
      continue;
    }
    cases.push({
      id: row.id,
      group: row.group,
      engine: row.engine,
      input: resolved.value,
      measured: [
        { field: "tpotSeconds", value: row.measuredTpotSeconds },
        { field: "ttftSeconds", value: row.measuredTtftSeconds },
      ],
    });
  }
  return { cases, unmodeled };
}
