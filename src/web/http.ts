// HTTP plumbing: errors with a status, bounded body reading, query parsing with zod, responses with security headers.
import type { IncomingMessage, ServerResponse } from "node:http";
import { z } from "zod";
import { zodIssue } from "../core/validate.js";

/** Largest request body accepted, in bytes (1 MiB). */
export const MAX_BODY_BYTES = 1024 * 1024;

/** An error whose message is safe to show the client, with its HTTP status. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = "HttpError";
  }
}

/** Content-Security-Policy: only our own scripts and styles; inline SVG attributes need no inline styles. */
export const CSP = ["default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:", "connect-src 'self'", "object-src 'none'", "base-uri 'none'", "form-action 'self'", "frame-ancestors 'none'"].join("; ");

export function securityHeaders(res: ServerResponse): void {
  res.setHeader("Content-Security-Policy", CSP);
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("Referrer-Policy", "no-referrer");
  res.setHeader("X-Frame-Options", "DENY");
  res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
}

/** Sends a body with a content type (headers already carry the security set). */
export function send(res: ServerResponse, status: number, contentType: string, body: string | Uint8Array, extra: Record<string, string> = {}): void {
  res.statusCode = status;
  res.setHeader("Content-Type", contentType);
  for (const [key, value] of Object.entries(extra)) res.setHeader(key, value);
  res.end(body);
}

export function sendJson(res: ServerResponse, status: number, value: unknown): void {
  send(res, status, "application/json; charset=utf-8", `${JSON.stringify(value, null, 2)}\n`, { "Cache-Control": "no-store" });
}

/** Reads the body as text, refusing more than MAX_BODY_BYTES with a 413 (by header or by counting). */
export async function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<string> {
  const declared = Number(req.headers["content-length"]);
  if (Number.isFinite(declared) && declared > limit) {
    req.resume();
    throw new HttpError(413, `request body too large: ${declared} bytes, the limit is ${limit} bytes (1 MiB)`);
  }
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    total += buffer.length;
    if (total > limit) {
      req.resume();
      throw new HttpError(413, `request body too large: more than ${limit} bytes (1 MiB)`);
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** Parses a JSON body; a syntax error is a 400 that says where. */
export async function readJson(req: IncomingMessage): Promise<unknown> {
  const type = String(req.headers["content-type"] ?? "");
  if (type && !/^application\/json\b/i.test(type)) throw new HttpError(415, `body: expected Content-Type application/json, got ${type.split(";")[0]}`);
  const text = await readBody(req);
  if (text.trim() === "") throw new HttpError(400, "body: expected a JSON scenario object or array, got an empty body");
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new HttpError(400, `body: not valid JSON (${(error as Error).message})`);
  }
}

/** Query parameters as an object; empty values are dropped, repeated keys become arrays. */
export function queryObject(params: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key).filter((v) => v.trim() !== "");
    if (values.length === 1) out[key] = values[0]!;
    else if (values.length > 1) out[key] = values;
  }
  return out;
}

/** Validates query parameters against a schema; the 400 message names the parameter. */
export function parseQuery<T extends z.ZodType>(schema: T, params: URLSearchParams): z.infer<T> {
  const parsed = schema.safeParse(queryObject(params));
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const message = zodIssue(issue, "query").message.replace(/^query\./, "query parameter ");
  throw new HttpError(400, message);
}

/** A query parameter that may be given once or repeated, as a list. */
export const listParam = z.union([z.string(), z.array(z.string())]).transform((v) => (Array.isArray(v) ? v : v.split(",")).map((s) => s.trim()).filter(Boolean));
