import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { DEFAULT_BEHAVIOUR, type RunningFakeServer, startFakeServer } from "../bench/fake-server.js";
import { LevelSummary, RequestRecord, RunInfo } from "../bench/schemas.js";
import { openStore } from "../store/open-store.js";
import { runsView } from "../web/data/runs-data.js";
import { webContext } from "../web/context.js";
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
      ["bench", "--url", server.url, "--model", "fake:ttft=0.01,itl=0.002,tokens=5", "--concurrency", "1,2", "--requests", "4", "--dataset", "random:input=20,output=5", "--slo", "ttft=0.5,tpot=0.1", "--out", out, "--json"],
      io,
    );
    expect(io.err.join("")).not.toContain("internal error");
    expect(code).toBe(0);
    const lines = io.out
      .join("")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as Record<string, unknown>);
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
    const records = readFileSync(join(out, "requests-c2.jsonl"), "utf8")
      .trim()
      .split("\n")
      .map((l) => RequestRecord.parse(JSON.parse(l)));
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

describe("what a run's outcome tells", () => {
  test("a run where every request fails exits 1 naming the errors; one that completes any exits 0", async () => {
    const io = captureIo();
    expect(await main(["bench", "--url", server.url, "--model", "fake:status=500", "--concurrency", "1,2", "--requests", "2", "--dataset", "random:input=5,output=2"], io)).toBe(1);
    expect(io.err.join("")).toContain("bench: every request failed (http_500 4)");
  });

  test("cached prompt tokens in the server's usage are warned about", async () => {
    const cached = await startFakeServer({ script: () => ({ ...DEFAULT_BEHAVIOUR, firstTokenDelaySeconds: 0.002, tokenIntervalSeconds: 0.001, outputTokens: 2, usageOverride: { prompt_tokens_details: { cached_tokens: 15 } } }) });
    try {
      const io = captureIo();
      expect(await main(["bench", "--url", cached.url, "--model", "m", "--requests", "2", "--dataset", "random:input=20,output=2"], io)).toBe(0);
      // 2 requests of 20 words, 15 of each cached: 30 of 40
      expect(io.err.join("")).toContain("warning: the server reported 30 of 40 input tokens (75%) as served from its prompt cache");
      const clean = captureIo();
      expect(await main(["bench", "--url", server.url, "--model", "fake:ttft=0.002,itl=0.001,tokens=2", "--requests", "2", "--dataset", "random:input=20,output=2"], clean)).toBe(0);
      expect(clean.err.join("")).not.toContain("prompt cache");
    } finally {
      await cached.close();
    }
  });
});

/** Every byte of a SQLite store (main file, WAL and shared memory) that sits in dir under the given name. */
const storeBytes = (dir: string, name: string) =>
  Buffer.concat(
    readdirSync(dir)
      .filter((f) => f.startsWith(name))
      .map((f) => readFileSync(join(dir, f))),
  );

