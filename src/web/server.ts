// The web server: node:http, one router for pages, assets and /api; errors caught once here.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { handleApi } from "./api.js";
import { APP_JS, STYLE_CSS } from "./assets.js";
import { type Page, type RequestContext, webContext, type WebContext } from "./context.js";
import { html } from "./html.js";
import { HttpError, securityHeaders, send, sendJson } from "./http.js";
import { errorBox, layout } from "./layout.js";
import { PAGES } from "./pages/index.js";
import { StoreUnavailableError } from "../store/store-errors.js";

export interface WebServerOptions {
  port?: number;
  host?: string;
  env?: Record<string, string | undefined>;
  cwd?: string;
  /** Where unexpected errors are logged (never sent to clients). */
  log?: (text: string) => void;
}

export interface RunningWebServer {
  server: Server;
  url: string;
  close(): Promise<void>;
}

const ASSETS: Record<string, { type: string; body: string }> = {
  "/assets/app.js": { type: "text/javascript; charset=utf-8", body: APP_JS },
  "/assets/style.css": { type: "text/css; charset=utf-8", body: STYLE_CSS },
};

async function route(req: IncomingMessage, res: ServerResponse, context: WebContext): Promise<void> {
  const url = new URL(req.url ?? "/", "http://localhost");
  const path = url.pathname.length > 1 ? url.pathname.replace(/\/+$/, "") : url.pathname;
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

/** A store that is down or locked is the server's temporary state, not a bug: 503 with the reason, and a retry hint. */
function asHttpError(error: unknown): unknown {
  if (error instanceof StoreUnavailableError) return new HttpError(503, `${error.message}; try again shortly`);
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

/** Starts the server (default 127.0.0.1 and a free port when port is 0) and resolves once it listens. */
export async function startWebServer(options: WebServerOptions = {}): Promise<RunningWebServer> {
  const context = webContext(options.env ?? process.env, options.cwd ?? process.cwd());
  const log = options.log ?? ((text: string) => void process.stderr.write(text));
  const server = createServer((req, res) => {
    securityHeaders(res);
    route(req, res, context).catch((error: unknown) => fail(res, req, error, log));
  });
  server.headersTimeout = 20_000;
  server.requestTimeout = 120_000;
  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const shownHost = address.family === "IPv6" ? `[${address.address}]` : address.address;
  return {
    server,
    url: `http://${shownHost}:${address.port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
