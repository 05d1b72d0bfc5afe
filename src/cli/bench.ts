/** `costcurve bench`: load-tests an OpenAI-compatible endpoint at rising concurrency or Poisson rates. */
import type { Command } from "commander";
import { isAbsolute, resolve } from "node:path";
import { loadPrompts, parseDatasetSpec } from "../bench/dataset.js";
import { Progress } from "../bench/progress.js";
import { DEFAULT_REQUESTS_PER_LEVEL, runBench } from "../bench/runner.js";
import { Endpoint, type LevelSummary, type LoadLevel, type Slo } from "../bench/schemas.js";
import type { Column } from "../report/cell.js";
import { formatDuration, formatNumber } from "../report/format.js";
import { formatTable } from "../report/table.js";
import { type Io, UsageError } from "./io.js";

interface BenchFlags {
  url: string;
  model: string;
  endpoint: string;
  concurrency?: string;
  rate?: string;
  requests?: string;
  duration?: string;
  dataset: string;
  slo?: string;
  out?: string;
  json?: boolean;
  timeout: string;
  seed: string;
  ignoreEos?: boolean;
}

function positiveList(option: string, text: string, integer: boolean): number[] {
  const values = text.split(",").map((p) => Number(p.trim()));
  if (values.length === 0 || values.some((v) => !Number.isFinite(v) || v <= 0 || (integer && !Number.isInteger(v)))) {
    throw new UsageError(`${option}: expected a comma-separated list of positive ${integer ? "integers" : "numbers"} such as ${integer ? "1,4,16,64" : "1,2,4"}, got "${text}"`);
  }
  return values;
}

function positive(option: string, text: string | undefined, integer: boolean): number | null {
  if (text === undefined) return null;
  const [value] = positiveList(option, text, integer);
  return value!;
}

/** Parses "ttft=0.5,tpot=0.05,e2e=10" (seconds) into an SLO. */
export function parseSlo(text: string | undefined): Slo {
  if (text === undefined) return {};
  const slo: Slo = {};
  const keys: Record<string, keyof Slo> = { ttft: "ttftSeconds", tpot: "tpotSeconds", e2e: "e2eSeconds" };
  for (const part of text.split(",")) {
    const [key = "", value = ""] = part.split("=");
    const seconds = Number(value);
    if (!(key in keys) || !Number.isFinite(seconds) || seconds <= 0) {
      throw new UsageError(`--slo: "${part}" is invalid; expected ttft=S, tpot=S and/or e2e=S with positive seconds, e.g. ttft=0.5,tpot=0.05`);
    }
    slo[keys[key]!] = seconds;
  }
  return slo;
}

/** The machine-readable summary of one level (--json prints one per line). */
export function jsonSummary(s: LevelSummary): Record<string, unknown> {
  const stats = ({ mean, p50, p90, p99 }: LevelSummary["ttftSeconds"]) => ({ mean, p50, p90, p99 });
  return {
    ...s,
    ttftSeconds: stats(s.ttftSeconds),
    tpotSeconds: stats(s.tpotSeconds),
    itlSeconds: stats(s.itlSeconds),
    e2eSeconds: stats(s.e2eSeconds),
    sendDelaySeconds: stats(s.sendDelaySeconds),
  };
}

/** A level flattened for the human table (the table reads top-level keys only). */
function tableRow(s: LevelSummary): Record<string, unknown> {
  return { ...s, ttftP50Seconds: s.ttftSeconds.p50, ttftP99Seconds: s.ttftSeconds.p99, tpotP50Seconds: s.tpotSeconds.p50, itlP99Seconds: s.itlSeconds.p99, e2eP50Seconds: s.e2eSeconds.p50 };
}

const COLUMNS: Column[] = [
  { key: "level" },
  { key: "requestsCompleted", header: "ok" },
  { key: "requestsFailed", header: "failed" },
  { key: "requestsPerSecond", header: "req/s", format: (v: number) => formatNumber(v) },
  { key: "outputTokensPerSecond", header: "out tok/s", format: (v: number) => formatNumber(v) },
  { key: "inputTokensPerSecond", header: "in tok/s", format: (v: number) => formatNumber(v) },
  { key: "goodputRequestsPerSecond", header: "goodput req/s", format: (v: number) => formatNumber(v) },
  { key: "ttftP50Seconds", header: "TTFT p50", format: (v: number) => formatDuration(v) },
  { key: "ttftP99Seconds", header: "TTFT p99", format: (v: number) => formatDuration(v) },
  { key: "tpotP50Seconds", header: "TPOT p50", format: (v: number) => formatDuration(v) },
  { key: "itlP99Seconds", header: "ITL p99", format: (v: number) => formatDuration(v) },
  { key: "e2eP50Seconds", header: "E2E p50", format: (v: number) => formatDuration(v) },
];

function levels(flags: BenchFlags): LoadLevel[] {
  if (flags.concurrency !== undefined && flags.rate !== undefined) throw new UsageError("--concurrency and --rate: give one of them, not both");
  if (flags.rate !== undefined) return positiveList("--rate", flags.rate, false).map((r) => ({ kind: "rate", requestsPerSecond: r }));
  return positiveList("--concurrency", flags.concurrency ?? "1", true).map((c) => ({ kind: "concurrency", concurrency: c }));
}

