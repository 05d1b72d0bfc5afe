// The published package: what the tarball ships (no test code), its exports map and `costcurve --version`.
// scripts/pack-install.sh (run by CI) installs the real tarball into a fresh prefix and measures it.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, test } from "vitest";
import { runMain } from "./cli/test-support/run-main.js";

const ROOT = resolve(import.meta.dirname, "..");
const pkg = JSON.parse(readFileSync(resolve(ROOT, "package.json"), "utf8")) as {
  version: string;
  exports: Record<string, unknown>;
  files: string[];
};

describe("the npm package", () => {
  test("costcurve --version and -V print package.json's version", async () => {
    for (const flag of ["--version", "-V"]) {
      const { code, out } = await runMain(flag);
      expect(code).toBe(0);
      expect(out).toBe(`${pkg.version}\n`);
    }
  });

  test("exports: the library entry with its types, and package.json", () => {
    expect(pkg.exports).toEqual({ ".": { types: "./dist/index.d.ts", import: "./dist/index.js" }, "./package.json": "./package.json" });
  });

  test("npm pack ships no tests, test-support or test-only helpers, and nothing that imports vitest", () => {
    const listing = JSON.parse(execFileSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], { cwd: ROOT, encoding: "utf8" })) as Array<{ files: Array<{ path: string }> }>;
    const paths = listing[0]!.files.map((f) => f.path);
    expect(paths).toContain("bin/costcurve.js");
    expect(paths.filter((p) => /\.test\.|test-support|fake-server|pg-test-server|store\.contract|transpile-for-child|scripts\//.test(p))).toEqual([]);
    const importsVitest = paths.filter((p) => p.endsWith(".js") && readFileSync(resolve(ROOT, p), "utf8").includes('from "vitest"'));
    expect(importsVitest).toEqual([]);
  });
});
