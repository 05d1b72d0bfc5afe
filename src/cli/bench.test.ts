import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type RunningFakeServer, startFakeServer } from "../bench/fake-server.js";
import { LevelSummary, RequestRecord, RunInfo } from "../bench/schemas.js";
import { captureIo } from "./io.js";
import { main } from "./main.js";

let server: RunningFakeServer;
const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), "costcurve-bench-"));
  dirs.push(dir);
  return dir;
};
beforeAll(async () => void (server = await startFakeServer()));
afterAll(async () => {
  await server.close();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe("costcurve bench", () => {
  test("--json prints one summary per level and --out keeps every request; the API key is never written", async () => {
    const key = "sk-secret-key-4f9a2c";
    const out = tempDir();
    const io = captureIo({ OPENAI_API_KEY: key });
    const code = await main(
      ["bench", "--url", server.url, "--model", "fake:ttft=0.01,itl=0.002,tokens=5", "--concurrency", "1,2", "--requests", "4",
        "--dataset", "random:input=20,output=5", "--slo", "ttft=0.5,tpot=0.1", "--out", out, "--json"],
      io,
    );
    expect(io.err.join("")).not.toContain("internal error");
    expect(code).toBe(0);
    const lines = io.out.join("").trim().split("\n").map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => l.level)).toEqual(["c1", "c2"]);
    for (const line of lines) {
      // 4 requests of 5 tokens each; random:input=20 -> 20 words, which the fake server counts as tokens
      expect(line).toMatchObject({ requestsCompleted: 4, requestsFailed: 0, totalOutputTokens: 20, totalInputTokens: 80, errors: {} });
      for (const key of ["outputTokensPerSecond", "inputTokensPerSecond", "requestsPerSecond", "goodputRequestsPerSecond"]) expect(line[key]).toBeGreaterThan(0);
      for (const metric of ["ttftSeconds", "tpotSeconds", "itlSeconds", "e2eSeconds"]) {
        expect(Object.keys(line[metric] as object).sort()).toEqual(["mean", "p50", "p90", "p99"]);
      }
    }
    expect(readdirSync(out).sort()).toEqual(["requests-c1.jsonl", "requests-c2.jsonl", "run.json", "summary-c1.json", "summary-c2.json"]);
    const records = readFileSync(join(out, "requests-c2.jsonl"), "utf8").trim().split("\n").map((l) => RequestRecord.parse(JSON.parse(l)));
    expect(records).toHaveLength(4);
    expect(LevelSummary.parse(JSON.parse(readFileSync(join(out, "summary-c1.json"), "utf8"))).requestsCompleted).toBe(4);
    expect(RunInfo.parse(JSON.parse(readFileSync(join(out, "run.json"), "utf8"))).completedLevels).toEqual(["c1", "c2"]);
    // the key went out (as a Bearer header) but is in no file and no output
    expect(server.requests.at(-1)!.headers.authorization).toBe(`Bearer ${key}`);
    for (const file of readdirSync(out)) expect(readFileSync(join(out, file), "utf8")).not.toContain(key);
    expect(io.out.join("") + io.err.join("")).not.toContain(key);
  });

  test("the human table lists each level", async () => {
    const io = captureIo();
    const code = await main(["bench", "--url", server.url, "--model", "fake:ttft=0.005,itl=0.001,tokens=3", "--rate", "50", "--requests", "5", "--dataset", "random:input=10,output=3"], io);
    expect(code).toBe(0);
    const text = io.out.join("");
    expect(text).toContain("TTFT p50");
    expect(text).toMatch(/^r50 +5 +0 /m);
    expect(text).not.toMatch(/NaN|undefined|Infinity/);
    expect(io.err.join("")).toMatch(/^r50: 5 ok, 0 failed/m);
  });

  test.each([
    [["--endpoint", "rerank"], "--endpoint"],
    [["--concurrency", "1,x"], "--concurrency"],
    [["--concurrency", "1", "--rate", "2"], "--concurrency and --rate"],
    [["--slo", "ttft=fast"], "--slo"],
    [["--dataset", "zipf:1"], "--dataset"],
    [["--dataset", "random:input=0"], "--dataset random"],
    [["--dataset", "jsonl:/nonexistent/x.jsonl"], "cannot read"],
  ])("bad input %j is a usage error naming the field", async (args, field) => {
    const io = captureIo();
    const code = await main(["bench", "--url", server.url, "--model", "m", ...args], io);
    expect(code).toBe(1);
    expect(io.err.join("")).toContain(field);
  });
});

describe("Ctrl-C", () => {
  test("SIGINT mid-run stops cleanly and leaves valid result files", async () => {
    const bin = join(process.cwd(), "bin", "costcurve.js");
    if (!existsSync(join(process.cwd(), "dist", "cli", "bench.js"))) throw new Error("dist/ is missing: run `npm run build` first (npm test does)");
    const out = tempDir();
    // 20 tokens 10 ms apart: about 0.21 s per request, 4 at a time, 200 requests would take ~10 s
    const child = spawn(process.execPath, [bin, "bench", "--url", server.url, "--model", "fake:ttft=0.01,itl=0.01,tokens=20", "--concurrency", "4", "--requests", "200", "--dataset", "random:input=10,output=20", "--out", out], { stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => void (stderr += d.toString()));
    const file = join(out, "requests-c4.jsonl");
    const deadline = performance.now() + 20_000;
    while (performance.now() < deadline) {
      if (existsSync(file) && readFileSync(file, "utf8").split("\n").length > 8) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    child.kill("SIGINT");
    const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
    expect(code).toBe(1);
    expect(stderr).toContain("interrupted");
    const records = readFileSync(file, "utf8").trim().split("\n").map((l) => RequestRecord.parse(JSON.parse(l)));
    const ok = records.filter((r) => r.ok).length;
    expect(ok).toBeGreaterThanOrEqual(8);
    expect(ok).toBeLessThan(200);
    const summary = LevelSummary.parse(JSON.parse(readFileSync(join(out, "summary-c4.json"), "utf8")));
    expect(summary.interrupted).toBe(true);
    expect(summary.requestsCompleted).toBe(ok);
    expect(summary.requestsFailed).toBe(0);
    const run = RunInfo.parse(JSON.parse(readFileSync(join(out, "run.json"), "utf8")));
    expect(run.interrupted).toBe(true);
    expect(run.finishedAt).not.toBeNull();
  });
});
