/** `costcurve bench`: load-tests an OpenAI-compatible endpoint at rising concurrency or Poisson rates. */
import type { Command } from "commander";
import { existsSync, writeFileSync } from "node:fs";
import { isAbsolute, join, resolve } from "node:path";
import { loadPrompts, parseDatasetSpec } from "../bench/dataset.js";
import { Progress } from "../bench/progress.js";
import { DEFAULT_REQUESTS_PER_LEVEL, runBench } from "../bench/runner.js";
import { clientVersion, newRunId, RunSaveError, RunSaver, StoredRunMetadata } from "../bench/save-run.js";
import { scrubberFor, urlWithoutCredentials } from "../bench/scrub.js";
import { discoverModel } from "../bench/models.js";
import { type TokenCounter, loadTokenCounter } from "../bench/tokenizer.js";
import { Endpoint, type LevelSummary, type LoadLevel, type RequestRecord, type Slo } from "../bench/schemas.js";
import { fromVllmResult, parseVllmResults, toVllmResult, vllmDate } from "../bench/vllm-result.js";
import { levelLabel } from "../bench/summary.js";
import type { Column } from "../report/cell.js";
import { formatCsv } from "../report/csv.js";
import { formatDuration, formatNumber } from "../report/format.js";
import { formatTable } from "../report/table.js";
import { type BenchWriter, openBenchWriter } from "../store/bench-writer.js";
import { openStore, storeConfig } from "../store/open-store.js";
import { type Io, UsageError } from "./io.js";
import { prepareOutputDir, prepareOutputFile } from "./output-path.js";
import { readTextBounded } from "./read-bounded.js";

interface BenchFlags {
  url?: string;
  model?: string;
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
  save?: boolean;
  name?: string;
  header: string[];
  saveResult?: string;
  shuffle?: boolean;
  burstiness: string;
  csv?: boolean;
  tokenizer?: string;
  reusePrompts?: boolean;
}

/** Parses repeated --header NAME:VALUE (or NAME=VALUE, vLLM's form) into a header record. */
export function parseHeaders(items: readonly string[]): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const item of items) {
    const at = item.search(/[:=]/);
    const name = at === -1 ? "" : item.slice(0, at).trim();
    if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name)) throw new UsageError(`--header: "${item}" is not NAME:VALUE, e.g. --header x-request-source:costcurve`);
    headers[name] = item.slice(at + 1).trim();
  }
  return headers;
}

/**
 * Upper bounds of bench's numeric flags: far above any real run, low enough that the client's own bookkeeping
 * fits in memory (--concurrency 99999999 made 10^8 request slots and ran out of heap).
 */
const FLAG_MAX: Record<string, number> = {
  "--concurrency": 100_000,
  "--rate": 1_000_000,
  "--requests": 1_000_000,
  "--duration": 7 * 86_400,
  "--timeout": 86_400,
  "--burstiness": 1000,
};

function positiveList(option: string, text: string, integer: boolean): number[] {
  const values = text.split(",").map((p) => (p.trim() === "" ? Number.NaN : Number(p.trim())));
  if (values.length === 0 || values.some((v) => !Number.isFinite(v) || v <= 0 || (integer && !Number.isInteger(v)))) {
    throw new UsageError(`${option}: expected a comma-separated list of positive ${integer ? "integers" : "numbers"} such as ${integer ? "1,4,16,64" : "1,2,4"}, got "${text}"`);
  }
  const max = FLAG_MAX[option];
  if (max !== undefined && values.some((v) => v > max)) throw new UsageError(`${option}: at most ${max}, got "${text}"`);
  if (values.length > 1000) throw new UsageError(`${option}: at most 1000 levels, got ${values.length}`);
  return values;
}

