/**
 * `vllm bench serve --save-result` JSON, both ways. Field names, units (milliseconds for latencies, seconds for
 * duration), the statistics (numpy mean, median, population std, linear-interpolated percentiles, each taken as 0
 * when no request produced the metric) and request_goodput null without SLOs follow vLLM's benchmark client,
 * vllm/benchmarks/serve.py (vllm-project/vllm: calculate_metrics, process_one_metric and main_async's result_json;
 * default --metric-percentiles "99" and --percentile-metrics "ttft,tpot,itl" for generative models).
 */
import { z } from "zod";
import type { Endpoint, LatencyStats, LevelSummary, LoadLevel, RequestRecord } from "./schemas.js";

const MS_PER_SECOND = 1000;
/** vLLM's default --metric-percentiles. */
export const VLLM_DEFAULT_PERCENTILES = [99] as const;
const METRICS = ["ttft", "tpot", "itl", "e2el"] as const;
type Metric = (typeof METRICS)[number];

const num = z.number();
/** The fields costcurve reads from a --save-result file; every other field vLLM writes is kept but not read. */
export const VllmResult = z.looseObject({
  date: z.string().optional(),
  backend: z.string().optional(),
  endpoint_type: z.string().optional(),
  label: z.string().nullable().optional(),
  model_id: z.string(),
  tokenizer_id: z.string().nullable().optional(),
  num_prompts: z.number().int().optional(),
  request_rate: z.union([num, z.literal("inf")]),
  burstiness: num.optional(),
  max_concurrency: z.number().int().positive().nullable().optional(),
  duration: num,
  completed: z.number().int(),
  failed: z.number().int().optional(),
  total_input_tokens: z.number().int(),
  total_output_tokens: z.number().int(),
  request_throughput: num,
  request_goodput: num.nullable().optional(),
  output_throughput: num,
  total_token_throughput: num,
});
export type VllmResult = z.infer<typeof VllmResult>;

/** numpy.percentile's default (linear interpolation between closest ranks) of sorted values. */
function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const rank = (p / 100) * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (rank - low);
}

/** mean, median, population std and percentiles in ms, numpy-style ("or 0": an empty list gives 0s). */
function statsMs(valuesSeconds: readonly number[], percentiles: readonly number[]): { mean: number; median: number; std: number; at: Array<[number, number]> } {
  const values = valuesSeconds.length === 0 ? [0] : valuesSeconds;
  const sorted = [...values].sort((a, b) => a - b);
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / values.length;
  return {
    mean: mean * MS_PER_SECOND,
    median: percentile(sorted, 50) * MS_PER_SECOND,
    std: Math.sqrt(variance) * MS_PER_SECOND,
    at: percentiles.map((p) => [p, percentile(sorted, p) * MS_PER_SECOND]),
  };
}

/** vLLM's key for a percentile: p99, p99.9 (integers without a decimal point, as JavaScript prints them too). */
const percentileWord = (p: number): string => String(p);

export interface VllmExportOptions {
  model: string;
  /** costcurve's endpoint becomes vLLM's backend name (openai-chat, openai, openai-embeddings). */
  endpoint: Endpoint;
  /** vLLM's `date` format, YYYYMMDD-HHMMSS. */
  date: string;
  label?: string | null;
  tokenizerId?: string | null;
  burstiness?: number;
  percentiles?: readonly number[];
}

const BACKENDS: Record<Endpoint, string> = { chat: "openai-chat", completions: "openai", embeddings: "openai-embeddings" };

/** One load level as a --save-result object, computed from its request records as vLLM computes it. */
export function toVllmResult(summary: LevelSummary, records: readonly RequestRecord[], options: VllmExportOptions): Record<string, unknown> {
  const ok = records.filter((r) => r.ok);
  const duration = summary.durationSeconds;
  const totalInput = ok.reduce((s, r) => s + r.inputTokens, 0);
  const totalOutput = ok.reduce((s, r) => s + r.outputTokens, 0);
  const hasSlo = Object.keys(summary.slo).length > 0;
  const series: Record<Metric, number[]> = {
    ttft: ok.flatMap((r) => (r.ttftSeconds === null ? [] : [r.ttftSeconds])),
    // vLLM keeps a TPOT only for requests with more than one output token
    tpot: ok.flatMap((r) => (r.tpotSeconds === null || r.outputTokens <= 1 ? [] : [r.tpotSeconds])),
    itl: ok.flatMap((r) => r.itlSeconds),
    e2el: ok.flatMap((r) => (r.e2eSeconds === null ? [] : [r.e2eSeconds])),
  };
  const load = summary.load;
  const result: Record<string, unknown> = {
    date: options.date,
    endpoint_type: BACKENDS[options.endpoint],
    backend: BACKENDS[options.endpoint],
    label: options.label ?? null,
    model_id: options.model,
    tokenizer_id: options.tokenizerId ?? null,
    num_prompts: records.length,
    request_rate: load.kind === "rate" ? load.requestsPerSecond : "inf",
    burstiness: options.burstiness ?? 1,
    max_concurrency: load.kind === "concurrency" ? load.concurrency : null,
    duration,
    completed: ok.length,
    failed: records.length - ok.length,
    total_input_tokens: totalInput,
    total_output_tokens: totalOutput,
    request_throughput: ok.length / duration,
    request_goodput: hasSlo ? records.filter((r) => r.meetsSlo).length / duration : null,
    output_throughput: totalOutput / duration,
    total_token_throughput: (totalInput + totalOutput) / duration,
  };
  for (const metric of METRICS) {
    const s = statsMs(series[metric], options.percentiles ?? VLLM_DEFAULT_PERCENTILES);
    result[`mean_${metric}_ms`] = s.mean;
    result[`median_${metric}_ms`] = s.median;
    result[`std_${metric}_ms`] = s.std;
    for (const [p, value] of s.at) result[`p${percentileWord(p)}_${metric}_ms`] = value;
  }
  return result;
}

