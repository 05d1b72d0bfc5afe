// The web server: node:http, one router for pages, assets and /api, computed on worker threads; errors caught once here.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { handleApi } from "./api.js";
import { APP_JS, STYLE_CSS } from "./assets.js";
import { type Page, type RequestContext, webContext, type WebContext } from "./context.js";
import { html } from "./html.js";
import { HttpError, readBody, securityHeaders, send, sendJson } from "./http.js";
import { errorBox, layout } from "./layout.js";
import { PAGES } from "./pages/index.js";
import { StoreUnavailableError } from "../store/store-errors.js";
import { checkOrigin, checkRequestUrl } from "./request-guard.js";
import { RoutePool } from "./route-pool.js";

export interface WebServerOptions {
  port?: number;
  host?: string;
  env?: Record<string, string | undefined>;
  cwd?: string;
  /** Where unexpected errors are logged (never sent to clients). */
  log?: (text: string) => void;
  /** Host names the server answers to besides loopback names and the bind host (e.g. a reverse proxy's). */
  allowedHosts?: string[];
  /**
   * Worker threads that compute pages and API answers (default: 2, or 1 on a one-core machine); 0 computes on
   * the server's own thread. Without the compiled worker (running from TypeScript sources) it is always 0.
   */
  workers?: number;
  /** Requests waiting for a worker beyond those computing; one more is a 503 (default 16). */
  queued?: number;
  /** Longest one request may compute before its worker is stopped and it answers 503, in milliseconds (default 30 s). */
  timeoutMs?: number;
}

export interface RunningWebServer {
  server: Server;
  url: string;
  /** Threads computing answers (0: the server's own thread). */
  workers: number;
  close(): Promise<void>;
}

const ASSETS: Record<string, { type: string; body: string }> = {
  "/assets/app.js": { type: "text/javascript; charset=utf-8", body: APP_JS },
  "/assets/style.css": { type: "text/css; charset=utf-8", body: STYLE_CSS },
};

/** Answers that need no computing: the server's own thread sends them, never behind the workers' queue. */
const STATIC_PATHS = new Set(["/", "/favicon.ico", "/api", "/api/models", "/api/accelerators", ...Object.keys(ASSETS)]);

function pathOf(url: URL): string {
  return url.pathname.length > 1 ? url.pathname.replace(/\/+$/, "") : url.pathname;
}

async function route(req: IncomingMessage, res: ServerResponse, context: WebContext): Promise<void> {
  const url = new URL(req.url ?? "/", "http://localhost");
  checkRequestUrl(url);
  const path = pathOf(url);
  if (path === "/api" || path.startsWith("/api/")) return handleApi(req, res, { ...context, url, query: url.searchParams });
  if (req.method !== "GET" && req.method !== "HEAD") throw new HttpError(405, `method ${req.method ?? "?"} not allowed on ${path}; pages are GET only`);
  const asset = ASSETS[path];
  if (asset) return send(res, 200, asset.type, asset.body, { "Cache-Control": "no-cache" });
  if (path === "/") {
    res.statusCode = 302;
    res.setHeader("Location", "/predict");
    res.end();
    return;
  }
  if (path === "/favicon.ico") return send(res, 204, "text/plain", "");
  const page: Page | undefined = PAGES[path] ?? (path.startsWith("/kb/") ? PAGES["/kb/*"] : undefined);
  if (!page) throw new HttpError(404, `no page ${path}`);
  const ctx: RequestContext = { ...context, url, query: url.searchParams };
  const result = await page(ctx);
  send(res, result.status ?? 200, "text/html; charset=utf-8", layout({ path: `/${path.split("/")[1] ?? ""}`, title: result.title, main: result.main }), { "Cache-Control": "no-store" });
}

/** Answers one request on this thread (the worker threads call it too); every error is caught here, once. */
export async function answerRequest(req: IncomingMessage, res: ServerResponse, context: WebContext, log: (text: string) => void): Promise<void> {
  try {
    await route(req, res, context);
  } catch (error) {
    fail(res, req, error, log);
  }
}

