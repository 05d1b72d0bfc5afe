// Reads a file or standard input as text, refusing more than a byte limit before holding it all in memory
// (readFileSync on /dev/zero or an endless pipe grows until the process aborts with bad_alloc).
import { closeSync, openSync, readSync } from "node:fs";
import { UsageError } from "./io.js";

/** Largest scenario, config or result file read whole: 64 MiB (a scenario array of 100,000 rows is about 30 MB). */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;

/**
 * The text of `path` (or standard input for fd 0), read in 1 MiB chunks; more than `limitBytes` is a UsageError
 * naming `what`. I/O errors are thrown as they come (callers name the file).
 */
export function readTextBounded(path: string | 0, what: string, limitBytes = MAX_INPUT_BYTES): string {
  const fd = path === 0 ? 0 : openSync(path, "r");
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for (;;) {
      const chunk = Buffer.allocUnsafe(1024 * 1024);
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      total += n;
      if (total > limitBytes) throw new UsageError(`${what}: larger than ${limitBytes / (1024 * 1024)} MiB; refusing to read it all`);
      chunks.push(chunk.subarray(0, n));
    }
  } finally {
    if (path !== 0) closeSync(fd);
  }
  return Buffer.concat(chunks, total).toString("utf8");
}
