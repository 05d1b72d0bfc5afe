// The HTTP/1.1 client against a raw TCP server on loopback that writes exactly the bytes each test scripts.
import { createServer, type Server, type Socket } from "node:net";
import type { AddressInfo } from "node:net";
import { createServer as createTlsServer } from "node:tls";
import { afterEach, describe, expect, it } from "vitest";
import { ConnectionPool, type ResponseHandler } from "./http1.js";
import { LOCALHOST_CERT_PEM, LOCALHOST_KEY_PEM } from "./test-support/localhost-tls.js";

interface Served {
  url: string;
  requests: string[];
  connections: number;
  server: Server;
}

/** A server that answers each complete request (head + content-length body) with `answer`. */
async function rawServer(answer: (socket: Socket, request: string, index: number) => void): Promise<Served> {
  const served: Served = { url: "", requests: [], connections: 0, server: createServer() };
  served.server.on("connection", (socket) => {
    served.connections++;
    let pending = "";
    socket.on("data", (data) => {
      pending += data.toString("latin1");
      for (;;) {
        const end = pending.indexOf("\r\n\r\n");
        if (end === -1) return;
        const length = Number(/content-length: (\d+)/i.exec(pending.slice(0, end))?.[1] ?? 0);
        if (pending.length < end + 4 + length) return;
        const request = pending.slice(0, end + 4 + length);
        pending = pending.slice(end + 4 + length);
        served.requests.push(request);
        answer(socket, request, served.requests.length - 1);
      }
    });
    socket.on("error", () => undefined);
  });
  await new Promise<void>((resolve) => served.server.listen(0, "127.0.0.1", resolve));
  served.url = `http://127.0.0.1:${(served.server.address() as AddressInfo).port}`;
  return served;
}

interface Outcome {
  status: number | null;
  headers: ReadonlyMap<string, string> | null;
  pieces: Array<{ text: string; atMs: number }>;
  end: "ok" | "refused" | "dropped";
  message: string;
}

function exchange(pool: ConnectionPool, url: string, headers: Record<string, string> = {}, body = "{}"): Promise<Outcome> {
  return new Promise((resolve) => {
    const outcome: Outcome = { status: null, headers: null, pieces: [], end: "ok", message: "" };
    const handler: ResponseHandler = {
      onHead: (status, h) => Object.assign(outcome, { status, headers: h }),
      onBody: (text, atMs) => outcome.pieces.push({ text, atMs }),
      onEnd: () => resolve(outcome),
      onFailure: (kind, message) => resolve({ ...outcome, end: kind, message }),
    };
    pool.request("POST", new URL(`${url}/v1/x`), { "content-length": String(Buffer.byteLength(body)), ...headers }, body, handler);
  });
}

const text = (o: Outcome) => o.pieces.map((p) => p.text).join("");
const servers: Served[] = [];
const pools: ConnectionPool[] = [];
async function setUp(answer: Parameters<typeof rawServer>[0]) {
  const served = await rawServer(answer);
  servers.push(served);
  const pool = new ConnectionPool(new URL(served.url));
  pools.push(pool);
  return { served, pool };
}
afterEach(async () => {
  for (const pool of pools.splice(0)) pool.destroy();
  for (const s of servers.splice(0)) await new Promise((resolve) => s.server.close(resolve));
});