function positive(option: string, text: string | undefined, integer: boolean): number | null {
  if (text === undefined) return null;
  const values = positiveList(option, text, integer);
  if (values.length !== 1) throw new UsageError(`${option}: expected one number, got "${text}"`);
  return values[0]!;
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

/** Where the store lives, for messages (never the DATABASE_URL itself: it may hold a password). */
function storeWhere(io: Io): string {
  const config = storeConfig(io.env, io.cwd);
  return config.kind === "postgres" ? "the PostgreSQL store (DATABASE_URL)" : config.path;
}

async function openStoreForSave(io: Io): Promise<BenchWriter> {
  try {
    return await openBenchWriter(storeConfig(io.env, io.cwd));
  } catch (error) {
    throw new UsageError(`--save: cannot open the store ${storeWhere(io)}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

async function bench(flags: BenchFlags, io: Io): Promise<void> {
  flags.url ??= io.env.OPENAI_BASE_URL || undefined;
  if (flags.url === undefined) throw new UsageError("--url: required (or OPENAI_BASE_URL), e.g. --url http://127.0.0.1:8000");
  const extraHeaders = parseHeaders(flags.header);
  const burstiness = positive("--burstiness", flags.burstiness, false)!;
  if (flags.name !== undefined && !/^\S.{0,199}$/.test(flags.name)) throw new UsageError(`--name: expected 1 to 200 characters starting with a non-space, got "${flags.name}"`);
  const endpoint = Endpoint.safeParse(flags.endpoint);
  if (!endpoint.success) throw new UsageError(`--endpoint: "${flags.endpoint}" is not one of chat, completions, embeddings`);
  let parsedUrl: URL;
  try {
    parsedUrl = new URL(flags.url);
  } catch {
    throw new UsageError(`--url: "${flags.url}" is not a URL; expected e.g. http://127.0.0.1:8000`);
  }
  if (parsedUrl.protocol !== "http:" && parsedUrl.protocol !== "https:") throw new UsageError(`--url: the scheme must be http or https, got "${parsedUrl.protocol.replace(/:$/, "")}"; e.g. http://127.0.0.1:8000`);
  const apiKey = apiKeyFrom(io);
  // before any request, so that a bad folder fails at once
  const outDir = flags.out === undefined ? null : prepareOutputDir("--out", resolve(io.cwd, flags.out));
  if (flags.saveResult !== undefined) prepareOutputFile("--save-result", resolve(io.cwd, flags.saveResult));
  if (flags.model === undefined) {
    const found = await discoverModel(flags.url, { ...(apiKey ? { authorization: `Bearer ${apiKey}` } : {}), ...extraHeaders });
    if (!found.ok) throw new UsageError(`--model: not given, and the server's model list could not be read (${found.message}); give --model NAME`);
    flags.model = found.value;
    io.stderr(`model: ${found.value} (the first of ${found.all.length} listed by the server's /v1/models)\n`);
  }
  if (flags.json && flags.csv) throw new UsageError("--json and --csv: choose one output format");
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
  // distinct prompts for every level unless --reuse-prompts: a prompt cache would make each level after the first look faster
  const promptsPerLevel = requestsPerLevel ?? 1000;
  const reusePrompts = flags.reusePrompts === true;
  try {
    prompts = loadPrompts(spec, promptsPerLevel * (reusePrompts ? 1 : loads.length), seed, flags.shuffle === true);
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if (!reusePrompts && loads.length > 1 && requestsPerLevel !== null && prompts.length < requestsPerLevel * loads.length) {
    io.stderr(
      `warning: --dataset holds ${prompts.length} prompts, fewer than the ${requestsPerLevel * loads.length} that ${loads.length} levels of ${requestsPerLevel} requests need; later levels repeat prompts, which a server's prompt cache answers faster\n`,
    );
  }
  let countTokens: TokenCounter | undefined;
  if (flags.tokenizer !== undefined) {
    const loaded = loadTokenCounter(resolve(io.cwd, flags.tokenizer));
    if (!loaded.ok) throw new UsageError(`--tokenizer: ${loaded.message}`);
    countTokens = loaded.value;
  }
  const slo = parseSlo(flags.slo);
  const store = flags.save || flags.name !== undefined ? await openStoreForSave(io) : null;
  const startedAt = new Date().toISOString();
  const target = { url: flags.url, model: flags.model, endpoint: endpoint.data, apiKey, timeoutSeconds: timeout, ignoreEos: flags.ignoreEos === true, headers: extraHeaders };
  // the one scrubber every sink of this run writes through (the runner builds the same one for --out)
  const scrub = scrubberFor(target);
  const saver =
    store &&
    new RunSaver(store, {
      id: newRunId(startedAt),
      label: flags.name ?? `${flags.model} at ${new URL(flags.url).host}`,
      scrub,
      onProblem: (error) => io.stderr(`warning: --save: ${errorText(error)}; the rows are kept and written again when the store answers\n`),
      metadata: StoredRunMetadata.parse({
        tool: "costcurve bench",
        clientVersion: clientVersion(),
        startedAt,
        finishedAt: null,
        url: urlWithoutCredentials(flags.url),
        model: flags.model,
        endpoint: endpoint.data,
        dataset: flags.dataset,
        levels: loads.map(levelLabel),
        loads,
        completedLevels: [],
        interrupted: false,
        requestsPerLevel,
        durationSecondsPerLevel: duration,
        timeoutSeconds: timeout,
        seed,
        slo,
      }),
    });
  const controller = new AbortController();
  const onSigint = () => controller.abort();
  process.once("SIGINT", onSigint);
  const progress = new Progress(io.stderr, io.interactive);
  const vllm = flags.saveResult === undefined ? null : { path: resolve(io.cwd, flags.saveResult), date: vllmDate(new Date(startedAt)), records: [] as RequestRecord[], lines: [] as string[] };
  let outcome: Awaited<ReturnType<typeof runBench>> | null = null;
  try {
    outcome = await runBench(
      {
        target,
        levels: loads,
        prompts,
        reusePrompts,
        requestsPerLevel,
        durationSecondsPerLevel: duration,
        slo,
        seed,
        burstiness,
        ...(countTokens ? { countTokens } : {}),
        datasetLabel: flags.dataset,
        outDir,
      },
      {
        signal: controller.signal,
        onLevelStart: (level) => {
          saver?.levelStart();
          progress.levelStart(level);
        },
        onRequestStart: () => progress.requestStart(),
        onRequest: (_level, r) => {
          saver?.request(r);
          vllm?.records.push(r);
          progress.requestEnd(r.ok, r.outputTokens);
        },
        onLevelEnd: (summary) => {
          saver?.levelEnd(summary);
          if (vllm) {
            const result = toVllmResult(summary, vllm.records, { model: flags.model!, endpoint: endpoint.data, date: vllm.date, label: flags.name ?? null, burstiness, tokenizerId: flags.tokenizer ?? null });
            vllm.lines.push(JSON.stringify(scrub(result)));
            vllm.records = [];
            // one object per level, one per line like vLLM's --append-result, rewritten as each level ends
            writeFileSync(vllm.path, `${vllm.lines.join("\n")}\n`);
          }
          progress.levelEnd(summary);
          if (flags.json) io.stdout(`${JSON.stringify(jsonSummary(summary))}\n`);
        },
      },
    );
    if (flags.csv) io.stdout(formatCsv(COLUMNS, outcome.summaries.map(tableRow)));
    else if (!flags.json) io.stdout(formatTable(COLUMNS, outcome.summaries.map(tableRow)) + tokenCountNote(outcome.summaries));
    const cacheNote = cachedTokenWarning(outcome.summaries);
    if (cacheNote) io.stderr(cacheNote);
    if (outDir !== null) io.stderr(`results in ${outDir}\n`);
    if (vllm) io.stderr(`vllm bench serve --save-result JSON in ${vllm.path}\n`);
  } finally {
    progress.stop();
    // the SIGINT listener stays until the run is saved: a Ctrl-C now must not cut the save short
    if (saver && store) await finishSave(saver, store, outcome?.interrupted ?? true, outDir, io);
    process.removeListener("SIGINT", onSigint);
  }
  if (outcome.interrupted) throw new UsageError(`bench: interrupted (Ctrl-C); results measured so far are kept${outDir === null ? "" : ` in ${outDir}`}${saver ? ` and in run ${saver.id}` : ""}`);
  const completed = outcome.summaries.reduce((n, s) => n + s.requestsCompleted, 0);
  if (completed === 0) {
    const errors = new Map<string, number>();
    for (const s of outcome.summaries) for (const [k, v] of Object.entries(s.errors)) errors.set(k, (errors.get(k) ?? 0) + v);
    const list = [...errors].map(([k, v]) => `${k} ${v}`).join(", ");
    throw new UsageError(`bench: every request failed (${list || "none completed"}); check --url, --model and the server`);
  }
}

/** A warning when the server says it served input tokens from its prompt cache (then TTFT and input throughput read fast), else "". */
export function cachedTokenWarning(summaries: readonly LevelSummary[]): string {
  const cached = summaries.reduce((n, s) => n + (s.cachedInputTokens ?? 0), 0);
  if (cached === 0) return "";
  const input = summaries.reduce((n, s) => n + s.totalInputTokens, 0);
  const share = input > 0 ? ` (${((100 * cached) / input).toFixed(0)}%)` : "";
  return `warning: the server reported ${cached} of ${input} input tokens${share} as served from its prompt cache; TTFT and input tokens/s are then faster than for new prompts (turn prefix caching off on the server, or use distinct prompts)\n`;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Waits for the run's last writes. When the store stays down, the rows it never got are written to a JSON
 * file next to the run (or are already in --out), and the error says where: measured rows are never lost.
 */
async function finishSave(saver: RunSaver, store: BenchWriter, interrupted: boolean, outDir: string | null, io: Io): Promise<void> {
  try {
    await saver.finish({ interrupted, finishedAt: new Date().toISOString() });
    io.stderr(`saved run ${saver.id} to ${storeWhere(io)}\n`);
  } catch (error) {
    const where = `--save: could not save run ${saver.id} to ${storeWhere(io)}: ${errorText(error instanceof RunSaveError ? error.cause : error)}`;
    if (!(error instanceof RunSaveError)) throw new UsageError(where);
    const { requests, levels } = error.unsaved;
    const file = resolve(outDir ?? io.cwd, `unsaved-run-${saver.id}.json`);
    let kept = `; ${requests.length} request rows and ${levels.length} level summaries the store did not get are in ${file}`;
    try {
      writeFileSync(file, `${JSON.stringify(error.unsaved)}\n`);
    } catch (writeError) {
      kept = outDir === null ? `; the unsaved rows could not be written to ${file} either (${errorText(writeError)})` : "";
    }
    throw new UsageError(`${where}${kept}${outDir === null ? "" : `; every request is also in ${outDir}`}`);
  } finally {
    await store.close().catch(() => undefined);
  }
}

const RUN_COLUMNS: Column[] = ["id", "started", "label", "model", "url", "levels"].map((key) => ({ key }));

/** Where the token counts came from: the server's usage, or the characters/4 estimate where it sent none. */
export function tokenCountNote(summaries: readonly LevelSummary[]): string {
  const requests = summaries.reduce((n, s) => n + s.requestsCompleted, 0);
  const local = summaries.reduce((n, s) => n + s.localTokenCountRequests, 0);
  const tokenizer = summaries.reduce((n, s) => n + (s.tokenizerTokenCountRequests ?? 0), 0);
  const server = requests - local - tokenizer;
  if (server === requests) return `token counts: the server's usage for all ${requests} completed requests\n`;
  const parts = [`the server's usage for ${server} of ${requests} completed requests`];
  if (tokenizer > 0) parts.push(`${tokenizer} counted with the --tokenizer file where the server sent no usage`);
  if (local > 0) parts.push(`${local} estimated because the server sent no usage (input: words of a random prompt or characters / 4 of a file's; output: one token per content chunk; --tokenizer counts them)`);
  return `token counts: ${parts.join("; ")}\n`;
}

/** The API key from COSTCURVE_API_KEY or OPENAI_API_KEY; one that cannot go in a header (e.g. a trailing CR from a Windows file) is a usage error. */
function apiKeyFrom(io: Io): string | undefined {
  const name = io.env.COSTCURVE_API_KEY ? "COSTCURVE_API_KEY" : "OPENAI_API_KEY";
  const key = io.env[name] || undefined;
  if (key !== undefined && !/^[\x21-\x7e]+$/.test(key)) {
    const what = /[\r\n]/.test(key) ? "a line break (\\r or \\n, e.g. from a file saved on Windows)" : /\s/.test(key) ? "white space" : "a character outside printable ASCII";
    throw new UsageError(`${name}: the API key contains ${what}; remove it (e.g. export ${name}="$(tr -d '\\r\\n' < keyfile)")`);
  }
  return key;
}

/** `costcurve bench import FILE`: a vllm bench serve --save-result file as costcurve level summaries. */
function importVllm(file: string, flags: { out?: string; json?: boolean }, io: Io): void {
  const path = resolve(io.cwd, file);
  if (!existsSync(path)) throw new UsageError(`FILE: ${file} not found; give a vllm bench serve --save-result JSON file`);
  const parsed = parseVllmResults(readTextBounded(path, `FILE: ${file}`));
  if (!parsed.ok) throw new UsageError(`FILE: ${file}: ${parsed.message}`);
  const summaries = parsed.value.map(fromVllmResult);
  if (flags.out !== undefined) {
    const dir = prepareOutputDir("--out", resolve(io.cwd, flags.out));
    for (const s of summaries) writeFileSync(join(dir, `summary-${s.level}.json`), `${JSON.stringify(s, null, 2)}\n`);
    io.stderr(`${summaries.length} level summar${summaries.length === 1 ? "y" : "ies"} in ${dir} (costcurve calibrate ${flags.out} --scenario FILE reads them)\n`);
  }
  if (flags.json) for (const s of summaries) io.stdout(`${JSON.stringify(jsonSummary(s))}\n`);
  else io.stdout(formatTable(COLUMNS, summaries.map(tableRow)));
}

/** `costcurve bench runs`: the runs saved with --save, newest first. */
async function listRuns(json: boolean, io: Io): Promise<void> {
  const config = storeConfig(io.env, io.cwd);
  if (config.kind === "sqlite" && config.path !== ":memory:" && !existsSync(config.path)) {
    // a listing must not create the database file
    io.stdout(json ? "[]\n" : `no saved runs (no store at ${config.path}; set COSTCURVE_DB or DATABASE_URL, or run costcurve bench --save)\n`);
    return;
  }
  const store = await openStore(io.env, io.cwd);
  let runs;
  try {
    runs = await store.listBenchRuns();
  } finally {
    await store.close();
  }
  if (json) {
    io.stdout(`${JSON.stringify(runs)}\n`);
    return;
  }
  if (runs.length === 0) {
    io.stdout(`no saved runs in ${storeWhere(io)}\n`);
    return;
  }
  const rows = runs.map((r) => {
    const meta = StoredRunMetadata.partial().safeParse(r.metadata);
    const m = meta.success ? meta.data : {};
    const done = m.completedLevels?.length ?? 0;
    const all = m.levels?.length ?? done;
    return { id: r.id, started: r.startedAt.slice(0, 19).replace("T", " "), label: r.label, model: m.model ?? "", url: m.url ?? "", levels: `${m.levels?.join(",") ?? ""} (${done}/${all} done${m.interrupted ? ", interrupted" : ""})` };
  });
  io.stdout(formatTable(RUN_COLUMNS, rows));
}

/** Registers `costcurve bench`. */
export function registerBench(program: Command, io: Io): void {
  const command = program.command("bench");
  command
    .description("Benchmark an OpenAI-compatible endpoint: TTFT, TPOT, ITL, E2E, throughput and goodput per load level (vLLM metric definitions)")
    .option("--url <url>", "server base URL, e.g. http://127.0.0.1:8000 (/v1/... is appended); default $OPENAI_BASE_URL")
    .option("--model <name>", "model name sent in each request; default the first model the server's /v1/models lists")
    .option("--header <name:value>", "extra request header, repeatable (never saved)", (value: string, all: string[]) => [...all, value], [] as string[])
    .option("--endpoint <kind>", "chat, completions or embeddings", "chat")
    .option("--concurrency <list>", "concurrency levels, e.g. 1,4,16,64 (default 1)")
    .option("--rate <list>", "Poisson arrival rates in requests/s, e.g. 1,2,4")
    .option("--requests <n>", `requests per level (default ${DEFAULT_REQUESTS_PER_LEVEL} unless --duration)`)
    .option("--duration <seconds>", "stop sending new requests after this many seconds per level")
    .option("--dataset <spec>", "random:input=N,output=N[,spread=F][,prefix=N] | sharegpt:FILE | jsonl:FILE (prefix: tokens shared by every prompt)", "random:input=1000,output=200")
    .option("--shuffle", "shuffle a dataset file's prompts with --seed (default: file order)")
    .option("--reuse-prompts", "send the same prompts at every level (default: each level gets its own, so a prompt cache cannot flatter later levels)")
    .option("--burstiness <b>", "gamma shape of the gaps between --rate arrivals (vLLM's --burstiness): 1 Poisson, below 1 burstier", "1")
    .option("--slo <spec>", "goodput SLOs in seconds, e.g. ttft=0.5,tpot=0.05,e2e=10")
    .option("--out <dir>", "write requests-<level>.jsonl, summary-<level>.json and run.json here, as they happen")
    .option("--save-result <file>", "write vllm bench serve --save-result JSON (ms, p99, std; goodput null without --slo), one object per level and line")
    .option("--json", "print one JSON summary per level (one per line)")
    .option("--csv", "print the table as CSV (raw numbers, seconds)")
    .option("--tokenizer <tokenizer.json>", "count the tokens the server's usage leaves out with this Hugging Face tokenizer.json (instead of estimates)")
    .option("--timeout <seconds>", "per-request timeout", "600")
    .option("--seed <n>", "seed for random prompts and Poisson arrivals", "1")
    .option("--ignore-eos", "ask the server to ignore end-of-sequence (ignore_eos), for exact output lengths")
    .option("--save", "save the run to the store ($COSTCURVE_DB, DATABASE_URL, default ./costcurve.db): request rows in batches as they complete, each level's summary when it ends")
    .option("--name <name>", "label of the saved run (implies --save)")
    .addHelpText("after", "\nThe API key is read from COSTCURVE_API_KEY or OPENAI_API_KEY and never written anywhere (nor are credentials in --url).\nSaved runs: costcurve bench runs; costcurve calibrate --run ID.")
    .action(async (flags: BenchFlags) => bench(flags, io));
  command
    .command("import")
    .description("Read a vllm bench serve --save-result JSON file (one object, or one per line) as level summaries")
    .argument("<file>", "the JSON file vLLM wrote")
    .option("--out <dir>", "write summary-<level>.json files here, for costcurve calibrate DIR")
    .option("--json", "print one JSON summary per level (one per line)")
    // --out and --json are also bench's own options, which commander gives to the parent command
    .action((file: string, _flags: unknown, cmd: Command) => importVllm(file, cmd.optsWithGlobals<{ out?: string; json?: boolean }>(), io));
  command
    .command("runs")
    .description("List benchmark runs saved with costcurve bench --save, newest first")
    .option("--json", "print the runs (id, startedAt, label, metadata) as a JSON array")
    .action(async (_flags: { json?: boolean }, cmd: Command) => listRuns(cmd.optsWithGlobals<{ json?: boolean }>().json === true, io));
}
