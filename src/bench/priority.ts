/**
 * Best-effort higher CPU priority for every thread of this process (Linux nice is per thread, so each
 * task in /proc/self/task is set; threads created later inherit it from their creator). Other load on a
 * small machine then disturbs a timing less. Needs root or CAP_SYS_NICE; without them nothing changes.
 */
import { readdirSync } from "node:fs";
import { setPriority } from "node:os";

/** Sets nice `nice` (default -10) on every thread; returns how many threads were changed. */
export function raiseThreadPriorities(nice = -10): number {
  let changed = 0;
  let tids: number[] = [0];
  try {
    tids = readdirSync("/proc/self/task")
      .map(Number)
      .filter((n) => Number.isInteger(n) && n > 0);
  } catch {
    // not Linux: the calling thread only
  }
  for (const tid of tids) {
    try {
      setPriority(tid, nice);
      changed++;
    } catch {
      // not permitted, or the thread ended meanwhile
    }
  }
  return changed;
}
