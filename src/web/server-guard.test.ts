// The web server's guards over real HTTP: Host names (DNS rebinding refused), Origin on requests with a body,
// malformed paths and dates as 400s, and the worker threads that keep light requests answered under heavy load.
import { request } from "node:http";
import { connect } from "node:net";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hostAllowed } from "./request-guard.js";
import { type RunningWebServer, startWebServer } from "./server.js";

const SCENARIO = JSON.stringify({
  model: "meta-llama/Llama-3.1-8B",
  hardware: { accelerator: "h100-sxm", count: 1 },
  engine: "vllm",
  workload: { kind: "generate", inputTokens: 512, outputTokens: 256, load: { mode: "concurrency", concurrency: 16 } },
});

/** One request with exactly these headers (fetch will not send a chosen Host). */
function raw(base: string, path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<{ status: number; headers: Record<string, unknown>; text: string }> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path, method: options.method ?? "GET", headers: options.headers ?? {}, setHost: !(options.headers && "host" in options.headers) }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (d: string) => void (text += d));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
    });
    req.on("error", reject);
    req.end(options.body);
  });
}

describe("web server guards", () => {
  let web: RunningWebServer;
  const logged: string[] = [];
  beforeAll(async () => {
    web = await startWebServer({ env: {}, log: (t) => void logged.push(t) });
  });
  afterAll(() => web.close());
  const port = () => new URL(web.url).port;

  it("answers to loopback names and refuses any other Host with a 403 saying why (DNS rebinding)", async () => {
    for (const host of [`127.0.0.1:${port()}`, `localhost:${port()}`, `LOCALHOST.:${port()}`, `app.localhost:${port()}`, `[::1]:${port()}`]) {
      expect((await raw(web.url, "/api/accelerators", { headers: { host } })).status, host).toBe(200);
    }
    for (const host of [`evil.example:${port()}`, "evil.example", `127.0.0.1.nip.io:${port()}`, `10.0.0.5:${port()}`]) {
      const res = await raw(web.url, "/api/accelerators", { headers: { host } });
      expect(res.status, host).toBe(403);
      expect(JSON.parse(res.text).error).toMatch(/^Host: ".*" is not a name of this server; .*DNS rebinding/);
    }
    const page = await raw(web.url, "/predict", { headers: { host: "evil.example", accept: "text/html" } });
    expect(page.status).toBe(403);
    expect(page.text).toContain("DNS rebinding");
  });

  it("a request without Host is a 400", async () => {
    const reply = await new Promise<string>((resolve) => {
      const socket = connect(Number(port()), "127.0.0.1", () => socket.end("GET /api/accelerators HTTP/1.0\r\n\r\n"));
      let text = "";
      socket.on("data", (d) => void (text += d.toString()));
      socket.on("close", () => resolve(text));
    });
    expect(reply).toMatch(/^HTTP\/1\.[01] 400/);
    expect(reply).toContain("Host: the header is required");
  });

  it("which hosts a wildcard or named bind adds", () => {
    expect(hostAllowed("192.168.1.20", "0.0.0.0")).toBe(true);
    expect(hostAllowed("[fd00::1]", "::")).toBe(true);
    expect(hostAllowed("evil.example", "0.0.0.0")).toBe(false);
    expect(hostAllowed("box.lan", "box.lan")).toBe(true);
    expect(hostAllowed("proxy.example", "127.0.0.1", ["proxy.example:443"])).toBe(true);
    expect(hostAllowed("192.168.1.20", "127.0.0.1")).toBe(false);
  });

  it("a POST from another site (Origin or Sec-Fetch-Site) is refused; from the server's own page or without Origin it is answered", async () => {
    const headers = { "content-type": "application/json" };
    const evil = await raw(web.url, "/api/predict", { method: "POST", headers: { ...headers, origin: "http://evil.example" }, body: SCENARIO });
    expect(evil.status).toBe(403);
    expect(JSON.parse(evil.text).error).toMatch(/^Origin: "http:\/\/evil\.example" is another site/);
    const otherPort = await raw(web.url, "/api/predict", { method: "POST", headers: { ...headers, origin: "http://127.0.0.1:1" }, body: SCENARIO });
    expect(otherPort.status).toBe(403);
    expect((await raw(web.url, "/api/predict", { method: "POST", headers: { ...headers, origin: "null" }, body: SCENARIO })).status).toBe(403);
    expect((await raw(web.url, "/api/predict", { method: "POST", headers: { ...headers, "sec-fetch-site": "cross-site" }, body: SCENARIO })).status).toBe(403);
    expect((await raw(web.url, "/api/predict", { method: "POST", headers: { ...headers, origin: web.url }, body: SCENARIO })).status).toBe(200);
    expect((await raw(web.url, "/api/predict", { method: "POST", headers, body: SCENARIO })).status).toBe(200);
  });

  it("a malformed percent-escape and a date that is no calendar day are 400s naming the path or parameter, never 500s", async () => {
    for (const path of ["/kb/%", "/kb/%zz", "/kb/a%E0%A4%A", "/api/kb/%"]) {
      const res = await fetch(web.url + path);
      expect(res.status, path).toBe(400);
      expect(((await res.json()) as { error: string }).error, path).toMatch(/^path: /);
    }
    for (const [path, name] of [
      ["/api/chart/price-history.svg?at=2024-13-45", "at"],
      ["/api/chart/price-history.svg?at=zz", "at"],
      ["/prices?at=2025-02-30", "at"],
      ["/api/index?from=2024-02-30", "from"],
      ["/index?to=x", "to"],
    ] as const) {
      const res = await fetch(web.url + path);
      expect(res.status, path).toBe(400);
      expect(((await res.json()) as { error: string }).error, path).toMatch(new RegExp(`^${name}: expected a date YYYY-MM-DD`));
    }
    expect(logged.join("")).toBe("");
  });
});

