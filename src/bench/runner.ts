/**
 * Runs load levels against a target: a fixed number of concurrent slots (each request intended to go
 * out the moment a slot frees) or Poisson arrivals at a rate (intended at its scheduled time), so
 * queueing in a slow client or a full server always shows up in the measured latencies.
 */
import { setMaxListeners } from "node:events";
import type { Prompt } from "./dataset.js";
import { ConnectionPool } from "./http1.js";
import { type Target, endpointUrl, sendRequest } from "./request.js";
import { ResultsWriter } from "./results-writer.js";
import { gammaArrivalSeconds, seededRandom } from "./rng.js";
import type { LevelSummary, LoadLevel, RequestRecord, RunInfo, Slo } from "./schemas.js";
import { scrubberFor, urlWithoutCredentials } from "./scrub.js";
import { buildRecord, levelLabel, summarizeLevel } from "./summary.js";

/** Requests per level when neither --requests nor --duration is given. */
export const DEFAULT_REQUESTS_PER_LEVEL = 100;

export interface BenchPlan {
  target: Target;
  levels: LoadLevel[];
  prompts: Prompt[];
  /**
   * Start every level at the first prompt (--reuse-prompts). Default false: each level goes on where the last one
   * stopped, so a server's prompt cache does not make later levels look faster.
   */
  reusePrompts?: boolean;
  /** Requests per level; null with a duration means "until the duration ends". */
  requestsPerLevel: number | null;
  durationSecondsPerLevel: number | null;
  slo: Slo;
  seed: number;
  /** Counts tokens the server's usage leaves out (--tokenizer); absent: estimates. */
  countTokens?: (text: string) => number;
  /** Gamma shape of the gaps between arrivals at a rate (vLLM's --burstiness); 1 (default) is Poisson. */
  burstiness?: number;
  datasetLabel: string;
  outDir: string | null;
}

export interface BenchHooks {
  signal?: AbortSignal;
  onLevelStart?: (level: string, load: LoadLevel) => void;
  onRequestStart?: (level: string) => void;
  onRequest?: (level: string, record: RequestRecord) => void;
  /** Every parsed stream event of request `index` with its arrival time (performance.now ms). */
  onChunk?: (level: string, index: number, json: Record<string, unknown>, arrivalMs: number) => void;
  onLevelEnd?: (summary: LevelSummary) => void;
}

export interface BenchOutcome {
  summaries: LevelSummary[];
  interrupted: boolean;
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    if (ms <= 0 || signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    }
    signal.addEventListener("abort", done, { once: true });
  });

interface LevelContext {
  plan: BenchPlan;
  hooks: BenchHooks;
  label: string;
  pool: ConnectionPool;
  signal: AbortSignal;
  writer: ResultsWriter | null;
  records: RequestRecord[];
  startMs: number;
  lastEndMs: number;
  nextPrompt: number;
}

async function runOne(ctx: LevelContext, index: number, intendedMs: number): Promise<number> {
  const prompt = ctx.plan.prompts[ctx.nextPrompt++ % ctx.plan.prompts.length]!;
  ctx.hooks.onRequestStart?.(ctx.label);
  const onChunk = ctx.hooks.onChunk;
  const target = ctx.plan.countTokens && !ctx.plan.target.keepText ? { ...ctx.plan.target, keepText: true } : ctx.plan.target;
  const raw = await sendRequest(target, prompt, ctx.pool, ctx.signal, onChunk && ((json, arrivalMs) => onChunk(ctx.label, index, json, arrivalMs)));
  const record = buildRecord(raw, { index, intendedMs, levelStartMs: ctx.startMs, prompt, endpoint: ctx.plan.target.endpoint, slo: ctx.plan.slo, ...(ctx.plan.countTokens ? { countTokens: ctx.plan.countTokens } : {}) });
  if (record.errorType !== "cancelled") ctx.lastEndMs = Math.max(ctx.lastEndMs, raw.endMs);
  ctx.records.push(record);
  ctx.writer?.appendRequest(ctx.label, record);
  ctx.hooks.onRequest?.(ctx.label, record);
  return raw.endMs;
}

