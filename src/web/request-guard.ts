/**
 * What the web server checks before routing: the Host header names this server (a DNS-rebinding page cannot
 * reach it), a state-changing request comes from its own pages (Origin), the path decodes and date parameters
 * are calendar days (400, not a 500 further down).
 */
import { hostname } from "node:os";
import type { IncomingMessage } from "node:http";
import { isCalendarDate } from "../core/calendar-date.js";
import { HttpError } from "./http.js";

const WILDCARD = new Set(["0.0.0.0", "::", "[::]", ""]);
const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

/** The host part of a Host header or URL authority, lower-cased, without port or trailing dot ("[::1]" keeps its brackets). */
export function hostOnly(authority: string): string {
  const text = authority.trim().toLowerCase();
  const host = text.startsWith("[") ? text.slice(0, text.indexOf("]") + 1) : text.split(":")[0]!;
  return host.endsWith(".") ? host.slice(0, -1) : host;
}

function isLoopback(host: string): boolean {
  return host === "localhost" || host.endsWith(".localhost") || host === "[::1]" || (IPV4.test(host) && host.startsWith("127."));
}

/** The names the server answers to: loopback names, the bind host, and on a wildcard bind any IP literal and this machine's name. */
export function hostAllowed(host: string, bindHost: string, extra: readonly string[] = []): boolean {
  if (host === "") return false;
  if (isLoopback(host)) return true;
  const bind = hostOnly(bindHost.includes(":") && !bindHost.startsWith("[") ? `[${bindHost}]` : bindHost);
  if (host === bind || extra.some((e) => hostOnly(e) === host)) return true;
  // an IP literal cannot be rebound to another address, so on a wildcard bind every one of ours is fine
  if (WILDCARD.has(bind) || WILDCARD.has(bindHost)) return IPV4.test(host) || host.startsWith("[") || host === hostname().toLowerCase();
  return false;
}

/** Refuses a request whose Host is not this server's (403) and a cross-origin request that could change state. */
export function checkOrigin(req: IncomingMessage, bindHost: string, extra: readonly string[] = []): void {
  const hostHeader = req.headers.host;
  if (hostHeader === undefined || hostHeader.trim() === "") throw new HttpError(400, "Host: the header is required");
  const host = hostOnly(hostHeader);
  if (!hostAllowed(host, bindHost, extra)) {
    throw new HttpError(403, `Host: "${host.slice(0, 100)}" is not a name of this server; open it as http://127.0.0.1 or http://localhost (requests through other names are refused: DNS rebinding)`);
  }
  if (req.method === "GET" || req.method === "HEAD" || req.method === "OPTIONS") return;
  const origin = req.headers.origin;
  if (origin !== undefined) {
    let same = false;
    try {
      same = new URL(origin).host.toLowerCase() === hostHeader.trim().toLowerCase();
    } catch {
      same = false;
    }
    if (!same) throw new HttpError(403, `Origin: "${origin.slice(0, 100)}" is another site; ${req.method} requests are taken only from this server's own pages`);
  } else if (req.headers["sec-fetch-site"] === "cross-site" || req.headers["sec-fetch-site"] === "same-site") {
    throw new HttpError(403, `Sec-Fetch-Site: ${req.method} requests are taken only from this server's own pages`);
  }
}

/** Query parameters that are dates everywhere in the app (prices --at, index --from/--to). */
const DATE_PARAMS = ["at", "from", "to"] as const;

/** A path that does not percent-decode, or a date parameter that is no calendar day, is a 400 naming it. */
export function checkRequestUrl(url: URL): void {
  try {
    decodeURIComponent(url.pathname);
  } catch {
    throw new HttpError(400, `path: "${url.pathname.slice(0, 100)}" has a malformed percent-escape (a % must be followed by two hex digits)`);
  }
  for (const name of DATE_PARAMS) {
    for (const value of url.searchParams.getAll(name)) {
      if (value.trim() !== "" && !isCalendarDate(value.trim())) throw new HttpError(400, `${name}: expected a date YYYY-MM-DD that is a calendar day, got "${value.slice(0, 40)}"`);
    }
  }
}