/** A store that is down or locked is the server's temporary state, not a bug: 503 with the reason, and a retry hint. */
function asHttpError(error: unknown): unknown {
  if (error instanceof StoreUnavailableError) return new HttpError(503, `${error.message}; try again shortly`);
  // a percent-escape that a page decodes itself
  if (error instanceof URIError) return new HttpError(400, `path: ${error.message}`);
  return error;
}

function fail(res: ServerResponse, req: IncomingMessage, thrown: unknown, log: (text: string) => void): void {
  const error = asHttpError(thrown);
  const known = error instanceof HttpError;
  const status = known ? error.status : 500;
  const message = known ? error.message : "internal error";
  if (status === 503) res.setHeader("Retry-After", "5");
  if (!known) log(`costcurve web: ${req.method} ${req.url}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  if (res.headersSent) return void res.end();
  // after refusing a body we did not read, the connection cannot carry another request
  if (status === 413) res.setHeader("Connection", "close");
  const wantsJson = (req.url ?? "").startsWith("/api") || !/text\/html/.test(String(req.headers.accept ?? ""));
  if (wantsJson) return sendJson(res, status, { error: message, status });
  send(res, status, "text/html; charset=utf-8", layout({ path: "", title: `Error ${status}`, main: html`<h1>Error ${status}</h1><section id="results">${errorBox(message)}</section><p><a href="/predict">Back to Predict</a></p>` }));
}

/** The compiled worker entry next to this file (dist/web/route-worker.js); absent when running from sources. */
function workerEntry(): URL | null {
  const entry = new URL("./route-worker.js", import.meta.url);
  return import.meta.url.endsWith(".js") && existsSync(entry) ? entry : null;
}

/** Starts the server (default 127.0.0.1 and a free port when port is 0) and resolves once it listens. */
export async function startWebServer(options: WebServerOptions = {}): Promise<RunningWebServer> {
  const env = options.env ?? process.env;
  const cwd = options.cwd ?? process.cwd();
  const context = webContext(env, cwd);
  const log = options.log ?? ((text: string) => void process.stderr.write(text));
  const host = options.host ?? "127.0.0.1";
  const entry = workerEntry();
  const workers = entry === null ? 0 : (options.workers ?? Math.min(2, availableParallelism()));
  let pool = workers > 0 && entry ? new RoutePool(entry, { size: workers, queued: options.queued ?? 16, timeoutMs: options.timeoutMs ?? 30_000, workerData: { env, cwd }, log }) : null;
  if (pool && !(await pool.ready)) {
    log("costcurve web: the worker threads did not start; answering on the server's own thread\n");
    await pool.close();
    pool = null;
  }
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    checkOrigin(req, host, options.allowedHosts);
    const url = new URL(req.url ?? "/", "http://localhost");
    checkRequestUrl(url);
    if (pool === null || STATIC_PATHS.has(pathOf(url))) return answerRequest(req, res, context, log);
    // the body is read here (bounded, 1 MiB) before the request queues: a slow upload holds no worker
    const body = req.method === "GET" || req.method === "HEAD" ? "" : await readBody(req);
    const reply = await pool.run({ method: req.method ?? "GET", url: req.url ?? "/", headers: req.headers, body });
    res.statusCode = reply.status;
    for (const [key, value] of Object.entries(reply.headers)) res.setHeader(key, value);
    res.end(typeof reply.body === "string" ? reply.body : Buffer.from(reply.body));
  };
  const server = createServer((req, res) => {
    securityHeaders(res);
    handle(req, res).catch((error: unknown) => fail(res, req, error, log));
  });
  server.headersTimeout = 20_000;
  server.requestTimeout = 120_000;
  try {
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(options.port ?? 0, host, () => {
        server.off("error", reject);
        resolve();
      });
    });
  } catch (error) {
    await pool?.close();
    throw error;
  }
  const address = server.address() as AddressInfo;
  const shownHost = address.family === "IPv6" ? `[${address.address}]` : address.address;
  return {
    server,
    url: `http://${shownHost}:${address.port}`,
    workers: pool === null ? 0 : workers,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      });
      await pool?.close();
    },
  };
}
