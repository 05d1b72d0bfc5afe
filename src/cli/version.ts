/** costcurve's own version, read from the package.json that ships beside dist/ (and beside src/ in the repo). */
import { readFileSync } from "node:fs";

/** The `version` field of costcurve's package.json. */
export function packageVersion(): string {
  const pkg: unknown = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8"));
  const version = (pkg as { version?: unknown }).version;
  if (typeof version !== "string") throw new Error("package.json: no version");
  return version;
}
