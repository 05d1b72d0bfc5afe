// The scenario files in examples/ each run through `costcurve predict`; `predict -` reads standard input (JSON
// or YAML); YAML files are accepted; predict --help names only files that exist in the repo.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, test } from "vitest";
import { captureIo } from "./io.js";
import { main } from "./main.js";
import { runMain } from "./test-support/run-main.js";

const ROOT = resolve(import.meta.dirname, "../..");
const EXAMPLES = readdirSync(join(ROOT, "examples")).filter((f) => /\.(json|ya?ml)$/.test(f));

async function predictStdin(text: string, ...flags: string[]) {
  const io = captureIo({}, ROOT);
  io.stdin = () => text;
  const code = await main(["predict", "-", ...flags], io);
  return { code, out: io.out.join(""), err: io.err.join("") };
}

describe("examples/", () => {
  test("there are JSON and YAML examples, one of them static batching", () => {
    expect(EXAMPLES.some((f) => f.endsWith(".json"))).toBe(true);
    expect(EXAMPLES.some((f) => f.endsWith(".yaml"))).toBe(true);
    expect(readFileSync(join(ROOT, "examples", "static-batch.yaml"), "utf8")).toContain("batching: static");
  });

  test.each(EXAMPLES)("%s predicts: fits, finite throughput and cost", async (name) => {
    const r = await runMain("predict", join(ROOT, "examples", name), "--json");
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    const parsed = JSON.parse(r.out) as unknown;
    const predictions = (Array.isArray(parsed) ? parsed : [parsed]) as Array<{ fits: boolean; outputTokensPerSecond: number; inputTokensPerSecond: number; usdPerMillionInputTokens: number | null }>;
    for (const p of predictions) {
      expect(p.fits).toBe(true);
      const tokensPerSecond = p.outputTokensPerSecond + p.inputTokensPerSecond;
      expect(Number.isFinite(tokensPerSecond) && tokensPerSecond > 0).toBe(true);
    }
    const human = await runMain("predict", join(ROOT, "examples", name));
    expect(human.code).toBe(0);
    expect(human.out).not.toMatch(/NaN|undefined/);
  });
});

describe("predict input formats", () => {
  test("predict - reads JSON or YAML from standard input, with the same result as the file", async () => {
    const json = readFileSync(join(ROOT, "examples", "llama-70b-h100.json"), "utf8");
    const fromFile = await runMain("predict", join(ROOT, "examples", "llama-70b-h100.json"), "--json");
    const fromJson = await predictStdin(json, "--json");
    expect(fromJson.code).toBe(0);
    expect(fromJson.out).toBe(fromFile.out);
    const asYaml = Object.entries(JSON.parse(json) as Record<string, unknown>)
      .map(([k, v]) => `${k}: ${JSON.stringify(v)}`)
      .join("\n");
    const fromYaml = await predictStdin(asYaml, "--json");
    expect(fromYaml.out).toBe(fromFile.out);
  });

  test("bad YAML names the input and the format", async () => {
    const r = await predictStdin("model: [unclosed");
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^costcurve: scenario \(standard input\): not valid YAML/);
  });

  test("predict --help names only files in the repo", async () => {
    const r = await runMain("predict", "--help");
    const paths = [...r.out.matchAll(/\b((?:docs|examples|spec)\/[\w./-]*)/g)].map((m) => m[1]!.replace(/[.,]$/, ""));
    expect(paths).toEqual(expect.arrayContaining(["docs/scenario.md", "examples/"]));
    for (const path of paths) expect(existsSync(join(ROOT, path)), path).toBe(true);
  });
});
