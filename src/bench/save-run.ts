/**
 * Saves a benchmark run to the store as it goes: the run's metadata first, request rows in batches as they
 * complete, each level's summary when it ends and the final metadata; a failed write is retried, never lost
 * silently; the API key and URL credentials are never written.
 */
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { z } from "zod";
import { type LevelSummary, LoadLevel, type RequestRecord, RunInfo } from "./schemas.js";
import { type Scrubber, urlWithoutCredentials } from "./scrub.js";

/** The store methods a saver needs (the Store of src/store has them; bench does not import the store). */
export interface BenchRunSink {
  saveBenchRun(run: { id: string; startedAt: string; label?: string; metadata: unknown }): Promise<unknown>;
  saveBenchLevel(runId: string, levelIndex: number, summary: unknown): Promise<void>;
  addBenchRequests(runId: string, rows: Array<{ levelIndex: number; seq: number; data: unknown }>): Promise<void>;
}

/** Metadata of a stored run: run.json's fields plus the client version and each level's load. */
export const StoredRunMetadata = RunInfo.extend({
  clientVersion: z.string(),
  loads: z.array(LoadLevel),
});
export type StoredRunMetadata = z.infer<typeof StoredRunMetadata>;

/** costcurve's version from package.json (src/bench and dist/bench both sit two levels below it). */
export function clientVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version?: unknown };
    return typeof pkg.version === "string" ? pkg.version : "unknown";
  } catch {
    return "unknown";
  }
}

/** A new run id: the start time to the second (UTC) and 6 random hex digits, e.g. 20261122T101500Z-3fa9c1. */
export function newRunId(startedAt: string): string {
  return `${startedAt.slice(0, 19).replace(/[-:]/g, "")}Z-${randomBytes(3).toString("hex")}`;
}

export interface RunSaverOptions {
  id: string;
  label: string;
  metadata: StoredRunMetadata;
  /** Takes the secrets out of every value before it reaches the store (scrubberFor(target)). */
  scrub: Scrubber;
  /** Request rows per batch (default 64): a full batch is written at once. */
  batchRows?: number;
  /** Longest a finished request waits for its batch, in milliseconds (default 250). */
  flushMs?: number;
  /** Extra rounds finish() makes when writes keep failing (default 3), waiting retryDelayMs, doubled each round. */
  finishRetries?: number;
  /** Default 1000 ms. */
  retryDelayMs?: number;
  /** Told once when a write first fails (rows stay queued and are retried). */
  onProblem?: (error: unknown) => void;
}

type Row = { levelIndex: number; seq: number; data: unknown };

/** What a run could not write: the levels and request rows still queued, and the last store error. */
export class RunSaveError extends Error {
  constructor(
    override readonly cause: unknown,
    readonly unsaved: { metadata: StoredRunMetadata; levels: Array<{ levelIndex: number; summary: unknown }>; requests: Row[] },
  ) {
    super(cause instanceof Error ? cause.message : String(cause));
    this.name = "RunSaveError";
  }
}

/** Most rows one transaction carries (a backlog after an outage is written in pieces of this size). */
const MAX_ROWS_PER_WRITE = 500;

/**
 * Feeds a run into a sink from the benchmark's hooks. Writes run one at a time in order (run, then levels,
 * then rows, since rows refer to their run) and never throw into the benchmark. A failed write keeps its rows
 * queued for the next flush, so a store that drops and comes back loses nothing; finish() retries what is
 * left and throws RunSaveError with it when the store stays down. Rows go out in batches of batchRows or
 * after flushMs, so a kill -9 loses at most the last flushMs of finished requests.
 */
