import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "..");

describe("ARCHITECTURE.md", () => {
  const doc = readFileSync(resolve(ROOT, "ARCHITECTURE.md"), "utf8");
  const listed = [...doc.matchAll(/^- `([^`]+)`: .+$/gm)].map((m) => m[1]!);

  it("describes every tracked file, one line each (run `node scripts/architecture.mjs` after adding files)", () => {
    const tracked = execFileSync("git", ["ls-files"], { cwd: ROOT, encoding: "utf8" }).split("\n").filter(Boolean);
    const missing = tracked.filter((f) => !f.startsWith("content/kb/") && !listed.includes(f));
    expect(missing).toEqual([]);
  });

  it("lists nothing that no longer exists", () => {
    expect(listed.filter((f) => !existsSync(resolve(ROOT, f)))).toEqual([]);
  });
});
