// Shared page scaffolding: heading, controls, and a results section that shows a 400's message in place.
import type { PageResult } from "../context.js";
import { html, type Trusted } from "../html.js";
import { HttpError, queryObject } from "../http.js";
import { errorBox, heading } from "../layout.js";

/** Renders heading + controls + results; an HttpError becomes an inline error with its status. */
export async function guarded(title: string, lead: string, controls: Trusted, render: () => Promise<Trusted> | Trusted): Promise<PageResult> {
  try {
    const body = await render();
    return { title, main: html`${heading(title, lead)}${controls}<section id="results" aria-live="polite">${body}</section>` };
  } catch (error) {
    if (!(error instanceof HttpError)) throw error;
    return { title, status: error.status, main: html`${heading(title, lead)}${controls}<section id="results" aria-live="polite">${errorBox(error.message)}</section>` };
  }
}

/** The value a form field shows: what the URL says, else the default. */
export function valueOf(query: URLSearchParams, defaults: Record<string, string>): (name: string) => string {
  const raw = queryObject(query);
  return (name) => {
    const v = raw[name];
    return typeof v === "string" ? v : Array.isArray(v) ? v.join(",") : (defaults[name] ?? "");
  };
}

/** The query the page computed with: defaults overlaid by the URL (used for chart download links). */
export function effectiveQuery(query: URLSearchParams, defaults: Record<string, string>): URLSearchParams {
  const out = new URLSearchParams(defaults);
  for (const [key, value] of Object.entries(queryObject(query))) out.set(key, Array.isArray(value) ? value.join(",") : value);
  return out;
}
