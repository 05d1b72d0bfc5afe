/**
 * Entry of a web worker thread (src/web/route-pool.ts): answers one request at a time with the same router as
 * the server's own thread, into a captured response that goes back to the server to send.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { Readable } from "node:stream";
import { parentPort, workerData } from "node:worker_threads";
import { webContext } from "./context.js";
import type { RouteJob, RouteReply } from "./route-pool.js";
import { answerRequest } from "./server.js";

/** The parts of a ServerResponse the router uses, collected instead of written to a socket. */
class CapturedResponse {
  statusCode = 200;
  headersSent = false;
  readonly headers: RouteReply["headers"] = {};
  body: string | Uint8Array = "";
  setHeader(name: string, value: string | number | readonly string[]): this {
    this.headers[name.toLowerCase()] = typeof value === "object" ? [...value] : value;
    return this;
  }
  getHeader(name: string): string | number | string[] | undefined {
    return this.headers[name.toLowerCase()];
  }
  end(body?: string | Uint8Array): this {
    if (body !== undefined) this.body = body;
    this.headersSent = true;
    return this;
  }
}

const data = workerData as { env: Record<string, string | undefined>; cwd: string };
const context = webContext(data.env, data.cwd);
const port = parentPort!;
const log = (text: string) => port.postMessage({ log: text });

port.on("message", (message: { id: number; job: RouteJob }) => {
  const { id, job } = message;
  const body = Buffer.from(job.body, "utf8");
  const req = Object.assign(Readable.from(body.length > 0 ? [body] : []), { headers: job.headers, method: job.method, url: job.url }) as unknown as IncomingMessage;
  const res = new CapturedResponse();
  void answerRequest(req, res as unknown as ServerResponse, context, log).then(() => {
    port.postMessage({ id, reply: { status: res.statusCode, headers: res.headers, body: res.body } satisfies RouteReply });
  });
});
port.postMessage({ ready: true });
