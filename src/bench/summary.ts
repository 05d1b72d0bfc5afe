/**
 * Per-request metrics and per-level summaries, defined as vLLM's benchmark_serving defines them:
 * TTFT to the first chunk with content or reasoning text, TPOT = (E2E - TTFT) / (output tokens - 1),
 * ITL = every gap between content chunks, throughput = totals / level duration, goodput = requests
 * meeting every SLO / level duration. Latencies count from the intended send time.
 */
import type { Prompt } from "./dataset.js";
import { latencyStats } from "./histogram.js";
import type { RawResult } from "./request.js";
import type { LevelSummary, LoadLevel, RequestRecord, Slo } from "./schemas.js";
import type { Endpoint } from "./schemas.js";

const MS = 1e-3;

/** True when every SLO given holds for the request (a failed request never meets the SLO). */
export function meetsSlo(record: Pick<RequestRecord, "ok" | "ttftSeconds" | "tpotSeconds" | "e2eSeconds">, slo: Slo): boolean {
  if (!record.ok) return false;
  if (slo.ttftSeconds !== undefined && (record.ttftSeconds === null || record.ttftSeconds > slo.ttftSeconds)) return false;
  if (slo.tpotSeconds !== undefined && record.tpotSeconds !== null && record.tpotSeconds > slo.tpotSeconds) return false;
  if (slo.e2eSeconds !== undefined && (record.e2eSeconds === null || record.e2eSeconds > slo.e2eSeconds)) return false;
  return true;
}

/** Turns raw timestamps into a request record; intendedMs is the schedule time the latency counts from. */
export function buildRecord(raw: RawResult, input: { index: number; intendedMs: number; levelStartMs: number; prompt: Prompt; endpoint: Endpoint; slo: Slo; countTokens?: (text: string) => number }): RequestRecord {
  const times = raw.contentTimesMs;
  const streaming = input.endpoint !== "embeddings";
  const ttftSeconds = raw.ok && streaming && times.length > 0 ? (times[0]! - input.intendedMs) * MS : null;
  const e2eSeconds = raw.ok ? (raw.endMs - input.intendedMs) * MS : null;
  const itlSeconds: number[] = [];
  if (raw.ok && streaming) for (let i = 1; i < times.length; i++) itlSeconds.push((times[i]! - times[i - 1]!) * MS);
  const server = raw.promptTokens !== null && (raw.completionTokens !== null || !streaming);
  // counts the server did not send: from the tokenizer when there is one (vLLM counts generated text so), else estimates
  const count = input.countTokens;
  const countedOutput = streaming && raw.completionTokens === null && count !== undefined && raw.generatedText !== null;
  const countedInput = raw.promptTokens === null && count !== undefined;
  const outputTokens = streaming ? (raw.completionTokens ?? (countedOutput ? count(raw.generatedText!) : times.length)) : 0;
  const inputTokens = raw.promptTokens ?? (countedInput ? count(input.prompt.text) : input.prompt.inputTokensEstimate);
  const tokenizer = !server && (countedInput || raw.promptTokens !== null) && (countedOutput || raw.completionTokens !== null || !streaming);
  const tpotSeconds = ttftSeconds !== null && e2eSeconds !== null && outputTokens > 1 ? (e2eSeconds - ttftSeconds) / (outputTokens - 1) : null;
  const partial = {
    index: input.index,
    ok: raw.ok,
    errorType: raw.errorType,
    httpStatus: raw.httpStatus,
    errorMessage: raw.errorMessage,
    intendedStartSeconds: (input.intendedMs - input.levelStartMs) * MS,
    sendDelaySeconds: Math.max(0, (raw.sendMs - input.intendedMs) * MS),
    ttftSeconds,
    e2eSeconds,
    tpotSeconds,
    itlSeconds,
    inputTokens: raw.ok ? inputTokens : 0,
    outputTokens: raw.ok ? outputTokens : 0,
    tokenCountSource: server ? ("server" as const) : tokenizer ? ("tokenizer" as const) : ("local" as const),
    contentChunks: times.length,
    ...(raw.ok && raw.cachedPromptTokens !== null ? { cachedInputTokens: raw.cachedPromptTokens } : {}),
  };
  return { ...partial, meetsSlo: meetsSlo(partial, input.slo) };
}

/** Level label used in file names: c16 for concurrency 16, r2.5 for 2.5 requests/s. */
export function levelLabel(load: LoadLevel): string {
  return load.kind === "concurrency" ? `c${load.concurrency}` : `r${load.requestsPerSecond}`;
}

/** Summarizes the finished (non-cancelled) requests of one level; durationSeconds runs from level start to the last completion. */
export function summarizeLevel(records: readonly RequestRecord[], info: { load: LoadLevel; endpoint: Endpoint; durationSeconds: number; interrupted: boolean; slo: Slo }): LevelSummary {
  const counted = records.filter((r) => r.errorType !== "cancelled");
  const ok = counted.filter((r) => r.ok);
  const errors: Record<string, number> = {};
  for (const r of counted) {
    if (r.ok || r.errorType === null) continue;
    const key = r.errorType === "http_error" ? `http_${r.httpStatus ?? 0}` : r.errorType;
    errors[key] = (errors[key] ?? 0) + 1;
  }
  const cancelled = records.length - counted.length;
  if (cancelled > 0) errors.cancelled = cancelled;
  const duration = info.durationSeconds > 0 ? info.durationSeconds : 0;
  const perSecond = (n: number) => (duration > 0 ? n / duration : 0);
  const totalInputTokens = ok.reduce((s, r) => s + r.inputTokens, 0);
  const totalOutputTokens = ok.reduce((s, r) => s + r.outputTokens, 0);
  const pick = (f: (r: RequestRecord) => number | null) => ok.map(f).filter((v): v is number => v !== null);
  return {
    level: levelLabel(info.load),
    load: info.load,
    endpoint: info.endpoint,
    interrupted: info.interrupted,
    requestsCompleted: ok.length,
    requestsFailed: counted.length - ok.length,
    durationSeconds: duration,
    requestsPerSecond: perSecond(ok.length),
    outputTokensPerSecond: perSecond(totalOutputTokens),
    inputTokensPerSecond: perSecond(totalInputTokens),
    goodputRequestsPerSecond: perSecond(ok.filter((r) => r.meetsSlo).length),
    totalInputTokens,
    totalOutputTokens,
    cachedInputTokens: ok.reduce((s, r) => s + (r.cachedInputTokens ?? 0), 0),
    ttftSeconds: latencyStats(pick((r) => r.ttftSeconds)),
    tpotSeconds: latencyStats(pick((r) => r.tpotSeconds)),
    itlSeconds: latencyStats(ok.flatMap((r) => r.itlSeconds)),
    e2eSeconds: latencyStats(pick((r) => r.e2eSeconds)),
    sendDelaySeconds: latencyStats(counted.map((r) => r.sendDelaySeconds)),
    errors,
    localTokenCountRequests: ok.filter((r) => r.tokenCountSource === "local").length,
    tokenizerTokenCountRequests: ok.filter((r) => r.tokenCountSource === "tokenizer").length,
    slo: info.slo,
  };
}