/** Reads mean/median/p90/p99 of one metric (ms) as costcurve's LatencyStats (s); absent fields are null. */
function latencyFrom(raw: Record<string, unknown>, metric: Metric, count: number): LatencyStats {
  const seconds = (key: string) => (typeof raw[key] === "number" ? (raw[key] as number) / MS_PER_SECOND : null);
  const mean = seconds(`mean_${metric}_ms`);
  return { mean, p50: seconds(`median_${metric}_ms`) ?? seconds(`p50_${metric}_ms`), p90: seconds(`p90_${metric}_ms`), p99: seconds(`p99_${metric}_ms`), count: mean === null ? 0 : count };
}

const ENDPOINTS: Record<string, Endpoint> = { "openai-chat": "chat", openai: "completions", vllm: "completions", "openai-embeddings": "embeddings" };

/**
 * One --save-result object as a costcurve level summary, for tables and calibration. The load is the
 * concurrency cap when vLLM ran with one, else the Poisson rate; an uncapped burst at rate inf is a
 * concurrency of num_prompts (every request sent at once). Metric counts are the completed requests (vLLM
 * saves no count of ITL gaps).
 */
export function fromVllmResult(result: VllmResult): LevelSummary {
  const raw = result as Record<string, unknown>;
  const load: LoadLevel =
    result.max_concurrency != null
      ? { kind: "concurrency", concurrency: result.max_concurrency }
      : result.request_rate !== "inf"
        ? { kind: "rate", requestsPerSecond: result.request_rate }
        : { kind: "concurrency", concurrency: Math.max(1, result.num_prompts ?? result.completed) };
  const endpoint = ENDPOINTS[result.backend ?? result.endpoint_type ?? "openai"] ?? "completions";
  const failed = result.failed ?? 0;
  const none: LatencyStats = { mean: null, p50: null, p90: null, p99: null, count: 0 };
  return {
    level: load.kind === "concurrency" ? `c${load.concurrency}` : `r${load.requestsPerSecond}`,
    load,
    endpoint,
    interrupted: false,
    requestsCompleted: result.completed,
    requestsFailed: failed,
    durationSeconds: result.duration,
    requestsPerSecond: result.request_throughput,
    outputTokensPerSecond: result.output_throughput,
    inputTokensPerSecond: result.total_input_tokens / result.duration,
    goodputRequestsPerSecond: result.request_goodput ?? result.request_throughput,
    totalInputTokens: result.total_input_tokens,
    totalOutputTokens: result.total_output_tokens,
    ttftSeconds: latencyFrom(raw, "ttft", result.completed),
    tpotSeconds: latencyFrom(raw, "tpot", result.completed),
    itlSeconds: latencyFrom(raw, "itl", result.completed),
    e2eSeconds: latencyFrom(raw, "e2el", result.completed),
    sendDelaySeconds: none,
    errors: failed > 0 ? { http_error: failed } : {},
    // vLLM counts output tokens with the model's tokenizer or the server's usage
    localTokenCountRequests: 0,
    tokenizerTokenCountRequests: 0,
    slo: {},
  };
}

/** Parses a --save-result file: one JSON object, or one per line (--append-result). */
export function parseVllmResults(text: string): { ok: true; value: VllmResult[] } | { ok: false; message: string } {
  const trimmed = text.trim();
  let values: unknown[];
  try {
    values = trimmed.startsWith("[")
      ? (JSON.parse(trimmed) as unknown[])
      : trimmed
          .split(/\r?\n/)
          .filter((l) => l.trim() !== "")
          .map((l) => JSON.parse(l) as unknown);
  } catch {
    // one object pretty-printed over several lines
    try {
      values = [JSON.parse(trimmed) as unknown];
    } catch (error) {
      return { ok: false, message: `not JSON: ${error instanceof Error ? error.message : String(error)}` };
    }
  }
  const results: VllmResult[] = [];
  for (const [i, value] of values.entries()) {
    const parsed = VllmResult.safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return { ok: false, message: `result ${i + 1}: ${issue?.path.join(".") || "(root)"}: ${issue?.message ?? "invalid"} (expected a vllm bench serve --save-result object)` };
    }
    results.push(parsed.data);
  }
  if (results.length === 0) return { ok: false, message: "no result in the file" };
  return { ok: true, value: results };
}

/** vLLM's result date format (local time there; UTC here): YYYYMMDD-HHMMSS. */
export function vllmDate(date: Date): string {
  const iso = date.toISOString();
  return `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}-${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}`;
}
