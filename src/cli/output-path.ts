/**
 * Output paths checked before any work starts: the folder is made one level at a time (Node's recursive
 * mkdir loops forever on procfs, e.g. /proc/x) and probed with a write, so a bad --out, --svg or export
 * folder fails at once with the flag's name instead of after the work, or never.
 */
import { closeSync, mkdirSync, openSync, statSync, unlinkSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { UsageError } from "./io.js";

const reason = (error: unknown) => (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));

/** Makes the folder (and missing parents), then proves it can hold a new file; throws a UsageError naming `flag`. */
export function prepareOutputDir(flag: string, path: string): string {
  const dir = resolve(path);
  const missing: string[] = [];
  let at = dir;
  for (;;) {
    let kind: "dir" | "other" | "none";
    try {
      kind = statSync(at).isDirectory() ? "dir" : "other";
    } catch {
      kind = "none";
    }
    if (kind === "dir") break;
    if (kind === "other") throw new UsageError(`${flag}: ${at} exists and is not a folder`);
    const parent = dirname(at);
    if (parent === at) break;
    missing.unshift(at);
    at = parent;
  }
  for (const step of missing) {
    try {
      mkdirSync(step);
    } catch (error) {
      throw new UsageError(`${flag}: cannot create the folder ${step} (${reason(error)}); give a writable path`);
    }
  }
  const probe = resolve(dir, `.costcurve-probe-${process.pid}`);
  try {
    closeSync(openSync(probe, "wx"));
    unlinkSync(probe);
  } catch (error) {
    throw new UsageError(`${flag}: cannot write into ${dir} (${reason(error)}); give a writable folder`);
  }
  return dir;
}

/** Makes the file's folder and checks the file is not a folder or special file; throws a UsageError naming `flag`. */
export function prepareOutputFile(flag: string, path: string): string {
  const file = resolve(path);
  prepareOutputDir(flag, dirname(file));
  try {
    const stat = statSync(file);
    if (!stat.isFile()) throw new UsageError(`${flag}: ${file} exists and is not a regular file`);
  } catch (error) {
    if (error instanceof UsageError) throw error;
  }
  return file;
}
