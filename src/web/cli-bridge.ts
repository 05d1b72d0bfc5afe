// Runs a CLI command's runner with --json into a captured Io, so the web shows exactly what the CLI prints.
import { captureIo, type Io, UsageError } from "../cli/io.js";
import { HttpError } from "./http.js";

/** The CLI's flags become query parameters of the same name: "--input-share: ..." reads "input-share: ...". */
export function usageToHttp(error: unknown): unknown {
  if (error instanceof UsageError) return new HttpError(400, error.message.replace(/(^|[\s(])--([a-z][a-z-]*)/g, "$1$2"));
  return error;
}

/** Runs work, turning a UsageError it throws into a 400 naming the parameter. */
export function asHttp<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    throw usageToHttp(error);
  }
}

/** Calls run(io) and parses what it printed as JSON; UsageErrors become 400s naming the parameter. */
export async function runCliJson<T = unknown>(env: Record<string, string | undefined>, cwd: string, run: (io: Io) => void | Promise<void>): Promise<T> {
  const io = captureIo(env, cwd);
  try {
    await run(io);
  } catch (error) {
    throw usageToHttp(error);
  }
  return JSON.parse(io.out.join("")) as T;
}
