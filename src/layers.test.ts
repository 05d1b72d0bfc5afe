import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

// The import direction of STYLE.md: each folder lists the project folders it may import. Every folder under src has
// a list (a new folder fails until it gets one); only the shells (cli, web) are above app, and nothing below them
// imports either.
const ALLOWED: Record<string, string[]> = {
  core: ["core"],
  catalog: ["core", "catalog"],
  report: ["core", "report"],
  prices: ["core", "catalog", "prices", "store"],
  store: ["core", "store"],
  bench: ["core", "catalog", "store", "bench"],
  kb: ["core", "catalog", "prices", "store", "kb"],
  market: ["core", "catalog", "report", "store", "market"],
  app: ["core", "catalog", "prices", "store", "report", "kb", "market", "bench", "app"],
  cli: ["core", "catalog", "prices", "store", "report", "kb", "market", "bench", "app", "cli", "web"],
  web: ["core", "catalog", "prices", "store", "report", "kb", "market", "bench", "app", "web"],
  // test-only suites that drive the shells from outside (never shipped: package.test.ts checks the tarball)
  fuzz: ["core", "catalog", "prices", "store", "report", "kb", "market", "bench", "app", "cli", "web", "fuzz"],
};

/** Folders above every layer: the shells and the test-only suites that drive them. */
const ABOVE = new Set(["cli", "web", "fuzz"]);

const SRC = resolve(import.meta.dirname);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith(".ts") && !name.endsWith(".test.ts") && !path.includes("test-support") ? [path] : [];
  });
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const found: string[] = [];
  for (const m of text.matchAll(/(?:^|\n)\s*(?:import|export)[^;]*?from\s+["']([^"']+)["']/g)) found.push(m[1]!);
  for (const m of text.matchAll(/import\(\s*["']([^"']+)["']\s*\)/g)) found.push(m[1]!);
  return found;
}

describe("layers", () => {
  for (const [layer, allowed] of Object.entries(ALLOWED)) {
    it(`src/${layer} imports only ${allowed.join(", ")}`, () => {
      const violations: string[] = [];
      for (const file of sourceFiles(join(SRC, layer))) {
        for (const spec of importsOf(file)) {
          const rel = relative(SRC, file);
          if (spec.startsWith(".")) {
            const target = relative(SRC, resolve(join(file, ".."), spec)).split("/")[0]!;
            if (!allowed.includes(target)) violations.push(`${rel} -> ${spec}`);
          } else if (layer === "core" && (spec.startsWith("node:") || !["zod"].includes(spec))) {
            violations.push(`${rel} -> ${spec} (core is pure: zod only)`);
          }
        }
      }
      expect(violations).toEqual([]);
    });
  }

  it("every folder under src has an allowed-import list", () => {
    const folders = readdirSync(SRC).filter((name) => statSync(join(SRC, name)).isDirectory());
    expect(folders.filter((f) => !(f in ALLOWED))).toEqual([]);
  });

  it("nothing below the shells imports src/cli or src/web", () => {
    for (const [layer, allowed] of Object.entries(ALLOWED)) {
      if (ABOVE.has(layer)) continue;
      expect(
        allowed.filter((a) => a === "cli" || a === "web"),
        layer,
      ).toEqual([]);
    }
  });

  it("src/index.ts (the library) calls app and imports no shell", () => {
    const specs = importsOf(join(SRC, "index.ts"));
    expect(specs.some((s) => s.startsWith("./app/"))).toBe(true);
    expect(specs.filter((s) => s.startsWith("./cli/") || s.startsWith("./web/"))).toEqual([]);
  });

  it("core has no console, clock or randomness", () => {
    const offenders = sourceFiles(join(SRC, "core")).filter((f) => /console\.|Date\.now|new Date\(|Math\.random|process\./.test(readFileSync(f, "utf8")));
    expect(offenders.map((f) => relative(SRC, f))).toEqual([]);
  });

  it("catches a violation (the scanner is not blind)", () => {
    expect(importsOf(join(SRC, "cli", "predict.ts")).some((s) => s.startsWith("../core/"))).toBe(true);
  });
});
