/**
 * Saves a benchmark run to the store as it goes: the run's metadata first, each level's summary when it
 * ends, then the request rows and the final metadata; the API key and URL credentials are never written.
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
}

/**
 * Feeds a run into a sink from the benchmark's hooks. Writes are chained in order and never throw into the
 * benchmark; the first failure is kept and rethrown by finish(). Each level's summary (one small row) is saved
 * when the level ends, so a crashed run keeps its finished levels; request rows are saved by finish(), after the
 * last level: the hooks cannot pause the runner, and writing a level's rows (about 0.15 ms each with 200 ITL
 * gaps, measured on SQLite) at the start of the next level would delay that level's first requests.
 */
export class RunSaver {
  private chain: Promise<void> = Promise.resolve();
  private failure: unknown = null;
  private levelIndex = -1;
  private readonly rowsByLevel: Array<Array<{ levelIndex: number; seq: number; data: unknown }>> = [];
  private readonly metadata: StoredRunMetadata;

  constructor(
    private readonly sink: BenchRunSink,
    private readonly options: RunSaverOptions,
  ) {
    this.metadata = { ...structuredClone(options.metadata), url: urlWithoutCredentials(options.metadata.url) };
    this.enqueueRun();
  }

  get id(): string {
    return this.options.id;
  }

  /** Call when a level starts (levels are numbered 0, 1, ... in order). */
  levelStart(): void {
    this.levelIndex++;
    this.rowsByLevel[this.levelIndex] = [];
  }

  /** Call with every finished request of the current level. */
  request(record: RequestRecord): void {
    const levelIndex = Math.max(0, this.levelIndex);
    (this.rowsByLevel[levelIndex] ??= []).push({ levelIndex, seq: record.index, data: record });
  }

  /** Call with each level's summary: saves it and the run's metadata so far. */
  levelEnd(summary: LevelSummary): void {
    const levelIndex = Math.max(0, this.levelIndex);
    if (!summary.interrupted) this.metadata.completedLevels.push(summary.level);
    const clean = this.clean(summary);
    this.enqueue(() => this.sink.saveBenchLevel(this.id, levelIndex, clean));
    this.enqueueRun();
  }

  /** Saves every request row and the final metadata, and waits for every write; throws the first failure. */
  async finish(end: { interrupted: boolean; finishedAt: string }): Promise<void> {
    this.metadata.interrupted = end.interrupted;
    this.metadata.finishedAt = end.finishedAt;
    for (const rows of this.rowsByLevel) {
      if (rows && rows.length > 0) this.enqueue(() => this.sink.addBenchRequests(this.id, this.clean(rows)));
    }
    this.rowsByLevel.length = 0;
    this.enqueueRun();
    await this.chain;
    if (this.failure !== null) throw this.failure;
  }

  /** Resolves when every write queued so far has run (failures are kept for finish()). */
  settled(): Promise<void> {
    return this.chain;
  }

  private clean<T>(value: T): T {
    return this.options.scrub(value);
  }

  private enqueueRun(): void {
    const snapshot = this.clean(this.metadata);
    const label = this.clean(this.options.label);
    this.enqueue(async () => void (await this.sink.saveBenchRun({ id: this.id, startedAt: snapshot.startedAt, label, metadata: snapshot })));
  }

  private enqueue(work: () => Promise<void>): void {
    this.chain = this.chain.then(async () => {
      if (this.failure !== null) return;
      try {
        await work();
      } catch (error) {
        this.failure = error;
      }
    });
  }
}
