/** Live progress for a benchmark run: a redrawn status line on a terminal, one line per level otherwise. */
import type { LevelSummary } from "./schemas.js";

const REDRAW_MS = 250;

function fixed(value: number | null, digits: number): string {
  return value === null || !Number.isFinite(value) ? "-" : value.toFixed(digits);
}

/** One line describing a finished level, e.g. "c16: 100 ok, 2 failed in 12.3 s: 8.13 req/s, 1626 out tok/s, TTFT p50 0.212 s". */
export function levelLine(s: LevelSummary): string {
  const errors = Object.entries(s.errors)
    .map(([k, v]) => `${k} ${v}`)
    .join(", ");
  return (
    `${s.level}: ${s.requestsCompleted} ok, ${s.requestsFailed} failed in ${fixed(s.durationSeconds, 1)} s: ` +
    `${fixed(s.requestsPerSecond, 2)} req/s, ${fixed(s.outputTokensPerSecond, 1)} out tok/s, ` +
    `TTFT p50 ${fixed(s.ttftSeconds.p50, 3)} s, TPOT p50 ${fixed(s.tpotSeconds.p50, 4)} s` +
    (errors ? ` (errors: ${errors})` : "") +
    (s.interrupted ? " [interrupted]" : "")
  );
}

/** Tracks counts per level and writes to `write` (stderr); redraws in place only when interactive. */
export class Progress {
  private level = "";
  private started = 0;
  private done = 0;
  private failed = 0;
  private outputTokens = 0;
  private levelStartMs = 0;
  private timer: ReturnType<typeof setInterval> | null = null;

  constructor(
    private readonly write: (text: string) => void,
    private readonly interactive: boolean,
  ) {}

  levelStart(level: string): void {
    Object.assign(this, { level, started: 0, done: 0, failed: 0, outputTokens: 0, levelStartMs: performance.now() });
    if (this.interactive) this.timer ??= setInterval(() => this.draw(), REDRAW_MS);
  }

  requestStart(): void {
    this.started++;
  }

  requestEnd(ok: boolean, outputTokens: number): void {
    this.done++;
    if (!ok) this.failed++;
    this.outputTokens += outputTokens;
  }

  levelEnd(summary: LevelSummary): void {
    if (this.interactive) this.write("\r\x1b[2K");
    this.write(`${levelLine(summary)}\n`);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private draw(): void {
    const seconds = (performance.now() - this.levelStartMs) / 1000;
    const rate = seconds > 0 ? this.outputTokens / seconds : 0;
    this.write(`\r\x1b[2K${this.level}: ${this.done} done (${this.failed} failed), ${this.started - this.done} in flight, ` + `${fixed(seconds, 1)} s, ${fixed(rate, 1)} out tok/s`);
  }
}