// the worker threads run the compiled router (dist/web/route-worker.js), so these start the built server
const built = async () => {
  const entry = join(process.cwd(), "dist", "web", "server.js");
  if (!existsSync(join(process.cwd(), "dist", "web", "route-worker.js"))) throw new Error("dist/ is missing or stale: run `npx tsc -p tsconfig.build.json` first (npm test does)");
  return (await import(pathToFileURL(entry).href)) as typeof import("./server.js");
};
const HEAVY = "/api/frontier?counts=1,2,4,8,16,32,64,128,256,512,1024";

describe("worker threads: a heavy request cannot starve the others", () => {
  it("while one request computes for a second or more, pages and API answers on the other worker and static answers come at once", async () => {
    const web = await (await built()).startWebServer({ env: {}, workers: 2 });
    try {
      expect(web.workers).toBe(2);
      const started = performance.now();
      const heavy = fetch(web.url + HEAVY).then(async (r) => ({ status: r.status, atMs: performance.now() - started, size: (await r.text()).length }));
      await new Promise((r) => setTimeout(r, 30));
      const timed = async (path: string) => {
        const t = performance.now();
        const r = await fetch(web.url + path);
        await r.text();
        return { status: r.status, ms: performance.now() - t, atMs: performance.now() - started };
      };
      const light = [await timed("/api/accelerators"), await timed("/assets/style.css"), await timed("/api/predict?model=meta-llama/Llama-3.1-8B&accelerator=h100-sxm&count=1&input=512&output=256&concurrency=16")];
      const done = await heavy;
      expect(done.status).toBe(200);
      for (const l of light) expect(l.status).toBe(200);
      // each answered before the heavy one finished, not behind it
      for (const l of light) expect(l.atMs).toBeLessThan(done.atMs);
    } finally {
      await web.close();
    }
  });

  it("a full queue answers 503 busy with Retry-After at once; the queued ones are answered", async () => {
    const web = await (await built()).startWebServer({ env: {}, workers: 1, queued: 2 });
    try {
      const results = await Promise.all(Array.from({ length: 6 }, (_, i) => fetch(`${web.url}/api/optimize?top=${i + 1}`).then(async (res) => ({ status: res.status, retry: res.headers.get("retry-after"), body: await res.text() }))));
      // 1 computing + 2 waiting are taken, the other 3 are told at once
      expect(results.filter((r) => r.status === 200)).toHaveLength(3);
      const busy = results.filter((r) => r.status === 503);
      expect(busy).toHaveLength(3);
      for (const b of busy) {
        expect(b.retry).toBe("5");
        expect(JSON.parse(b.body).error).toBe("busy: 1 requests are computing and 2 are waiting; try again shortly");
      }
    } finally {
      await web.close();
    }
  });

  it("a request computing past the time limit is stopped with a 503; its worker is replaced and the next request is answered", async () => {
    const web = await (await built()).startWebServer({ env: {}, workers: 1, timeoutMs: 150 });
    try {
      const slow = await fetch(web.url + HEAVY);
      expect(slow.status).toBe(503);
      expect(((await slow.json()) as { error: string }).error).toMatch(/^busy: the request computed for more than 0.15 s and was stopped/);
      const next = await fetch(`${web.url}/api/predict?model=meta-llama/Llama-3.1-8B&accelerator=h100-sxm&count=1&input=512&output=256&concurrency=16`);
      expect(next.status).toBe(200);
    } finally {
      await web.close();
    }
  });
});
