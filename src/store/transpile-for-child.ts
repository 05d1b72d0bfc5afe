// Test helper: child processes run plain Node 20, which cannot load .ts, so this transpiles an entry file and
// every relative import it reaches into a directory under test-output/ (inside the project, so node_modules resolve).
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import ts from "typescript";

const IMPORT = /(?:import|export)[^"']*?from\s*["'](\.{1,2}\/[^"']+)["']/g;

/** Transpiles `entryTs` and its relative imports below `srcRoot` into `outRoot`; returns the entry's .js path. */
export function transpileForChild(entryTs: string, srcRoot: string, outRoot: string): string {
  const seen = new Set<string>();
  const queue = [resolve(entryTs)];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const source = readFileSync(file, "utf8");
    for (const match of source.matchAll(IMPORT)) {
      const target = resolve(dirname(file), match[1]!.replace(/\.js$/, ".ts"));
      if (!seen.has(target)) queue.push(target);
    }
    const output = ts.transpileModule(source, {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
      fileName: file,
    }).outputText;
    const outFile = join(outRoot, relative(srcRoot, file)).replace(/\.ts$/, ".js");
    mkdirSync(dirname(outFile), { recursive: true });
    writeFileSync(outFile, output);
  }
  return join(outRoot, relative(srcRoot, resolve(entryTs))).replace(/\.ts$/, ".js");
}
