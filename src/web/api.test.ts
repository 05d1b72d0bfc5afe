// The JSON API over real HTTP on loopback: the CLI's exact output, 400s naming the field, 413 over 1 MiB,
// "internal error" without a stack, security headers and HTML escaping.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { captureIo } from "../cli/io.js";
import { main } from "../cli/main.js";
import { type RunningWebServer, startWebServer } from "./server.js";

const SCENARIO = {
  id: "api-test",
  model: "meta-llama/Llama-3.1-8B",
  hardware: { accelerator: "h100-sxm", count: 1 },
  engine: "vllm",
  workload: { kind: "generate", inputTokens: 512, outputTokens: 256, load: { mode: "concurrency", concurrency: 16 } },
  pricing: { usdPerAcceleratorHour: 2.5, utilization: 1 },
};

const dir = mkdtempSync(join(tmpdir(), "costcurve-web-api-"));

async function cli(argv: string[]): Promise<string> {
  const io = captureIo();
  const code = await main(argv, io);
  expect(code, io.err.join("")).toBe(0);
  return io.out.join("");
}

describe("web API", () => {
  let web: RunningWebServer;
  const logged: string[] = [];
  const post = (path: string, body: string, type = "application/json") => fetch(web.url + path, { method: "POST", body, headers: { "content-type": type } });

  beforeAll(async () => {
    web = await startWebServer({ env: {}, log: (t) => void logged.push(t) });
  });
  afterAll(() => web.close());

  it("binds to 127.0.0.1 by default", () => {
    expect(web.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it("POST /api/predict returns byte for byte what `costcurve predict --json` prints, for an object and an array", async () => {
    for (const body of [SCENARIO, [SCENARIO, { ...SCENARIO, id: "second", hardware: { accelerator: "a100-sxm-80gb", count: 2 } }]]) {
      const file = join(dir, "scenario.json");
      writeFileSync(file, JSON.stringify(body));
      const expected = await cli(["predict", file, "--json"]);
      const res = await post("/api/predict", JSON.stringify(body));
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toContain("application/json");
      expect(await res.text()).toBe(expected);
    }
  });

  it("GET /api/predict takes the Predict page's query and answers like the CLI for the scenario it describes", async () => {
    const res = await fetch(`${web.url}/api/predict?model=meta-llama/Llama-3.1-8B&accelerator=h100-sxm&count=1&input=512&output=256&concurrency=16&usd=2.5`);
    const body = (await res.json()) as { outputTokensPerSecond: number; usdPerMillionOutputTokens: number };
    const file = join(dir, "same.json");
    const { id: _id, ...rest } = SCENARIO;
    writeFileSync(file, JSON.stringify({ ...rest, precision: { weights: "bf16", activations: "bf16", kvCache: "bf16" } }));
    const cliJson = JSON.parse(await cli(["predict", file, "--json"])) as typeof body;
    expect(body.outputTokensPerSecond).toBe(cliJson.outputTokensPerSecond);
    expect(body.usdPerMillionOutputTokens).toBe(cliJson.usdPerMillionOutputTokens);
  });

  it.each([
    [{ ...SCENARIO, hardware: { accelerator: "h100-sxm", count: 0 } }, /scenario\.hardware\.count/],
    [{ ...SCENARIO, colour: "red" }, /unknown field "colour"/],
    [{ ...SCENARIO, hardware: { accelerator: "h100-sxn", count: 1 } }, /scenario\.hardware\.accelerator: unknown accelerator "h100-sxn"; did you mean/],
    [{ ...SCENARIO, model: "../../etc/passwd.json" }, /scenario\.model: config\.json paths are not read over HTTP/],
    [[SCENARIO, { ...SCENARIO, workload: { ...SCENARIO.workload, kind: "chat" } }], /scenario\[1\]\.workload\.kind/],
  ])("POST /api/predict with bad input is a 400 naming the field (%#)", async (body, message) => {
    const res = await post("/api/predict", JSON.stringify(body));
    expect(res.status).toBe(400);
    const json = (await res.json()) as { error: string };
    expect(json.error).toMatch(message);
  });

  it("invalid JSON, an empty body and a wrong content type are refused with a reason", async () => {
    const bad = await post("/api/predict", "{not json");
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toMatch(/^body: not valid JSON/);
    const empty = await post("/api/predict", "");
    expect(empty.status).toBe(400);
    const form = await post("/api/predict", "a=1", "application/x-www-form-urlencoded");
    expect(form.status).toBe(415);
  });

  it("a body over 1 MiB is refused with 413, by Content-Length and when streamed without one", async () => {
    const big = JSON.stringify({ ...SCENARIO, id: "x".repeat(1024 * 1024) });
    const res = await post("/api/predict", big);
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: string }).error).toMatch(/1 MiB/);
    const chunk = new TextEncoder().encode("x".repeat(64 * 1024));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= 20) return controller.close();
        sent++;
        controller.enqueue(chunk);
      },
    });
    const chunked = await fetch(`${web.url}/api/predict`, { method: "POST", body: stream, headers: { "content-type": "application/json" }, duplex: "half" } as RequestInit);
    expect(chunked.status).toBe(413);
  });

  it("GET endpoints name the bad query parameter in a 400", async () => {
    const cases: Array<[string, RegExp]> = [
      ["/api/bill?model=gpt-4o&input-tokens=1M&output-tokens=1M&cache-hit=2", /^cache-hit: expected a fraction/],
      ["/api/predict?count=abc", /query parameter count/],
      ["/api/predict?count=8&colour=red", /unknown field "colour"/],
      ["/api/breakeven?model=meta-llama/Llama-3.3-70B-Instruct&accelerator=h100-sxm&vs=gpt-4o&count=-1", /^count: expected a whole number/],
      ["/api/embeddings?model=BAAI/bge-large-en-v1.5&accelerator=h100-sxm&batch=0", /^batch: /],
      ["/api/prices?model=gpt-4o&at=2024-13-45", /^at: expected a date/],
      ["/api/optimize?ttft=-1", /^ttft: /],
      ["/api/frontier?accelerators=h100-sxm&input=abc", /^input: /],
    ];
    for (const [path, message] of cases) {
      const res = await fetch(web.url + path);
      const json = (await res.json()) as { error: string };
      expect(res.status, path).toBe(400);
      expect(json.error, path).toMatch(message);
    }
  });

  it("GET /api/prices and /api/bill print what the CLI prints with --json", async () => {
    const prices = await fetch(`${web.url}/api/prices?model=gpt-4o&history=1`);
    expect(await prices.text()).toBe(await cli(["prices", "gpt-4o", "--history", "--json"]));
    const bill = await fetch(`${web.url}/api/bill?model=gpt-4o-mini&input-tokens=300M&output-tokens=60M&cache-hit=0.5&at=2026-01-01`);
    expect(await bill.text()).toBe(await cli(["bill", "--model", "gpt-4o-mini", "--input-tokens", "300M", "--output-tokens", "60M", "--cache-hit", "0.5", "--at", "2026-01-01", "--json"]));
  });

  it("the breakeven chart download is the same SVG the CLI writes", async () => {
    const args = ["--model", "meta-llama/Llama-3.3-70B-Instruct", "--accelerator", "h100-sxm", "--vs", "gpt-4o", "--at", "2026-06-01"];
    const file = join(dir, "breakeven.svg");
    await cli(["breakeven", ...args, "--svg", file]);
    const res = await fetch(`${web.url}/api/chart/breakeven.svg?model=meta-llama/Llama-3.3-70B-Instruct&accelerator=h100-sxm&vs=gpt-4o&at=2026-06-01`);
    expect(res.headers.get("content-type")).toContain("image/svg+xml");
    expect(await res.text()).toBe(readFileSync(file, "utf8"));
    const png = await fetch(`${web.url}/api/chart/breakeven.png?model=meta-llama/Llama-3.3-70B-Instruct&accelerator=h100-sxm&vs=gpt-4o&at=2026-06-01`);
    expect(png.headers.get("content-type")).toBe("image/png");
  });

  it("every response carries CSP without inline scripts and nosniff; pages escape what the user typed", async () => {
    const res = await fetch(`${web.url}/kb?q=${encodeURIComponent('<script>alert("x")</script>')}`);
    expect(res.headers.get("content-security-policy")).toContain("script-src 'self'");
    expect(res.headers.get("content-security-policy")).not.toContain("unsafe-inline");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    const text = await res.text();
    expect(text).not.toContain('<script>alert("x")</script>');
    expect(text).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    expect(text).not.toMatch(/<script>(?!<\/script>)/);
  });

  it("unknown paths are 404 and other methods 405, as JSON for API clients", async () => {
    expect((await fetch(`${web.url}/api/nope`)).status).toBe(404);
    expect((await fetch(`${web.url}/nope`, { headers: { accept: "text/html" } })).status).toBe(404);
    expect((await fetch(`${web.url}/predict`, { method: "DELETE" })).status).toBe(405);
    expect((await post("/api/bill", "{}")).status).toBe(405);
  });

  it('an unexpected failure is a 500 that says only "internal error" (the detail goes to the server log)', async () => {
    // a store path that is a directory: SQLite cannot open it, which is no fault the server knows
    const broken = await startWebServer({ env: { COSTCURVE_DB: dir }, log: (t) => void logged.push(t) });
    try {
      const res = await fetch(`${broken.url}/api/runs`);
      expect(res.status).toBe(500);
      const text = await res.text();
      expect(JSON.parse(text)).toEqual({ error: "internal error", status: 500 });
      expect(text).not.toMatch(/at |SQLITE|\.ts/);
      expect(logged.join("")).toMatch(/SQLITE_CANTOPEN|directory|unable to open/i);
    } finally {
      await broken.close();
    }
  });

  it("a store nobody answers at is a 503 naming the store, without a stack", async () => {
    // a PostgreSQL URL nobody listens on: the real driver fails to connect
    const down = await startWebServer({ env: { DATABASE_URL: "postgres://nobody@127.0.0.1:1/none" }, log: (t) => void logged.push(t) });
    try {
      const res = await fetch(`${down.url}/api/runs`);
      expect(res.status).toBe(503);
      const body = (await res.json()) as { error: string };
      expect(body.error).toMatch(/^the PostgreSQL store is unavailable: .*ECONNREFUSED.*; try again shortly$/);
      expect(body.error).not.toMatch(/\n\s+at |nobody@/);
    } finally {
      await down.close();
    }
  });
});
