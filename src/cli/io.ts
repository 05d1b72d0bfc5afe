/** Where a command writes; tests pass a capturing Io, the bin passes the process's streams. */
export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Record<string, string | undefined>;
  cwd: string;
  /** True when stderr is a terminal (progress displays draw only then). */
  interactive: boolean;
  /** Reads all of standard input (for `-` as a file); default: the process's fd 0. */
  stdin?: () => string;
}

export function processIo(): Io {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    env: process.env,
    cwd: process.cwd(),
    interactive: Boolean(process.stderr.isTTY),
  };
}

/** An Io that records everything, for tests. */
export function captureIo(env: Record<string, string | undefined> = {}, cwd = process.cwd()): Io & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, env, cwd, interactive: false, stdout: (t) => void out.push(t), stderr: (t) => void err.push(t) };
}

/** A user-facing error: the message is printed as is and the process exits 1. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}