async function bench(flags: BenchFlags, io: Io): Promise<void> {
  const endpoint = Endpoint.safeParse(flags.endpoint);
  if (!endpoint.success) throw new UsageError(`--endpoint: "${flags.endpoint}" is not one of chat, completions, embeddings`);
  try {
    new URL(flags.url);
  } catch {
    throw new UsageError(`--url: "${flags.url}" is not a URL; expected e.g. http://127.0.0.1:8000`);
  }
  const loads = levels(flags);
  const requests = positive("--requests", flags.requests, true);
  const duration = positive("--duration", flags.duration, false);
  const timeout = positive("--timeout", flags.timeout, false)!;
  const seed = Number(flags.seed);
  if (!Number.isInteger(seed)) throw new UsageError(`--seed: expected an integer, got "${flags.seed}"`);
  const dataset = parseDatasetSpec(flags.dataset);
  if (!dataset.ok) throw new UsageError(dataset.message);
  const spec = dataset.value;
  if (spec.kind !== "random" && !isAbsolute(spec.path)) spec.path = resolve(io.cwd, spec.path);
  const requestsPerLevel = requests ?? (duration === null ? DEFAULT_REQUESTS_PER_LEVEL : null);
  let prompts;
  try {
    prompts = loadPrompts(spec, requestsPerLevel ?? 1000, seed);
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const outDir = flags.out === undefined ? null : resolve(io.cwd, flags.out);
  const controller = new AbortController();
  const onSigint = () => controller.abort();
  process.once("SIGINT", onSigint);
  const progress = new Progress(io.stderr, io.interactive);
  try {
    const outcome = await runBench(
      {
        target: { url: flags.url, model: flags.model, endpoint: endpoint.data, apiKey: io.env.COSTCURVE_API_KEY || io.env.OPENAI_API_KEY || undefined, timeoutSeconds: timeout, ignoreEos: flags.ignoreEos === true },
        levels: loads,
        prompts,
        requestsPerLevel,
        durationSecondsPerLevel: duration,
        slo: parseSlo(flags.slo),
        seed,
        datasetLabel: flags.dataset,
        outDir,
      },
      {
        signal: controller.signal,
        onLevelStart: (level) => progress.levelStart(level),
        onRequestStart: () => progress.requestStart(),
        onRequest: (_level, r) => progress.requestEnd(r.ok, r.outputTokens),
        onLevelEnd: (summary) => {
          progress.levelEnd(summary);
          if (flags.json) io.stdout(`${JSON.stringify(jsonSummary(summary))}\n`);
        },
      },
    );
    if (!flags.json) io.stdout(formatTable(COLUMNS, outcome.summaries.map(tableRow)));
    if (outDir !== null) io.stderr(`results in ${outDir}\n`);
    if (outcome.interrupted) throw new UsageError(`bench: interrupted (Ctrl-C); results measured so far are kept${outDir === null ? "" : ` in ${outDir}`}`);
  } finally {
    progress.stop();
    process.removeListener("SIGINT", onSigint);
  }
}

/** Registers `costcurve bench`. */
export function registerBench(program: Command, io: Io): void {
  program
    .command("bench")
    .description("Benchmark an OpenAI-compatible endpoint: TTFT, TPOT, ITL, E2E, throughput and goodput per load level (vLLM metric definitions)")
    .requiredOption("--url <url>", "server base URL, e.g. http://127.0.0.1:8000 (/v1/... is appended)")
    .requiredOption("--model <name>", "model name sent in each request")
    .option("--endpoint <kind>", "chat, completions or embeddings", "chat")
    .option("--concurrency <list>", "concurrency levels, e.g. 1,4,16,64 (default 1)")
    .option("--rate <list>", "Poisson arrival rates in requests/s, e.g. 1,2,4")
    .option("--requests <n>", `requests per level (default ${DEFAULT_REQUESTS_PER_LEVEL} unless --duration)`)
    .option("--duration <seconds>", "stop sending new requests after this many seconds per level")
    .option("--dataset <spec>", "random:input=N,output=N[,spread=F] | sharegpt:FILE | jsonl:FILE", "random:input=1000,output=200")
    .option("--slo <spec>", "goodput SLOs in seconds, e.g. ttft=0.5,tpot=0.05,e2e=10")
    .option("--out <dir>", "write requests-<level>.jsonl, summary-<level>.json and run.json here, as they happen")
    .option("--json", "print one JSON summary per level (one per line)")
    .option("--timeout <seconds>", "per-request timeout", "600")
    .option("--seed <n>", "seed for random prompts and Poisson arrivals", "1")
    .option("--ignore-eos", "ask the server to ignore end-of-sequence (ignore_eos), for exact output lengths")
    .addHelpText("after", "\nThe API key is read from COSTCURVE_API_KEY or OPENAI_API_KEY and never written anywhere.")
    .action(async (flags: BenchFlags) => bench(flags, io));
}