describe("costcurve bench --save", () => {
  const KEY = "sk-store-secret-71c3e9";
  const URL_PASSWORD = "url-pass-5d2b";
  const run = async (argv: string[], env: Record<string, string>, cwd: string) => {
    const io = captureIo(env, cwd);
    const code = await main(argv, io);
    expect(code, io.err.join("")).toBe(0);
    return io;
  };

  test("a run saved to a SQLite store is listed, calibrates like its results dir, shows on the web runs page, and the store never holds the key", async () => {
    const dir = tempDir();
    const env = { COSTCURVE_DB: join(dir, "store.db"), OPENAI_API_KEY: KEY };
    const url = server.url.replace("http://", `http://bench-user:${URL_PASSWORD}@`);
    const saved = await run(["bench", "--url", url, "--model", "fake:ttft=0.01,itl=0.002,tokens=5", "--concurrency", "1,2", "--requests", "4", "--dataset", "random:input=20,output=5", "--out", "results", "--name", "fake c1,c2"], env, dir);
    const id = /saved run (\S+) to (.+)$/m.exec(saved.err.join(""))?.[1];
    expect(saved.err.join("")).toContain(`to ${join(dir, "store.db")}`);
    expect(id).toMatch(/^\d{8}T\d{6}Z-[0-9a-f]{6}$/);

    const listed = JSON.parse((await run(["bench", "runs", "--json"], env, dir)).out.join("")) as Array<{ id: string; label: string; metadata: Record<string, unknown> }>;
    expect(listed.map((r) => [r.id, r.label])).toEqual([[id, "fake c1,c2"]]);
    expect(listed[0]!.metadata).toMatchObject({
      url: `${server.url}/`,
      model: "fake:ttft=0.01,itl=0.002,tokens=5",
      endpoint: "chat",
      dataset: "random:input=20,output=5",
      levels: ["c1", "c2"],
      completedLevels: ["c1", "c2"],
      interrupted: false,
      requestsPerLevel: 4,
      clientVersion: expect.stringMatching(/^\d+\.\d+\.\d+/),
    });
    expect(Date.parse(listed[0]!.metadata.finishedAt as string)).toBeGreaterThanOrEqual(Date.parse(listed[0]!.metadata.startedAt as string));
    expect((await run(["bench", "runs"], env, dir)).out.join("")).toMatch(new RegExp(`^${id} .*fake c1,c2 .*c1,c2 \\(2/2 done\\)`, "m"));

    const store = await openStore(env, dir);
    try {
      const stored = await store.getBenchRun(id!);
      // 2 levels x 4 requests, each of 5 tokens
      expect(stored?.levels.map((l) => LevelSummary.parse(l.summary).requestsCompleted)).toEqual([4, 4]);
      expect(stored?.requests.map((r) => RequestRecord.parse(r.data).outputTokens)).toEqual(Array(8).fill(5));
    } finally {
      await store.close();
    }

    // calibrating from the stored run gives exactly what calibrating from its --out directory gives
    writeFileSync(
      join(dir, "scenario.json"),
      JSON.stringify({
        model: "meta-llama/Llama-3.1-8B",
        hardware: { accelerator: "h100-sxm", count: 1 },
        engine: "vllm",
        workload: { kind: "generate", inputTokens: 1, outputTokens: 1, load: { mode: "concurrency", concurrency: 1 } },
      }),
    );
    type Calibration = { rows: Array<{ level: string; metric: string; measured: number }>; fitted: { scales: unknown } };
    const fromRun = JSON.parse((await run(["calibrate", "--run", id!, "--scenario", "scenario.json", "--json"], env, dir)).out.join("")) as Calibration;
    const fromDir = JSON.parse((await run(["calibrate", "results", "--scenario", "scenario.json", "--json"], env, dir)).out.join("")) as Calibration;
    // c1 and c2: output tokens/s, TTFT and TPOT each
    expect(fromRun.rows.map((r) => `${r.level} ${r.metric}`)).toEqual(["c1", "c2"].flatMap((l) => ["outputTokensPerSecond", "ttftSeconds", "tpotSeconds"].map((m) => `${l} ${m}`)));
    expect(fromRun.rows).toEqual(fromDir.rows);
    // by label too
    expect(JSON.parse((await run(["calibrate", "--run", "fake c1,c2", "--scenario", "scenario.json", "--json"], env, dir)).out.join("")).rows).toEqual(fromRun.rows);

    // the web app's Benchmark runs page reads it
    const view = await runsView({ ...webContext(env, dir), url: new URL("http://127.0.0.1/runs"), query: new URLSearchParams() });
    expect(view.runs.map((r) => r.id)).toEqual([id]);
    expect(view.selected?.run.label).toBe("fake c1,c2");
    expect(view.selected?.levels.map((l) => [l.level, l.requestsCompleted, l.totalOutputTokens])).toEqual([
      ["c1", 4, 20],
      ["c2", 4, 20],
    ]);

    const bytes = storeBytes(dir, "store.db");
    expect(bytes.includes(id!)).toBe(true);
    expect(bytes.includes(KEY)).toBe(false);
    expect(bytes.includes(URL_PASSWORD)).toBe(false);
    expect(server.requests.at(-1)!.headers.authorization).toBe(`Bearer ${KEY}`);
  });

  test("without a configured store --save uses ./costcurve.db; a server echoing the key in its errors does not get it stored", async () => {
    const dir = tempDir();
    const echo = createServer((req, res) => {
      req.resume();
      res.writeHead(401, { "content-type": "application/json" });
      res.end(JSON.stringify({ error: { message: `Incorrect API key provided: ${req.headers.authorization}` } }));
    });
    await new Promise<void>((resolve) => echo.listen(0, "127.0.0.1", resolve));
    try {
      const url = `http://127.0.0.1:${(echo.address() as AddressInfo).port}`;
      const io = captureIo({ COSTCURVE_API_KEY: KEY }, dir);
      // every request failed: exit 1, the run saved all the same
      expect(await main(["bench", "--url", url, "--model", "m", "--requests", "2", "--dataset", "random:input=5,output=2", "--save", "--json"], io)).toBe(1);
      expect(io.err.join("")).toContain("bench: every request failed (http_401 2)");
      expect(JSON.parse(io.out.join(""))).toMatchObject({ requestsCompleted: 0, requestsFailed: 2, errors: { http_401: 2 } });
    } finally {
      await new Promise((resolve) => echo.close(resolve));
    }
    expect(existsSync(join(dir, "costcurve.db"))).toBe(true);
    const store = await openStore({}, dir);
    try {
      const [saved] = await store.listBenchRuns();
      const stored = await store.getBenchRun(saved!.id);
      expect(RequestRecord.parse(stored?.requests[0]?.data).errorMessage).toContain("Incorrect API key provided: Bearer [redacted]");
    } finally {
      await store.close();
    }
    const bytes = storeBytes(dir, "costcurve.db");
    expect(bytes.includes("Incorrect API key provided")).toBe(true);
    expect(bytes.includes(KEY)).toBe(false);
  });

  test("secrets: URL credentials, api_key query values, the API key and echoed Bearer/Basic tokens are in no file of --out, --save-result or the store", async () => {
    const dir = tempDir();
    const basic = Buffer.from("alice:PaSsWoRd").toString("base64");
    const echo = createServer((req, res) => {
      req.resume();
      res.writeHead(401, { "content-type": "application/json" });
      res.end(JSON.stringify({ error: { message: `denied ${req.headers.authorization} ${req.headers["x-api-key"]} at ${req.url}; also tried Basic ${basic} and sk-other-0123456789` } }));
    });
    await new Promise<void>((resolve) => echo.listen(0, "127.0.0.1", resolve));
    const port = (echo.address() as AddressInfo).port;
    const url = `http://alice:PaSsWoRd@127.0.0.1:${port}/v1?api_key=query-secret-77`;
    try {
      const io = captureIo({ COSTCURVE_API_KEY: KEY, COSTCURVE_DB: join(dir, "store.db") }, dir);
      await main(["bench", "--url", url, "--model", "m", "--requests", "2", "--dataset", "random:input=5,output=2", "--header", "x-api-key:header-secret-88", "--out", "out", "--save-result", "vllm.json", "--save"], io);
      expect(io.err.join("")).toContain("saved run");
    } finally {
      await new Promise((resolve) => echo.close(resolve));
    }
    const files = [...readdirSync(join(dir, "out")).map((f) => join(dir, "out", f)), join(dir, "vllm.json")];
    const bytes = Buffer.concat([...files.map((f) => readFileSync(f)), storeBytes(dir, "store.db")]);
    expect(bytes.includes("denied")).toBe(true);
    for (const secret of [KEY, "PaSsWoRd", "alice", "query-secret-77", "header-secret-88", basic, "sk-other-0123456789"]) expect(bytes.includes(secret), secret).toBe(false);
    expect(RunInfo.parse(JSON.parse(readFileSync(join(dir, "out", "run.json"), "utf8"))).url).toBe(`http://127.0.0.1:${port}/v1?api_key=[redacted]`);
  });

  test("listing without a store creates no file; calibrate names --run and RESULTS_DIR in its errors", async () => {
    const dir = tempDir();
    const list = captureIo({}, dir);
    expect(await main(["bench", "runs"], list)).toBe(0);
    expect(list.out.join("")).toContain("no saved runs");
    expect(existsSync(join(dir, "costcurve.db"))).toBe(false);
    const both = captureIo({ COSTCURVE_DB: join(dir, "s.db") }, dir);
    expect(await main(["calibrate", "results", "--run", "x", "--scenario", "s.json"], both)).toBe(1);
    expect(both.err.join("")).toContain("RESULTS_DIR and --run: give one of them");
    const unknown = captureIo({ COSTCURVE_DB: join(dir, "s.db") }, dir);
    expect(await main(["calibrate", "--run", "nope", "--scenario", "s.json"], unknown)).toBe(1);
    expect(unknown.err.join("")).toContain('--run: no saved run "nope"; the store holds no runs');
    const noUrl = captureIo({}, dir);
    expect(await main(["bench", "--model", "m"], noUrl)).toBe(1);
    expect(noUrl.err.join("")).toContain("--url: required");
  });
});

