// costcurve bench speaking vLLM's files and conventions: --save-result out, bench import in, --header,
// OPENAI_BASE_URL, /v1/models discovery, --shuffle, shared prefixes and gamma bursts, against the scripted server.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type RunningFakeServer, startFakeServer } from "../bench/fake-server.js";
import { LevelSummary } from "../bench/schemas.js";
import { parseVllmResults } from "../bench/vllm-result.js";
import { captureIo } from "./io.js";
import { main } from "./main.js";

const MODEL = "fake:ttft=0.01,itl=0.002,tokens=5";
let server: RunningFakeServer;
let dir: string;
beforeAll(async () => {
  server = await startFakeServer({ models: [MODEL, "other"] });
  dir = mkdtempSync(join(tmpdir(), "costcurve-interop-"));
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

const run = async (argv: string[], env: Record<string, string> = {}) => {
  const io = captureIo(env, dir);
  const code = await main(argv, io);
  return { code, out: io.out.join(""), err: io.err.join("") };
};

describe("vLLM --save-result, both ways", () => {
  test("bench --save-result writes one vLLM object per level; bench import reads it back to the same summaries", async () => {
    const bench = await run(["bench", "--url", server.url, "--model", MODEL, "--concurrency", "1,2", "--requests", "4", "--dataset", "random:input=20,output=5", "--save-result", "vllm.json", "--json"]);
    expect(bench.err).not.toContain("internal error");
    expect(bench.code).toBe(0);
    const own = bench.out
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as LevelSummary);
    const parsed = parseVllmResults(readFileSync(join(dir, "vllm.json"), "utf8"));
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsed.value.map((r) => [r.max_concurrency, r.request_rate, r.completed, r.total_output_tokens, r.request_goodput])).toEqual([
      [1, "inf", 4, 20, null],
      [2, "inf", 4, 20, null],
    ]);
    const first = parsed.value[0] as Record<string, unknown>;
    for (const key of ["mean_ttft_ms", "median_ttft_ms", "std_ttft_ms", "p99_ttft_ms", "mean_tpot_ms", "p99_itl_ms", "mean_e2el_ms"]) expect(typeof first[key]).toBe("number");
    // scripted TTFT 10 ms: the mean in ms is about 10 (the client adds loopback delay, never less)
    expect(first.mean_ttft_ms as number).toBeGreaterThanOrEqual(9.9);
    expect(first.mean_ttft_ms as number).toBeLessThan(40);

    const imported = await run(["bench", "import", "vllm.json", "--json", "--out", "imported"]);
    expect(imported.code).toBe(0);
    const back = imported.out
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as LevelSummary);
    expect(back.map((s) => [s.level, s.requestsCompleted, s.totalOutputTokens, s.totalInputTokens])).toEqual(own.map((s) => [s.level, s.requestsCompleted, s.totalOutputTokens, s.totalInputTokens]));
    // exact means on one side, HDR-histogram means (1 us steps) on the other
    for (const [i, s] of back.entries()) expect(Math.abs(s.ttftSeconds.mean! - own[i]!.ttftSeconds.mean!)).toBeLessThan(1e-4);
    // the files calibrate reads
    expect(LevelSummary.parse(JSON.parse(readFileSync(join(dir, "imported", "summary-c2.json"), "utf8"))).level).toBe("c2");
  });

  test("bench import of vLLM's own file prints the table", async () => {
    const fixture = new URL("../bench/fixtures/vllm-save-result.json", import.meta.url).pathname;
    const { code, out } = await run(["bench", "import", fixture]);
    expect(code).toBe(0);
    expect(out).toMatch(/^c16 +198 +2 /m);
    const bad = join(dir, "bad.json");
    writeFileSync(bad, '{"model_id": "m"}');
    const failed = await run(["bench", "import", bad]);
    expect(failed.code).toBe(1);
    expect(failed.err).toContain("expected a vllm bench serve --save-result object");
  });
});