/** Writes `bytes` one byte per write, pausing so that each lands in its own read. */
async function trickle(socket: Socket, bytes: Buffer): Promise<void> {
  for (const byte of bytes) {
    socket.write(Buffer.from([byte]));
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
}

describe("HTTP/1.1 client", () => {
  it("reassembles a chunked body written one byte at a time, multi-byte UTF-8 split across reads included", async () => {
    // "héllo 中" is 10 bytes in UTF-8 (é = 2 bytes, 中 = 3): two chunks of 4 and 6 bytes, then a chunk extension and a trailer
    const body = Buffer.from("héllo 中");
    const wire = Buffer.concat([
      Buffer.from("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n4\r\n"),
      body.subarray(0, 4),
      Buffer.from("\r\n6;ext=1\r\n"),
      body.subarray(4),
      Buffer.from("\r\n0\r\nX-Trailer: 1\r\n\r\n"),
    ]);
    const { served, pool } = await setUp((socket) => void trickle(socket, wire));
    const outcome = await exchange(pool, served.url);
    expect(outcome).toMatchObject({ status: 200, end: "ok" });
    expect(outcome.headers?.get("content-type")).toBe("text/event-stream");
    expect(text(outcome)).toBe("héllo 中");
    // one onBody per read that carried body text, in arrival order
    expect(outcome.pieces.length).toBeGreaterThan(3);
    for (let i = 1; i < outcome.pieces.length; i++) expect(outcome.pieces[i]!.atMs).toBeGreaterThanOrEqual(outcome.pieces[i - 1]!.atMs);
  });

  it("keeps a connection alive across exchanges, and opens a new one after Connection: close", async () => {
    const { served, pool } = await setUp((socket, _request, index) => {
      const close = index === 1;
      socket.write(`HTTP/1.1 200 OK\r\nContent-Length: 2\r\n${close ? "Connection: close\r\n" : ""}\r\nr${index}`);
      if (close) socket.end();
    });
    const results = [];
    for (let i = 0; i < 3; i++) results.push(text(await exchange(pool, served.url)));
    expect(results).toEqual(["r0", "r1", "r2"]);
    // requests 0 and 1 share a connection; request 2 needs a new one after the close
    expect(served.connections).toBe(2);
  });

  it("reads a body that ends when the server closes (no length, not chunked), and a 204 without a body", async () => {
    const { served, pool } = await setUp((socket, request) => {
      if (request.includes("x-want: 204")) socket.write("HTTP/1.1 204 No Content\r\n\r\n");
      else socket.end("HTTP/1.0 200 OK\r\n\r\nuntil close");
    });
    expect(text(await exchange(pool, served.url))).toBe("until close");
    expect(await exchange(pool, served.url, { "x-want": "204" })).toMatchObject({ status: 204, end: "ok", pieces: [] });
  });

  it("skips an interim 100 Continue and reports the final status with its body", async () => {
    const { served, pool } = await setUp((socket) => socket.write("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 429 Too Many Requests\r\nContent-Length: 4\r\n\r\nslow"));
    expect(await exchange(pool, served.url)).toMatchObject({ status: 429, end: "ok" });
  });

  it("retries once on a fresh connection when a kept-alive one closes before answering, but not a fresh one", async () => {
    const { served, pool } = await setUp((socket, request, index) => {
      // the second request meets a server that closes the kept-alive connection instead of answering
      if (index === 1 || request.includes("x-want: close")) return void socket.destroy();
      socket.write(`HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nr${index}`);
    });
    expect(text(await exchange(pool, served.url))).toBe("r0");
    expect(text(await exchange(pool, served.url))).toBe("r2");
    expect(served.connections).toBe(2);
    // a fresh connection that closes is a failure, not retried: one request, one connection more
    pool.destroy();
    const fresh = new ConnectionPool(new URL(served.url));
    pools.push(fresh);
    expect(await exchange(fresh, served.url, { "x-want": "close" })).toMatchObject({ end: "dropped", status: null });
    expect([served.requests.length, served.connections]).toEqual([4, 3]);
  });

  it("reports a refused connection, a stream dropped mid-body, and a reply that is not HTTP", async () => {
    const { served, pool } = await setUp((socket, request) => {
      if (request.includes("x-want: garbage")) socket.end("SSH-2.0-OpenSSH\r\n\r\n");
      else {
        socket.write("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhel");
        setTimeout(() => socket.destroy(), 5);
      }
    });
    const dropped = await exchange(pool, served.url);
    expect(dropped).toMatchObject({ status: 200, end: "dropped" });
    expect(text(dropped)).toBe("hel");
    expect(await exchange(pool, served.url, { "x-want": "garbage" })).toMatchObject({ end: "dropped", message: expect.stringContaining("not an HTTP/1.x response") });

    const closed = await rawServer(() => undefined);
    const port = new URL(closed.url).port;
    await new Promise((resolve) => closed.server.close(resolve));
    const nowhere = new ConnectionPool(new URL(`http://127.0.0.1:${port}`));
    pools.push(nowhere);
    expect(await exchange(nowhere, `http://127.0.0.1:${port}`)).toMatchObject({ end: "refused" });
  });

  it("rejects broken chunk framing: a size that is not hex, and data not followed by CRLF", async () => {
    const { served, pool } = await setUp((socket, request) => {
      const framing = request.includes("x-want: bad-size") ? "zz\r\nhello\r\n0\r\n\r\n" : "5\r\nhelloXX0\r\n\r\n";
      socket.write(`HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n${framing}`);
    });
    expect(await exchange(pool, served.url, { "x-want": "bad-size" })).toMatchObject({ end: "dropped", message: expect.stringContaining("bad chunk size") });
    expect(await exchange(pool, served.url)).toMatchObject({ end: "dropped", message: expect.stringContaining("no CRLF after chunk data") });
    // upper-case hex sizes are fine: 0xA = 10 bytes
    const fine = await setUp((socket) => socket.write("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nA\r\n0123456789\r\n0\r\n\r\n"));
    expect(text(await exchange(fine.pool, fine.served.url))).toBe("0123456789");
  });

  it("sends URL credentials as Basic auth unless an Authorization header is given, and refuses header line breaks", async () => {
    const { served, pool } = await setUp((socket) => socket.write("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n"));
    const withUser = served.url.replace("http://", "http://bench%20user:p%40ss@");
    await exchange(pool, withUser);
    await exchange(pool, withUser, { authorization: "Bearer sk-1" });
    // "bench user:p@ss" in base64
    expect(served.requests[0]).toContain(`authorization: Basic ${Buffer.from("bench user:p@ss").toString("base64")}\r\n`);
    expect(served.requests[0]).toMatch(/^POST \/v1\/x HTTP\/1\.1\r\nhost: 127\.0\.0\.1:\d+\r\n/);
    expect(served.requests[1]).toContain("authorization: Bearer sk-1\r\n");
    expect(served.requests[1]).not.toContain("Basic");
    expect(() => pool.request("POST", new URL(served.url), { "x-bad": "a\r\nb" }, "", {} as ResponseHandler)).toThrow(/line breaks/);
  });

  it("speaks HTTPS, verifying the server's certificate", async () => {
    const server = createTlsServer({ cert: LOCALHOST_CERT_PEM, key: LOCALHOST_KEY_PEM }, (socket) => {
      socket.once("data", () => socket.write("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n6\r\nsecure\r\n0\r\n\r\n"));
      socket.on("error", () => undefined);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const url = `https://localhost:${(server.address() as AddressInfo).port}`;
    try {
      const trusting = new ConnectionPool(new URL(url), { ca: LOCALHOST_CERT_PEM });
      const untrusting = new ConnectionPool(new URL(url));
      pools.push(trusting, untrusting);
      const outcome = await exchange(trusting, url);
      expect([outcome.status, outcome.end, text(outcome)]).toEqual([200, "ok", "secure"]);
      // without the certificate in its trust store the client must refuse the self-signed server
      expect(await exchange(untrusting, url)).toMatchObject({ end: "dropped", message: expect.stringMatching(/SELF_SIGNED|self.signed/i) });
    } finally {
      // close the kept-alive connection first: server.close waits for it
      for (const pool of pools.splice(0)) pool.destroy();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
