import type { Io } from "./io.js";

const SHOW_AFTER_MS = 1000;
const WIDTH = 30;

/**
 * A progress callback for CPU-bound sweeps: silent for the first second, then a redrawn bar on a terminal.
 * `finish()` clears the bar, and off a terminal prints one line when the sweep took longer than a second.
 */
export function sweepProgress(io: Io, label: string, now: () => number = () => performance.now()) {
  const start = now();
  let drawn = false;
  let lastDraw = 0;
  return {
    update(done: number, total: number): void {
      const elapsed = now() - start;
      if (!io.interactive || elapsed < SHOW_AFTER_MS || (now() - lastDraw < 100 && done < total)) return;
      lastDraw = now();
      const filled = Math.round((done / total) * WIDTH);
      io.stderr(`\r${label} [${"#".repeat(filled)}${".".repeat(WIDTH - filled)}] ${done}/${total} configurations, ${(elapsed / 1000).toFixed(1)} s`);
      drawn = true;
    },
    finish(summary: string): void {
      const elapsed = now() - start;
      if (drawn) io.stderr("\r\u001b[2K");
      if (elapsed >= SHOW_AFTER_MS) io.stderr(`${label}: ${summary} in ${(elapsed / 1000).toFixed(1)} s\n`);
    },
  };
}
