// The page shell: head, navigation, main; and small building blocks every page uses (fields, tables, charts).
import { renderAtWidth } from "../report/index.js";
import { html, queryString, type Trusted, trusted } from "./html.js";

export interface NavItem {
  path: string;
  label: string;
}

export const NAV: readonly NavItem[] = [
  { path: "/predict", label: "Predict" },
  { path: "/embeddings", label: "Embeddings" },
  { path: "/frontier", label: "Frontier" },
  { path: "/optimize", label: "Optimize" },
  { path: "/prices", label: "Prices" },
  { path: "/bill", label: "Bill" },
  { path: "/breakeven", label: "Breakeven" },
  { path: "/index", label: "Margin index" },
  { path: "/runs", label: "Benchmark runs" },
  { path: "/kb", label: "Knowledge base" },
];

/** The whole document around a page's main content. */
export function layout(page: { path: string; title: string; main: Trusted }): string {
  const nav = NAV.map((item) => html`<li><a href="${item.path}"${trusted(item.path === page.path ? ' aria-current="page"' : "")}>${item.label}</a></li>`);
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${page.title} · costcurve</title>
<link rel="stylesheet" href="/assets/style.css">
<script type="module" src="/assets/app.js"></script>
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header class="top">
<a class="brand" href="/">costcurve</a>
<nav aria-label="Pages"><ul>${nav}</ul></nav>
</header>
<main id="main" tabindex="-1">${page.main}</main>
<footer class="foot">costcurve · every number from the same engine and price book as the CLI · <a href="/api">JSON API</a></footer>
</body>
</html>
`.value;
}

/** A labelled input; `hint` shows the unit. */
export function field(o: { name: string; label: string; value: string | number | undefined; hint?: string; type?: string; step?: string; min?: string; max?: string; list?: string; placeholder?: string; follow?: boolean }): Trusted {
  const id = `f-${o.name}`;
  return html`<label class="field" for="${id}"><span class="label">${o.label}${o.hint ? html` <span class="unit">(${o.hint})</span>` : ""}</span>
<input id="${id}" name="${o.name}" type="${o.type ?? "text"}" value="${o.value ?? ""}"${trusted(o.step ? ` step="${o.step}"` : "")}${trusted(o.min ? ` min="${o.min}"` : "")}${trusted(o.max ? ` max="${o.max}"` : "")}${o.list ? trusted(` list="${o.list}"`) : ""}${o.placeholder ? html` placeholder="${o.placeholder}"` : ""}${trusted(o.follow ? " data-follow" : "")} inputmode="${o.type === "number" ? "decimal" : "text"}"></label>`;
}

/** A labelled select. */
export function select(o: { name: string; label: string; value: string; options: ReadonlyArray<string | { value: string; label: string }>; hint?: string; follow?: boolean }): Trusted {
  const id = `f-${o.name}`;
  const options = o.options.map((opt) => {
    const value = typeof opt === "string" ? opt : opt.value;
    const label = typeof opt === "string" ? opt : opt.label;
    return html`<option value="${value}"${trusted(value === o.value ? " selected" : "")}>${label}</option>`;
  });
  return html`<label class="field" for="${id}"><span class="label">${o.label}${o.hint ? html` <span class="unit">(${o.hint})</span>` : ""}</span><select id="${id}" name="${o.name}"${trusted(o.follow ? " data-follow" : "")}>${options}</select></label>`;
}

/**
 * A hidden field. With `follow`, the live script copies the server's value after each update (fields the server
 * derives, such as a run's hardware, follow the run chosen).
 */
export function hidden(name: string, value: string, follow = false): Trusted {
  return html`<input type="hidden" id="f-${name}" name="${name}" value="${value}"${trusted(follow ? " data-follow" : "")}>`;
}

/** A GET form whose fields are the page's query string; app.js re-renders on change without a reload. */
export function form(action: string, fields: Trusted[], note?: string): Trusted {
  return html`<form class="controls" method="get" action="${action}" data-live>
${fields}
<div class="actions"><button type="submit">Update</button>${note ? html`<span class="muted">${note}</span>` : ""}</div>
</form>`;
}

export interface TableColumn<T> {
  header: string;
  unit?: string;
  /** Cell text. */
  cell: (row: T) => string | Trusted;
  numeric?: boolean;
  /** Long text that may wrap (other cells stay on one line). */
  wrap?: boolean;
  /** Raw value for tests and copy (data-value). */
  value?: (row: T) => number | string | null;
}

/** Client behaviour a table asks for: sort by a header click, filter rows by a search box (assets.ts does both). */
export interface TableOptions {
  id?: string;
  sortable?: boolean;
  searchable?: boolean;
}

/** A table with aligned numeric columns and units in the headers. */
export function table<T>(columns: ReadonlyArray<TableColumn<T>>, rows: readonly T[], caption?: string, options: TableOptions = {}): Trusted {
  const head = columns.map((c) => html`<th scope="col"${trusted(c.numeric ? ' class="num"' : "")}>${c.header}${c.unit ? html`<span class="unit"> (${c.unit})</span>` : ""}</th>`);
  const body = rows.map(
    (row) =>
      html`<tr>${columns.map((c) => {
        const v = c.value?.(row);
        return html`<td${trusted(c.numeric ? ' class="num"' : c.wrap ? ' class="wrap"' : "")}${v === undefined || v === null ? "" : html` data-value="${String(v)}"`}>${c.cell(row)}</td>`;
      })}</tr>`,
  );
  const search =
    options.searchable && options.id
      ? html`<label class="table-search" for="${options.id}-search"><span class="label">Search this table</span> <input type="search" id="${options.id}-search" data-filter="${options.id}" placeholder="model, provider, ..." autocomplete="off"></label>`
      : "";
  const attrs = trusted(`${options.id ? ` id="${options.id}"` : ""}${options.sortable ? " data-sortable" : ""}`);
  return html`${search}<div class="table-wrap" tabindex="0" role="region" aria-label="${caption ?? "table"}"><table${attrs}>${caption ? html`<caption>${caption}</caption>` : ""}<thead><tr>${head}</tr></thead><tbody>${body}</tbody></table></div>`;
}

/** Width the phone copy of a chart is drawn at, in px (a 390 px screen shows it at about 0.95x). */
export const NARROW_CHART_PX = 360;

/** The phone copy's ids get a suffix so the two copies of one chart never share an id. */
function narrowIds(svg: string): string {
  return svg.replace(/ id="([^"]+)"/g, ' id="$1-narrow"').replace(/url\(#([^)]+)\)/g, "url(#$1-narrow)");
}

/**
 * A chart figure: the inline SVG drawn twice (wide, and at a phone width so its text stays readable; CSS shows
 * one), plus SVG/PNG download links to /api/chart/<name>.
 */
export function chartFigure(name: string, render: () => string, query: Record<string, string | number | undefined>, label: string): Trusted {
  const q = queryString(query);
  const wide = render();
  const narrow = narrowIds(renderAtWidth(NARROW_CHART_PX, render));
  return html`<figure class="chart" aria-label="${label}" data-chart="${name}"><div class="chart-wide">${trusted(wide)}</div><div class="chart-narrow">${trusted(narrow)}</div>
<figcaption><a href="/api/chart/${name}.svg${q}" download>Download SVG</a> · <a href="/api/chart/${name}.png${q}" download>Download PNG</a></figcaption></figure>`;
}

/**
 * Download links for a result: CSV (/api/<api>.csv) and JSON (/api/<api>) for the query the page computed with,
 * so a download holds the numbers on the screen.
 */
export function downloads(api: string, query: Record<string, string | number | undefined> | URLSearchParams, what = "these results"): Trusted {
  const q = queryString(query instanceof URLSearchParams ? Object.fromEntries(query) : query);
  return html`<p class="downloads" data-api="${api}"><span class="muted">Download ${what}:</span> <a href="/api/${api}.csv${q}" download data-kind="csv">CSV</a> · <a href="/api/${api}${q}" download data-kind="json">JSON</a></p>`;
}

/** An error box (used for 400s on pages: the form stays, the message names the field). */
export function errorBox(message: string): Trusted {
  return html`<div class="error" role="alert"><strong>Cannot compute this:</strong> <span class="message">${message}</span></div>`;
}

/** Page heading with a one-line explanation. */
export function heading(title: string, lead: string): Trusted {
  return html`<h1>${title}</h1><p class="lead">${lead}</p>`;
}
