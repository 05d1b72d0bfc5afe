/** Shapes of benchmark results (the single source of truth for the files in --out DIR). */
import { z } from "zod";

export const Endpoint = z.enum(["chat", "completions", "embeddings"]);
export type Endpoint = z.infer<typeof Endpoint>;

/** Fault types a request can end with; "cancelled" marks requests cut short by Ctrl-C. */
export const ErrorType = z.enum([
  "http_error",
  "timeout",
  "connection_refused",
  "connection_dropped",
  "malformed_sse",
  "empty_response",
  "stream_error",
  /** The response's usage counts are impossible for what was sent and streamed (negative, fractional, over max_tokens). */
  "invalid_usage",
  "cancelled",
]);
export type ErrorType = z.infer<typeof ErrorType>;

/** One request, as appended to requests-<level>.jsonl when it finishes. */
export const RequestRecord = z.object({
  index: z.number().int(),
  ok: z.boolean(),
  errorType: ErrorType.nullable(),
  httpStatus: z.number().int().nullable(),
  errorMessage: z.string().nullable(),
  /** Seconds from the level's start to the intended send time (schedule or freed slot). */
  intendedStartSeconds: z.number(),
  /** How late the request actually went out after its intended time. */
  sendDelaySeconds: z.number(),
  ttftSeconds: z.number().nullable(),
  e2eSeconds: z.number().nullable(),
  tpotSeconds: z.number().nullable(),
  itlSeconds: z.array(z.number()),
  inputTokens: z.number().int().nonnegative(),
  outputTokens: z.number().int().nonnegative(),
  /** Input tokens the server's usage reports as served from its prompt cache (absent: not reported). */
  cachedInputTokens: z.number().int().nonnegative().optional(),
  /**
   * "server" when both counts came from the response's usage; "tokenizer" when the ones it lacked were counted
   * with --tokenizer; else "local" (an estimate: words or characters / 4, one output token per content chunk).
   */
  tokenCountSource: z.enum(["server", "tokenizer", "local"]),
  contentChunks: z.number().int().nonnegative(),
  meetsSlo: z.boolean(),
});
export type RequestRecord = z.infer<typeof RequestRecord>;

/** Mean and percentiles in seconds; null when no request produced the metric (e.g. TTFT of embeddings). */
export const LatencyStats = z.object({
  mean: z.number().nullable(),
  p50: z.number().nullable(),
  p90: z.number().nullable(),
  p99: z.number().nullable(),
  count: z.number().int(),
});
export type LatencyStats = z.infer<typeof LatencyStats>;

export const Slo = z.object({
  ttftSeconds: z.number().positive().optional(),
  tpotSeconds: z.number().positive().optional(),
  e2eSeconds: z.number().positive().optional(),
});
export type Slo = z.infer<typeof Slo>;

export const LoadLevel = z.discriminatedUnion("kind", [z.object({ kind: z.literal("concurrency"), concurrency: z.number().int().positive() }), z.object({ kind: z.literal("rate"), requestsPerSecond: z.number().positive() })]);
export type LoadLevel = z.infer<typeof LoadLevel>;

/** Summary of one load level, written to summary-<level>.json and printed by --json. */
export const LevelSummary = z.object({
  level: z.string(),
  load: LoadLevel,
  endpoint: Endpoint,
  interrupted: z.boolean(),
  requestsCompleted: z.number().int().nonnegative(),
  requestsFailed: z.number().int().nonnegative(),
  durationSeconds: z.number().nonnegative(),
  requestsPerSecond: z.number().nonnegative(),
  outputTokensPerSecond: z.number().nonnegative(),
  inputTokensPerSecond: z.number().nonnegative(),
  goodputRequestsPerSecond: z.number().nonnegative(),
  totalInputTokens: z.number().int().nonnegative(),
  totalOutputTokens: z.number().int().nonnegative(),
  /** Input tokens the server reported as cached, over the completed requests (absent in files written before it). */
  cachedInputTokens: z.number().int().nonnegative().optional(),
  ttftSeconds: LatencyStats,
  tpotSeconds: LatencyStats,
  itlSeconds: LatencyStats,
  e2eSeconds: LatencyStats,
  /** Request send delay behind schedule: large values mean the client itself was the bottleneck. */
  sendDelaySeconds: LatencyStats,
  errors: z.record(z.string(), z.number().int()),
  /** Requests whose token counts are local estimates because the server sent no usage. */
  localTokenCountRequests: z.number().int(),
  /** Requests whose missing token counts were counted with the --tokenizer file (absent in files written before it). */
  tokenizerTokenCountRequests: z.number().int().optional(),
  slo: Slo,
});
export type LevelSummary = z.infer<typeof LevelSummary>;

/** run.json: what was run and how it ended (never contains the API key). */
export const RunInfo = z.object({
  tool: z.literal("costcurve bench"),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  url: z.string(),
  model: z.string(),
  endpoint: Endpoint,
  dataset: z.string(),
  levels: z.array(z.string()),
  completedLevels: z.array(z.string()),
  interrupted: z.boolean(),
  requestsPerLevel: z.number().int().nullable(),
  durationSecondsPerLevel: z.number().nullable(),
  timeoutSeconds: z.number(),
  seed: z.number().int(),
  slo: Slo,
});
export type RunInfo = z.infer<typeof RunInfo>;
