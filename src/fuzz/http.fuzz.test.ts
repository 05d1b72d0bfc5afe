// Fuzz: the web API with bad query values and garbled POST bodies. Every answer is a 200 with finite numbers or a
// 4xx whose error names the parameter or field; never a 5xx, never a stack, each within a time bound.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type RunningWebServer, startWebServer } from "../web/server.js";
import { badText, badValue, FUZZ_SEED, nonFiniteInJson, problemsInError, Tally, within } from "./fuzz-support.js";

let web: RunningWebServer;
const logged: string[] = [];
const tally = new Tally();
beforeAll(async () => {
  web = await startWebServer({ env: {}, log: (t) => void logged.push(t) });
});
afterAll(async () => {
  await web.close();
  console.log(tally.report("fuzz http"));
});

/** Endpoint, its other (valid) parameters, and the parameters fuzzed one at a time. */
const QUERIES: Array<{ path: string; base: Record<string, string>; params: string[] }> = [
  { path: "/api/predict", base: { model: "meta-llama/Llama-3.1-8B", accelerator: "h100-sxm" }, params: ["count", "input", "output", "concurrency", "usd", "utilization", "ttft", "tpot", "percentile", "mode", "kind", "weights"] },
  { path: "/api/prices", base: { model: "gpt-4o" }, params: ["at"] },
  { path: "/api/bill", base: { model: "gpt-4o", "input-tokens": "1000", "output-tokens": "1000" }, params: ["requests", "cache-hit", "overhead", "discount", "at", "input-tokens"] },
  { path: "/api/breakeven", base: { model: "meta-llama/Llama-3.3-70B-Instruct", accelerator: "h100-sxm", vs: "gpt-4o" }, params: ["count", "input-share", "utilizations", "at"] },
  { path: "/api/index", base: { model: "gpt-4o" }, params: ["from", "to", "utilization"] },
  { path: "/api/embeddings", base: { model: "BAAI/bge-large-en-v1.5", accelerator: "h100-sxm", seq: "512" }, params: ["seq", "batch", "utilization"] },
  { path: "/api/kb/search", base: {}, params: ["q", "limit"] },
];

async function get(path: string): Promise<{ status: number; text: string }> {
  const res = await within(20_000, path, fetch(web.url + path));
  return { status: res.status, text: await res.text() };
}

function check(kind: string, r: { status: number; text: string }, names: string[]): void {
  expect(r.status < 500, r.text.slice(0, 300)).toBe(true);
  expect(problemsInError(r.text), r.text.slice(0, 300)).toEqual([]);
  const body = JSON.parse(r.text) as unknown;
  if (r.status >= 400) {
    const error = (body as { error?: string }).error ?? "";
    expect(
      names.some((n) => error.includes(n)),
      `error names one of ${names.join(", ")}: ${error}`,
    ).toBe(true);
    tally.add(kind, "refused");
  } else {
    expect(nonFiniteInJson(body)).toEqual([]);
    tally.add(kind, "accepted");
  }
}

describe("fuzz: web API", () => {
  test("a bad value for one query parameter: 200 with finite numbers or a 4xx naming it", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...QUERIES).chain((q) => fc.tuple(fc.constant(q), fc.constantFrom(...q.params))),
        badText,
        async ([q, param], value) => {
          const query = new URLSearchParams({ ...q.base, [param]: value });
          const r = await get(`${q.path}?${query}`);
          check(`query ${q.path}`, r, [param, "query"]);
        },
      ),
      { numRuns: 300, seed: FUZZ_SEED },
    );
  });

  test("POST /api/predict with one field garbled or a garbled body: 200 or a 4xx naming the field", async () => {
    const base = { model: "meta-llama/Llama-3.1-8B", hardware: { accelerator: "h100-sxm", count: 1 }, engine: "vllm", workload: { kind: "generate", inputTokens: 512, outputTokens: 256, load: { mode: "concurrency", concurrency: 16 } } };
    const fields = [["model"], ["hardware", "count"], ["hardware", "accelerator"], ["workload", "inputTokens"], ["workload", "outputTokens"], ["workload", "load"], ["workload", "load", "concurrency"], ["engine"], ["pricing"]];
    const body = fc.oneof(
      fc.tuple(fc.constantFrom(...fields), badValue).map(([path, value]) => {
        const copy = structuredClone(base) as Record<string, unknown>;
        let at = copy;
        for (const key of path.slice(0, -1)) at = at[key] as Record<string, unknown>;
        at[path.at(-1)!] = value;
        return { text: JSON.stringify(copy), names: path };
      }),
      fc.string({ maxLength: 100 }).map((text) => ({ text, names: ["body"] })),
      fc.jsonValue({ maxDepth: 3 }).map((v) => ({ text: JSON.stringify(v), names: ["body", "model", "hardware", "workload", "scenario", "expected"] })),
    );
    await fc.assert(
      fc.asyncProperty(body, async ({ text, names }) => {
        const res = await within(20_000, "POST /api/predict", fetch(`${web.url}/api/predict`, { method: "POST", body: text, headers: { "content-type": "application/json" } }));
        check("POST /api/predict", { status: res.status, text: await res.text() }, [...names, "body"]);
      }),
      { numRuns: 200, seed: FUZZ_SEED },
    );
    expect(logged.join("")).toBe("");
  });
});

describe("fuzz findings not fixed yet (each flips to a failure once fixed)", () => {
  // found by the query fuzz: an interactivity no configuration reaches is reported against count (as a TPOT limit of 1/82 s)
  test.fails("GET /api/index?interactivity=5e-324 names interactivity (it names model)", async () => {
    const r = await get("/api/index?model=gpt-4o&interactivity=5e-324");
    expect(r.status).toBe(400);
    expect((JSON.parse(r.text) as { error: string }).error).toMatch(/interactivity/);
  });

  test.fails("GET /api/breakeven?interactivity=82 names interactivity", async () => {
    const r = await get("/api/breakeven?model=meta-llama/Llama-3.3-70B-Instruct&accelerator=h100-sxm&vs=gpt-4o&interactivity=82");
    expect(r.status).toBe(400);
    expect((JSON.parse(r.text) as { error: string }).error).toMatch(/interactivity/);
  });
});
