// A small Markdown renderer that is safe by construction: every character of input is escaped, and only the
// elements it builds itself (headings, paragraphs, lists, quotes, code, emphasis, links) become HTML.
import type { KbNode } from "../store/records.js";

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

const ALLOWED_SCHEMES = new Set(["http", "https", "mailto"]);

/**
 * A URL safe to put in href, or null: http(s), mailto and scheme-less (relative, #anchor) URLs only. Control
 * characters and whitespace are removed first, as browsers ignore them inside a scheme ("java\tscript:").
 */
export function safeUrl(url: string): string | null {
  // eslint-disable-next-line no-control-regex
  const cleaned = url.replace(/[\u0000-\u0020\u007f-\u009f]/g, "");
  if (cleaned === "") return null;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(cleaned);
  if (scheme && !ALLOWED_SCHEMES.has(scheme[1]!.toLowerCase())) return null;
  // "//host" is protocol-relative: allowed (same scheme as the page); a backslash could be read as a slash, drop it
  if (cleaned.includes("\\")) return null;
  return cleaned;
}

export interface RenderOptions {
  /** Where [[node-id]] links point; default "#kb/<id>". */
  nodeHref?: (id: string) => string;
}

const PH_OPEN = "\uE000";
const PH_CLOSE = "\uE001";

function link(text: string, url: string, options: RenderOptions, held: string[]): string {
  const href = safeUrl(url);
  const inner = inline(text, options, false, held);
  if (href === null) return inner;
  const external = /^(https?:)?\/\//i.test(href);
  return `<a href="${escapeHtml(href)}"${external ? ' rel="noopener noreferrer nofollow"' : ""}>${inner}</a>`;
}