export class RunSaver {
  private chain: Promise<void> = Promise.resolve();
  private queued = false;
  private failure: unknown = null;
  private told = false;
  private levelIndex = -1;
  private runDirty = true;
  private readonly levels = new Map<number, unknown>();
  private rows: Row[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly metadata: StoredRunMetadata;
  private readonly batchRows: number;
  private readonly flushMs: number;

  constructor(
    private readonly sink: BenchRunSink,
    private readonly options: RunSaverOptions,
  ) {
    this.metadata = { ...structuredClone(options.metadata), url: urlWithoutCredentials(options.metadata.url) };
    this.batchRows = options.batchRows ?? 64;
    this.flushMs = options.flushMs ?? 250;
    this.schedule();
  }

  get id(): string {
    return this.options.id;
  }

  /** Call when a level starts (levels are numbered 0, 1, ... in order). */
  levelStart(): void {
    this.levelIndex++;
  }

  /** Call with every finished request of the current level; it is written with its batch. */
  request(record: RequestRecord): void {
    const levelIndex = Math.max(0, this.levelIndex);
    this.rows.push({ levelIndex, seq: record.index, data: this.clean(record) });
    if (this.rows.length >= this.batchRows) this.schedule();
    else this.timer ??= setTimeout(() => this.schedule(), this.flushMs);
  }

  /** Call with each level's summary: saves it, the rows so far and the run's metadata. */
  levelEnd(summary: LevelSummary): void {
    const levelIndex = Math.max(0, this.levelIndex);
    if (!summary.interrupted) this.metadata.completedLevels.push(summary.level);
    this.levels.set(levelIndex, this.clean(summary));
    this.runDirty = true;
    this.schedule();
  }

  /** Writes everything still queued and the final metadata, retrying failures; throws RunSaveError with what is left. */
  async finish(end: { interrupted: boolean; finishedAt: string }): Promise<void> {
    this.metadata.interrupted = end.interrupted;
    this.metadata.finishedAt = end.finishedAt;
    this.runDirty = true;
    let delayMs = this.options.retryDelayMs ?? 1000;
    for (let round = 0; ; round++) {
      this.failure = null;
      this.schedule();
      await this.chain;
      if (this.pending() === 0) return;
      if (round >= (this.options.finishRetries ?? 3)) break;
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      delayMs *= 2;
    }
    throw new RunSaveError(this.failure, this.unsaved());
  }

  /** Resolves when every write queued so far has run (failures stay queued for the next flush). */
  settled(): Promise<void> {
    return this.chain;
  }

  /** Rows and levels not yet in the store, plus the run row when its latest metadata is not. */
  pending(): number {
    return this.rows.length + this.levels.size + (this.runDirty ? 1 : 0);
  }

  /** What is not yet in the store (scrubbed). */
  unsaved(): RunSaveError["unsaved"] {
    return { metadata: this.clean(this.metadata), levels: [...this.levels].map(([levelIndex, summary]) => ({ levelIndex, summary })), requests: [...this.rows] };
  }

  private clean<T>(value: T): T {
    return this.options.scrub(value);
  }

  /** Queues one sync unless one is already waiting to start. */
  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.queued) return;
    this.queued = true;
    this.chain = this.chain.then(async () => {
      this.queued = false;
      try {
        await this.sync();
      } catch (error) {
        this.failure = error;
        if (!this.told) {
          this.told = true;
          this.options.onProblem?.(error);
        }
      }
    });
  }

  /** Writes the run row, then finished levels, then request rows; stops at the first failure, keeping the rest queued. */
  private async sync(): Promise<void> {
    if (this.runDirty) {
      this.runDirty = false;
      const metadata = this.clean(this.metadata);
      try {
        await this.sink.saveBenchRun({ id: this.id, startedAt: metadata.startedAt, label: this.clean(this.options.label), metadata });
      } catch (error) {
        this.runDirty = true;
        throw error;
      }
    }
    for (const [levelIndex, summary] of [...this.levels]) {
      await this.sink.saveBenchLevel(this.id, levelIndex, summary);
      if (this.levels.get(levelIndex) === summary) this.levels.delete(levelIndex);
    }
    while (this.rows.length > 0) {
      const batch = this.rows.slice(0, MAX_ROWS_PER_WRITE);
      await this.sink.addBenchRequests(this.id, batch);
      this.rows.splice(0, batch.length);
    }
  }
}
