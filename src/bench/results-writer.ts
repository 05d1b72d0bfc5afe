/** Writes results as they happen: a JSONL line per finished request, a summary per level, and run.json. */
import { appendFileSync, mkdirSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { LevelSummary, RequestRecord, RunInfo } from "./schemas.js";
import type { Scrubber } from "./scrub.js";

/** Writes into one directory, every value through `scrub` first; summaries and run.json are replaced atomically (write then rename). */
export class ResultsWriter {
  constructor(
    readonly dir: string,
    private readonly scrub: Scrubber,
  ) {
    mkdirSync(dir, { recursive: true });
  }

  /** Starts a level's request file empty, so a re-run never mixes old and new lines. */
  startLevel(level: string): void {
    writeFileSync(join(this.dir, `requests-${level}.jsonl`), "");
  }

  /** Appends one line in a single write, so an interrupted run leaves only whole lines. */
  appendRequest(level: string, record: RequestRecord): void {
    appendFileSync(join(this.dir, `requests-${level}.jsonl`), `${JSON.stringify(this.scrub(record))}\n`);
  }

  writeSummary(summary: LevelSummary): void {
    this.writeJson(`summary-${summary.level}.json`, summary);
  }

  writeRun(run: RunInfo): void {
    this.writeJson("run.json", run);
  }

  private writeJson(name: string, value: unknown): void {
    const path = join(this.dir, name);
    writeFileSync(`${path}.tmp`, `${JSON.stringify(this.scrub(value), null, 2)}\n`);
    renameSync(`${path}.tmp`, path);
  }
}