describe("Ctrl-C", () => {
  test("SIGINT mid-run stops cleanly and leaves valid result files, and --save keeps the measured requests in the store", async () => {
    const bin = join(process.cwd(), "bin", "costcurve.js");
    if (!existsSync(join(process.cwd(), "dist", "cli", "bench.js"))) throw new Error("dist/ is missing: run `npm run build` first (npm test does)");
    const out = tempDir();
    const db = join(tempDir(), "store.db");
    // 20 tokens 10 ms apart: about 0.21 s per request, 4 at a time, 200 requests would take ~10 s
    const child = spawn(process.execPath, [bin, "bench", "--url", server.url, "--model", "fake:ttft=0.01,itl=0.01,tokens=20", "--concurrency", "4", "--requests", "200", "--dataset", "random:input=10,output=20", "--out", out, "--save"], {
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, COSTCURVE_DB: db, DATABASE_URL: "" },
    });
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
    const records = readFileSync(file, "utf8")
      .trim()
      .split("\n")
      .map((l) => RequestRecord.parse(JSON.parse(l)));
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
    expect(stderr).toMatch(/saved run \S+ to /);
    const store = await openStore({ COSTCURVE_DB: db });
    try {
      const [saved] = await store.listBenchRuns();
      expect(saved?.metadata).toMatchObject({ interrupted: true, completedLevels: [], levels: ["c4"] });
      const stored = await store.getBenchRun(saved!.id);
      // the same level summary and the same request rows as the files
      expect(stored?.levels.map((l) => LevelSummary.parse(l.summary))).toEqual([summary]);
      expect(stored?.requests.map((r) => RequestRecord.parse(r.data)).sort((a, b) => a.index - b.index)).toEqual([...records].sort((a, b) => a.index - b.index));
    } finally {
      await store.close();
    }
  });
});