describe("vLLM's request conventions", () => {
  test("OPENAI_BASE_URL stands in for --url, /v1/models names the model, --header goes out with each request", async () => {
    const before = server.requests.length;
    const { code, err, out } = await run(["bench", "--requests", "2", "--dataset", "random:input=5,output=5", "--header", "x-team:bench", "--header", "x-trace=1"], { OPENAI_BASE_URL: `${server.url}/v1` });
    expect(err).not.toContain("internal error");
    expect(code).toBe(0);
    expect(err).toContain(`model: ${MODEL} (the first of 2 listed by the server's /v1/models)`);
    const sent = server.requests.slice(before);
    expect(sent[0]!.path).toBe("/v1/models");
    expect(sent[0]!.headers["x-team"]).toBe("bench");
    const posts = sent.slice(1);
    expect(posts).toHaveLength(2);
    for (const r of posts) expect([r.path, r.body.model, r.headers["x-team"], r.headers["x-trace"]]).toEqual(["/v1/chat/completions", MODEL, "bench", "1"]);
    expect(out).toContain("token counts: the server's usage for all 2 completed requests");
    const bad = await run(["bench", "--url", server.url, "--model", "m", "--header", "no separator"]);
    expect(bad.err).toContain('--header: "no separator" is not NAME:VALUE');
  });

  test("--shuffle orders a dataset file by the seed, the same for the same seed", async () => {
    writeFileSync(join(dir, "p.jsonl"), Array.from({ length: 6 }, (_, i) => JSON.stringify({ prompt: `prompt number ${i}`, output_tokens: 2 })).join("\n"));
    const order = async (seed: string, shuffle: boolean) => {
      const before = server.requests.length;
      await run(["bench", "--url", server.url, "--model", MODEL, "--requests", "6", "--dataset", "jsonl:p.jsonl", "--seed", seed, ...(shuffle ? ["--shuffle"] : [])]);
      return server.requests.slice(before).map((r) => String((r.body.messages as Array<{ content: string }>)[0]!.content).slice(-1));
    };
    expect(await order("1", false)).toEqual(["0", "1", "2", "3", "4", "5"]);
    const a = await order("7", true);
    expect([...a].sort()).toEqual(["0", "1", "2", "3", "4", "5"]);
    expect(a).not.toEqual(["0", "1", "2", "3", "4", "5"]);
    expect(await order("7", true)).toEqual(a);
  });

  test("--tokenizer counts what the server's usage leaves out, and the table says so", async () => {
    // a BPE tokenizer.json with single characters and no merges: "w3" is 2 tokens, "w12" 3
    const vocab = Object.fromEntries(["[UNK]", "w", ..."0123456789"].map((t, i) => [t, i]));
    const tokenizer = {
      version: "1.0",
      truncation: null,
      padding: null,
      added_tokens: [],
      normalizer: null,
      pre_tokenizer: { type: "WhitespaceSplit" },
      post_processor: null,
      decoder: null,
      model: { type: "BPE", dropout: null, unk_token: "[UNK]", continuing_subword_prefix: null, end_of_word_suffix: null, fuse_unk: false, byte_fallback: false, vocab, merges: [] },
    };
    writeFileSync(join(dir, "tokenizer.json"), JSON.stringify(tokenizer));
    writeFileSync(join(dir, "w.jsonl"), JSON.stringify({ prompt: "w1 w2 w12", output_tokens: 5 }));
    // no usage from the server: 5 content chunks " w0" .. " w4" of 2 tokens each = 10 output tokens; the prompt is 2 + 2 + 3 = 7
    const args = ["bench", "--url", server.url, "--model", "fake:ttft=0.002,itl=0.001,tokens=5,usage=0", "--requests", "2", "--dataset", "jsonl:w.jsonl"];
    const counted = await run([...args, "--tokenizer", "tokenizer.json", "--json"]);
    expect(counted.err).not.toContain("internal error");
    expect(JSON.parse(counted.out)).toMatchObject({ totalOutputTokens: 20, totalInputTokens: 14, localTokenCountRequests: 0, tokenizerTokenCountRequests: 2 });
    const table = await run([...args, "--tokenizer", "tokenizer.json"]);
    expect(table.out).toContain("token counts: the server's usage for 0 of 2 completed requests; 2 counted with the --tokenizer file");
    // without it: one token per chunk and characters / 4 for the prompt (9 characters -> 2)
    const estimated = await run([...args, "--json"]);
    expect(JSON.parse(estimated.out)).toMatchObject({ totalOutputTokens: 10, totalInputTokens: 4, localTokenCountRequests: 2, tokenizerTokenCountRequests: 0 });
    expect((await run(args)).out).toContain("2 estimated because the server sent no usage");
    writeFileSync(join(dir, "bad-tokenizer.json"), "{}");
    expect((await run([...args, "--tokenizer", "bad-tokenizer.json"])).err).toContain("--tokenizer: ");
  });

  test("random:prefix=N: every prompt starts with the same N words", async () => {
    const before = server.requests.length;
    await run(["bench", "--url", server.url, "--model", MODEL, "--requests", "3", "--dataset", "random:input=4,output=2,prefix=8", "--endpoint", "completions"]);
    const prompts = server.requests.slice(before).map((r) => String(r.body.prompt).split(" "));
    for (const words of prompts) expect(words).toHaveLength(12);
    expect(new Set(prompts.map((w) => w.slice(0, 8).join(" "))).size).toBe(1);
    expect(new Set(prompts.map((w) => w.slice(8).join(" "))).size).toBe(3);
  });
});
