// The benchmark client over streams that only a spec-following SSE parser reads: a BOM, CR-only or CRLF line
// ends and fields that no OpenAI server sends. Each is a server on loopback that writes exactly these bytes.
import { type Server, createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, test } from "vitest";
import { runBench } from "./runner.js";
import { testPlan } from "./test-support/plan.js";

let server: Server | null = null;
afterEach(async () => new Promise<void>((done) => (server ? server.close(() => done()) : done())));

async function serveStream(body: string): Promise<string> {
  server = createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      res.writeHead(200, { "content-type": "text/event-stream" });
      res.end(body);
    });
  });
  await new Promise<void>((done) => server!.listen(0, "127.0.0.1", done));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const chunk = (content: string, finish: string | null = null) => JSON.stringify({ choices: [{ index: 0, delta: { content }, finish_reason: finish }] });
const usage = JSON.stringify({ choices: [], usage: { prompt_tokens: 6, completion_tokens: 2 } });

describe("streams per the WHATWG event-stream format", () => {
  for (const [name, eol] of [
    ["LF", "\n"],
    ["CR-only", "\r"],
    ["CRLF", "\r\n"],
  ] as const) {
    test(`${name} line ends, a BOM, an unknown field and a retry: the request succeeds with both tokens`, async () => {
      const lines = ["\uFEFF: hello", "vendor-field: ignored", "retry: 1000", "", `data: ${chunk("a")}`, "", `data: ${chunk("b", "stop")}`, "", `data: ${usage}`, "", "data: [DONE]", "", ""];
      const url = await serveStream(lines.join(eol));
      const { summaries } = await runBench(testPlan(url, "m", { requestsPerLevel: 1 }));
      expect(summaries[0]!.errors).toEqual({});
      expect(summaries[0]!.requestsCompleted).toBe(1);
      expect(summaries[0]!.totalOutputTokens).toBe(2);
    });
  }

  test("a stream cut inside an event is a malformed_sse failure", async () => {
    const url = await serveStream(`data: ${chunk("a")}\n\ndata: ${chunk("b", "stop")}`);
    const { summaries } = await runBench(testPlan(url, "m", { requestsPerLevel: 1 }));
    expect(summaries[0]!.errors).toEqual({ malformed_sse: 1 });
  });
});

describe("slow bodies", () => {
  async function trickle(gapMs: number, pieces: string[]): Promise<string> {
    server = createServer((req, res) => {
      req.resume();
      req.on("end", () => {
        res.writeHead(200, { "content-type": "text/event-stream" });
        let i = 0;
        const next = () => {
          if (res.destroyed) return;
          if (i >= pieces.length) return void res.end();
          res.write(pieces[i++]);
          setTimeout(next, gapMs);
        };
        next();
      });
    });
    await new Promise<void>((done) => server!.listen(0, "127.0.0.1", done));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }
  // one event split into single bytes: a server dribbling its stream
  const stream = [`data: ${chunk("a")}\n\n`, `data: ${chunk("b", "stop")}\n\n`, `data: ${usage}\n\n`, "data: [DONE]\n\n"].join("");

  test("a body trickled slower than --timeout allows is a timeout failure, not a hang", async () => {
    const url = await trickle(40, [...stream]);
    const plan = testPlan(url, "m", { requestsPerLevel: 1 });
    plan.target.timeoutSeconds = 0.3;
    const started = performance.now();
    const { summaries } = await runBench(plan);
    expect(summaries[0]!.errors).toEqual({ timeout: 1 });
    expect(performance.now() - started).toBeLessThan(3000);
  });

  test("a slow body that ends within --timeout is read whole: both tokens", async () => {
    const url = await trickle(60, stream.match(/[\s\S]{1,40}/g)!);
    const { summaries } = await runBench(testPlan(url, "m", { requestsPerLevel: 1 }));
    expect(summaries[0]!.errors).toEqual({});
    expect(summaries[0]!.totalOutputTokens).toBe(2);
  });
});
