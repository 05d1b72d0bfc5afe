// HTML built with a tagged template that escapes every interpolated value unless it is marked trusted.

/** A string already safe to place in HTML (our own markup, report-layer SVG, the KB's safe renderer). */
export class Trusted {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

/** Marks markup the server produced itself as safe; never pass user input here. */
export function trusted(markup: string): Trusted {
  return new Trusted(markup);
}

/** Escapes the five HTML-significant characters. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

type Value = string | number | boolean | null | undefined | Trusted | readonly Value[];

function render(value: Value): string {
  if (value === null || value === undefined || value === false) return "";
  if (value instanceof Trusted) return value.value;
  if (Array.isArray(value)) return value.map(render).join("");
  return escapeHtml(String(value));
}

/** `html\`<p>${userText}</p>\`` escapes userText; arrays are joined; null/undefined/false render nothing. */
export function html(strings: TemplateStringsArray, ...values: Value[]): Trusted {
  let out = strings[0] ?? "";
  values.forEach((value, i) => {
    out += render(value) + (strings[i + 1] ?? "");
  });
  return new Trusted(out);
}

/** A query string from key/value pairs (undefined values left out), starting with "?" when not empty. */
export function queryString(params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== null && value !== "") search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : "";
}

/** A link to an outside source, only for http(s) URLs; any other scheme (javascript:, data:) is shown as text. */
export function sourceLink(url: string, text = url): Trusted {
  let scheme = "";
  try {
    scheme = new URL(url).protocol;
  } catch {
    scheme = "";
  }
  return scheme === "http:" || scheme === "https:" ? html`<a href="${url}" rel="noreferrer">${text}</a>` : html`<span class="muted">${text}</span>`;
}