/** Renders inline Markdown: `code`, [text](url), <https://autolink>, [[node-id]], **strong**, *em*. */
function inline(text: string, options: RenderOptions, links = true, held: string[] = []): string {
  const top = held.length === 0 && links;
  const hold = (html: string) => `${PH_OPEN}${held.push(html) - 1}${PH_CLOSE}`;
  let s = top ? text.replace(/[\uE000\uE001]/g, "") : text;
  s = s.replace(/(`+)([^`]|[^`][\s\S]*?[^`])\1(?!`)/g, (_m, _ticks: string, code: string) => hold(`<code>${escapeHtml(code.trim())}</code>`));
  if (links) {
    const nodeHref = options.nodeHref ?? ((id: string) => `#kb/${id}`);
    s = s.replace(/\[\[([a-z0-9][a-z0-9._-]*)\]\]/g, (_m, id: string) => hold(`<a href="${escapeHtml(nodeHref(id))}">${escapeHtml(id)}</a>`));
    s = s.replace(/\[([^\]]*)\]\(\s*<?((?:[^()\s<>]|\([^()\s]*\))*)>?(?:\s+"[^"]*")?\s*\)/g, (_m, label: string, url: string) => hold(link(label, url, options, held)));
    s = s.replace(/<((?:https?|mailto):[^\s<>]+)>/gi, (_m, url: string) => hold(link(url, url, options, held)));
  }
  s = escapeHtml(s);
  s = s.replace(/\*\*(?=\S)([\s\S]*?\S)\*\*/g, "<strong>$1</strong>").replace(/__(?=\S)([\s\S]*?\S)__/g, "<strong>$1</strong>");
  s = s.replace(/(^|[^*\w])\*(?=\S)([^*]*?\S)\*(?!\w)/g, "$1<em>$2</em>").replace(/(^|[^_\w])_(?=\S)([^_]*?\S)_(?!\w)/g, "$1<em>$2</em>");
  if (!top) return s;
  const placeholder = new RegExp(`${PH_OPEN}(\\d+)${PH_CLOSE}`, "g");
  // link labels may hold code spans: restore until no placeholder is left (depth is at most two)
  for (let depth = 0; depth < 3 && placeholder.test(s); depth++) s = s.replace(placeholder, (_m, i: string) => held[Number(i)] ?? "");
  return s.replace(/[\uE000\uE001]/g, "");
}

const BLOCK_START = /^(#{1,6}\s|```|~~~|>|[-*+]\s|\d{1,9}[.)]\s|(?:-{3,}|\*{3,}|_{3,})\s*$)/;

/** Renders a Markdown body to HTML; raw HTML in the input is shown as text, never interpreted. */
export function renderMarkdown(markdown: string, options: RenderOptions = {}): string {
  const lines = markdown.replace(/\r\n?/g, "\n").split("\n");
  const out: string[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (line.trim() === "") {
      i++;
      continue;
    }
    const fence = /^(```|~~~)\s*([\w+-]*)/.exec(line);
    if (fence) {
      const body: string[] = [];
      i++;
      while (i < lines.length && !lines[i]!.startsWith(fence[1]!)) body.push(lines[i++]!);
      i++;
      const lang = fence[2] ? ` class="language-${escapeHtml(fence[2])}"` : "";
      out.push(`<pre><code${lang}>${escapeHtml(body.join("\n"))}</code></pre>`);
      continue;
    }
    const heading = /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading) {
      const level = heading[1]!.length;
      out.push(`<h${level}>${inline(heading[2]!, options)}</h${level}>`);
      i++;
      continue;
    }
    if (/^(?:-{3,}|\*{3,}|_{3,})\s*$/.test(line)) {
      out.push("<hr>");
      i++;
      continue;
    }
    if (line.startsWith(">")) {
      const quoted: string[] = [];
      while (i < lines.length && lines[i]!.startsWith(">")) quoted.push(lines[i++]!.replace(/^>\s?/, ""));
      out.push(`<blockquote>${renderMarkdown(quoted.join("\n"), options)}</blockquote>`);
      continue;
    }
    const bullet = /^\s*([-*+]|\d{1,9}[.)])\s+/;
    if (bullet.test(line)) {
      const ordered = /\d/.test(bullet.exec(line)![1]!);
      const items: string[] = [];
      while (i < lines.length && lines[i]!.trim() !== "") {
        const m = bullet.exec(lines[i]!);
        if (m) items.push(lines[i]!.slice(m[0].length));
        else items[items.length - 1] += ` ${lines[i]!.trim()}`;
        i++;
      }
      const tag = ordered ? "ol" : "ul";
      out.push(`<${tag}>${items.map((item) => `<li>${inline(item, options)}</li>`).join("")}</${tag}>`);
      continue;
    }
    const para: string[] = [];
    while (i < lines.length && lines[i]!.trim() !== "" && (para.length === 0 || !BLOCK_START.test(lines[i]!))) para.push(lines[i++]!.trim());
    out.push(`<p>${inline(para.join("\n"), options)}</p>`);
  }
  return out.join("\n");
}

/** A search snippet with only the store's <mark> highlights kept; everything else is escaped. */
export function renderSnippet(snippet: string): string {
  return escapeHtml(snippet)
    .replace(/&lt;mark&gt;/g, "<mark>")
    .replace(/&lt;\/mark&gt;/g, "</mark>");
}

/** A whole node as an <article>: title, kind, tags, body, sources, links and backlinks, all escaped. */
export function renderNodeHtml(node: KbNode, backlinks: readonly string[] = [], options: RenderOptions = {}): string {
  const nodeHref = options.nodeHref ?? ((id: string) => `#kb/${id}`);
  const nodeLink = (id: string) => `<a href="${escapeHtml(nodeHref(id))}">${escapeHtml(id)}</a>`;
  const parts = [
    `<article class="kb-node" id="${escapeHtml(`kb-${node.id}`)}">`,
    `<h1>${escapeHtml(node.title)}</h1>`,
    `<p class="kb-meta">${escapeHtml(node.kind)}${node.tags.length ? ` · ${node.tags.map((t) => `<span class="kb-tag">${escapeHtml(t)}</span>`).join(" ")}` : ""}</p>`,
    renderMarkdown(node.body, options),
  ];
  if (node.sources.length) {
    const items = node.sources.map((s) => {
      const label = escapeHtml(s.title ?? s.url);
      const href = safeUrl(s.url);
      const anchor = href && /^https?:\/\//i.test(href) ? `<a href="${escapeHtml(href)}" rel="noopener noreferrer nofollow">${label}</a>` : label;
      return `<li>${anchor}${s.date ? ` (${escapeHtml(s.date)})` : ""}</li>`;
    });
    parts.push(`<h2>Sources</h2><ul class="kb-sources">${items.join("")}</ul>`);
  }
  if (node.links.length) parts.push(`<h2>Links</h2><ul>${node.links.map((id) => `<li>${nodeLink(id)}</li>`).join("")}</ul>`);
  if (backlinks.length) parts.push(`<h2>Linked from</h2><ul>${backlinks.map((id) => `<li>${nodeLink(id)}</li>`).join("")}</ul>`);
  parts.push("</article>");
  return parts.join("\n");
}