function withinBudget(ctx: LevelContext, index: number): boolean {
  if (ctx.signal.aborted) return false;
  const { requestsPerLevel, durationSecondsPerLevel } = ctx.plan;
  if (requestsPerLevel !== null && index >= requestsPerLevel) return false;
  if (durationSecondsPerLevel !== null && performance.now() - ctx.startMs >= durationSecondsPerLevel * 1000) return false;
  return true;
}

async function runConcurrency(ctx: LevelContext, concurrency: number): Promise<void> {
  let next = 0;
  const slot = async () => {
    // the first request of each slot is intended at the level start, later ones when the slot frees
    let intendedMs = ctx.startMs;
    while (withinBudget(ctx, next)) intendedMs = await runOne(ctx, next++, intendedMs);
  };
  await Promise.all(Array.from({ length: concurrency }, slot));
}

async function runRate(ctx: LevelContext, requestsPerSecond: number, levelIndex: number): Promise<void> {
  const random = seededRandom(ctx.plan.seed * 1000 + levelIndex);
  const count = ctx.plan.requestsPerLevel ?? Math.ceil(requestsPerSecond * (ctx.plan.durationSecondsPerLevel ?? 0) * 2 + 10);
  const arrivals = gammaArrivalSeconds(count, requestsPerSecond, ctx.plan.burstiness ?? 1, random);
  const inFlight: Promise<number>[] = [];
  for (let index = 0; index < arrivals.length; index++) {
    const intendedMs = ctx.startMs + arrivals[index]! * 1000;
    const duration = ctx.plan.durationSecondsPerLevel;
    if (duration !== null && arrivals[index]! >= duration) break;
    await sleep(intendedMs - performance.now(), ctx.signal);
    if (!withinBudget(ctx, index)) break;
    inFlight.push(runOne(ctx, index, intendedMs));
  }
  await Promise.all(inFlight);
}

/** Runs every level in order, writing results as they arrive; stops cleanly when the signal aborts. */
export async function runBench(plan: BenchPlan, hooks: BenchHooks = {}): Promise<BenchOutcome> {
  const signal = hooks.signal ?? new AbortController().signal;
  // every in-flight request listens for the abort
  setMaxListeners(0, signal);
  const writer = plan.outDir === null ? null : new ResultsWriter(plan.outDir, scrubberFor(plan.target));
  const pool = new ConnectionPool(endpointUrl(plan.target.url, plan.target.endpoint));
  const run: RunInfo = {
    tool: "costcurve bench",
    startedAt: new Date().toISOString(),
    finishedAt: null,
    url: urlWithoutCredentials(plan.target.url),
    model: plan.target.model,
    endpoint: plan.target.endpoint,
    dataset: plan.datasetLabel,
    levels: plan.levels.map(levelLabel),
    completedLevels: [],
    interrupted: false,
    requestsPerLevel: plan.requestsPerLevel,
    durationSecondsPerLevel: plan.durationSecondsPerLevel,
    timeoutSeconds: plan.target.timeoutSeconds,
    seed: plan.seed,
    slo: plan.slo,
  };
  writer?.writeRun(run);
  const summaries: LevelSummary[] = [];
  let promptCursor = 0;
  try {
    for (const [levelIndex, load] of plan.levels.entries()) {
      if (signal.aborted) break;
      const label = levelLabel(load);
      writer?.startLevel(label);
      hooks.onLevelStart?.(label, load);
      const startMs = performance.now();
      const ctx: LevelContext = { plan, hooks, label, pool, signal, writer, records: [], startMs, lastEndMs: startMs, nextPrompt: plan.reusePrompts ? 0 : promptCursor };
      if (load.kind === "concurrency") await runConcurrency(ctx, load.concurrency);
      else await runRate(ctx, load.requestsPerSecond, levelIndex);
      promptCursor = ctx.nextPrompt;
      const summary = summarizeLevel(ctx.records, {
        load,
        endpoint: plan.target.endpoint,
        durationSeconds: (ctx.lastEndMs - startMs) / 1000,
        interrupted: signal.aborted,
        slo: plan.slo,
      });
      writer?.writeSummary(summary);
      summaries.push(summary);
      if (!signal.aborted) run.completedLevels.push(label);
      hooks.onLevelEnd?.(summary);
    }
  } finally {
    pool.destroy();
    run.interrupted = signal.aborted;
    run.finishedAt = new Date().toISOString();
    writer?.writeRun(run);
  }
  return { summaries, interrupted: signal.aborted };
}
