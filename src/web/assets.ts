// The two static files: the style sheet and the small client script (plain ES module, no build step).
import { CHARTS_JS, TABLES_JS } from "./client-enhance.js";

/** Progressive enhancement: forms work as plain GET forms; with JS, results update in place and the URL follows. */
export const APP_JS = `// costcurve web: live forms. Without this script every form still works as a plain GET form.
const DELAY_MS = 350;
let timer = 0;
let controller = null;
let generation = 0;

function urlOf(form) {
  const params = new URLSearchParams();
  for (const [key, value] of new FormData(form)) if (String(value).trim() !== "") params.append(key, String(value));
  const query = params.toString();
  return form.getAttribute("action") + (query ? "?" + query : "");
}

async function update(form) {
  const url = urlOf(form);
  controller?.abort();
  controller = new AbortController();
  const mine = ++generation;
  document.body.dataset.pending = "true";
  try {
    const response = await fetch(url, { signal: controller.signal, headers: { Accept: "text/html" } });
    const text = await response.text();
    if (mine !== generation) return;
    const doc = new DOMParser().parseFromString(text, "text/html");
    const fresh = doc.getElementById("results");
    const current = document.getElementById("results");
    if (fresh && current) {
      current.replaceWith(document.importNode(fresh, true));
      const replaced = document.getElementById("results");
      replaced.dataset.updates = String(Number(current.dataset.updates || "0") + 1);
    }
    // hints that depend on other fields (e.g. the catalog price of the chosen accelerator)
    for (const input of doc.querySelectorAll("form[data-live] [placeholder]")) {
      const mine = document.getElementById(input.id);
      if (mine) mine.setAttribute("placeholder", input.getAttribute("placeholder"));
    }
    // fields the server derives (a run's model and hardware) take the server's value, then the URL is the form's
    for (const input of doc.querySelectorAll("form[data-live] [data-follow]")) {
      const mine = document.getElementById(input.id);
      if (mine && mine !== document.activeElement) mine.value = input.value;
    }
    history.replaceState(null, "", urlOf(form));
    document.dispatchEvent(new CustomEvent("costcurve:updated"));
  } catch (error) {
    if (error && error.name === "AbortError") return;
    const current = document.getElementById("results");
    if (current) current.insertAdjacentHTML("afterbegin", '<div class="error" role="alert">Network error: could not update.</div>');
  } finally {
    if (mine === generation) delete document.body.dataset.pending;
  }
}

function schedule(form, delay) {
  clearTimeout(timer);
  timer = setTimeout(() => update(form), delay);
}

for (const form of document.querySelectorAll("form[data-live]")) {
  // the URL always says what the form shows (defaults included), so a copied link reproduces the page
  const here = location.pathname + location.search;
  const own = urlOf(form);
  if (own !== here && form.getAttribute("action") === location.pathname) history.replaceState(null, "", own);
  form.addEventListener("input", (event) => {
    if (event.target instanceof HTMLInputElement && event.target.type !== "checkbox") schedule(form, DELAY_MS);
  });
  form.addEventListener("change", () => schedule(form, 0));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    schedule(form, 0);
  });
}
${TABLES_JS}
${CHARTS_JS}
function enhance(root) {
  enhanceTables(root);
  enhanceCharts(root);
}
enhance(document);
document.addEventListener("costcurve:updated", () => enhance(document.getElementById("results") || document));
document.documentElement.dataset.ready = "true";
`;

export const STYLE_CSS = `:root {
  --text: #1f2937; --muted: #4b5563; --faint: #6b7280; --line: #e5e7eb; --bg: #f8fafc; --card: #ffffff;
  --accent: #1d4ed8; --accent-soft: #dbeafe; --focus: #1d4ed8; --bad: #b91c1c; --bad-soft: #fef2f2; --good: #047857; --warn: #92400e;
  --on-accent: #ffffff; --bad-text: #7f1d1d; --field-bg: #ffffff; --field-line: #6b7280; --th-bg: #f3f4f6; --th-text: #374151; --hover: #f9fafb;
  --unit: #4b5563; color-scheme: light dark;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "DejaVu Sans", sans-serif;
  font-size: 15px; line-height: 1.5; color: var(--text); background: var(--bg);
}
* { box-sizing: border-box; }
body { margin: 0; }
a { color: var(--accent); }
.skip { position: absolute; left: -999px; }
.skip:focus { left: 8px; top: 8px; background: var(--card); padding: 4px 8px; z-index: 10; }
.top { display: flex; align-items: center; gap: 24px; padding: 10px 24px; background: #111827; flex-wrap: wrap; }
.brand { color: #fff; font-weight: 700; font-size: 18px; text-decoration: none; letter-spacing: 0.2px; }
.top ul { display: flex; flex-wrap: wrap; gap: 2px; list-style: none; margin: 0; padding: 0; }
.top nav a { color: #d1d5db; text-decoration: none; padding: 6px 10px; border-radius: 6px; display: inline-block; font-size: 14px; }
.top nav a:hover { background: #1f2937; color: #fff; }
.top nav a[aria-current="page"] { background: #374151; color: #fff; }
main { max-width: 1680px; margin: 0 auto; padding: 20px 24px 40px; }
main:focus { outline: none; }
h1 { font-size: 24px; margin: 8px 0 4px; }
h2 { font-size: 18px; margin: 28px 0 8px; }
h3 { font-size: 15px; margin: 18px 0 6px; }
.lead { color: var(--muted); margin: 0 0 16px; max-width: 80ch; }
.muted { color: var(--muted); }
.unit { color: var(--unit); font-weight: 400; }
.controls { display: grid; grid-template-columns: repeat(auto-fill, minmax(170px, 1fr)); gap: 10px 14px; background: var(--card);
  border: 1px solid var(--line); border-radius: 10px; padding: 14px 16px; margin-bottom: 18px; }
.controls .wide { grid-column: span 2; }
.controls fieldset { grid-column: 1 / -1; border: 0; padding: 0; margin: 0; display: flex; flex-wrap: wrap; gap: 4px 14px; }
.controls legend { font-size: 13px; color: var(--muted); font-weight: 600; margin-bottom: 4px; }
.check { font-size: 13px; display: inline-flex; gap: 4px; align-items: center; }
.field { display: flex; flex-direction: column; gap: 3px; font-size: 13px; min-width: 0; }
.field .label { color: var(--muted); font-weight: 600; }
input, select, button { font: inherit; font-size: 14px; }
input, select { padding: 6px 8px; border: 1px solid var(--field-line); border-radius: 6px; background: var(--field-bg); color: var(--text); min-width: 0; max-width: 100%; }
.field input, .field select { width: 100%; }
.check input { width: auto; }
/* focus rings: 3 px in --focus, at least 3:1 against the page, the cards and the header in both colour schemes */
:focus-visible, input:focus, select:focus { outline: 3px solid var(--focus); outline-offset: 2px; }
.top :focus-visible { outline-color: #93c5fd; }
.table-wrap:focus-visible { outline-offset: -3px; }
.actions { grid-column: 1 / -1; display: flex; align-items: center; gap: 12px; }
button { background: var(--accent); color: var(--on-accent); border: 0; border-radius: 6px; padding: 7px 16px; cursor: pointer; }
body[data-pending] #results { opacity: 0.55; transition: opacity 0.15s; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(180px, 1fr)); gap: 10px; margin: 0 0 16px; }
.card { background: var(--card); border: 1px solid var(--line); border-radius: 10px; padding: 10px 14px; }
.card .k { font-size: 12px; color: var(--muted); text-transform: uppercase; letter-spacing: 0.4px; }
.card .v { font-size: 20px; font-weight: 650; font-variant-numeric: tabular-nums; line-height: 1.3; }
.card .v .unit { font-size: 13px; white-space: nowrap; }
.bound { background: var(--accent-soft); border-left: 4px solid var(--accent); padding: 10px 14px; border-radius: 6px; margin: 0 0 16px; }
.error { background: var(--bad-soft); border-left: 4px solid var(--bad); color: var(--bad-text); padding: 10px 14px; border-radius: 6px; margin: 0 0 16px; white-space: pre-wrap; }
.note { color: var(--warn); font-size: 13px; margin: 4px 0; }
.table-wrap { overflow-x: auto; background: var(--card); border: 1px solid var(--line); border-radius: 10px; margin: 0 0 16px; }
table { border-collapse: collapse; width: 100%; font-size: 14px; }
caption { text-align: left; padding: 8px 12px; color: var(--muted); font-size: 13px; }
th, td { padding: 6px 12px; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; white-space: nowrap; }
td.wrap { white-space: normal; min-width: 16ch; max-width: 60ch; }
th { background: var(--th-bg); font-size: 13px; color: var(--th-text); white-space: nowrap; }
th .unit { display: block; font-size: 12px; }
/* the key column stays in view while the rest of a wide table scrolls inside its own box */
.table-wrap th:first-child, .table-wrap td:first-child { position: sticky; left: 0; z-index: 1; box-shadow: inset -1px 0 0 var(--line); }
.table-wrap td:first-child { background: var(--card); }
.table-wrap tbody tr:hover td:first-child { background: var(--hover); }
tbody tr:last-child td { border-bottom: 0; }
tbody tr:hover { background: var(--hover); }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
figure.chart { margin: 0 0 18px; background: var(--card); border: 1px solid var(--line); border-radius: 10px; padding: 10px; }
figure.chart { position: relative; }
figure.chart svg { width: 100%; max-width: 100%; height: auto; display: block; margin: 0 auto; }
figure.chart .chart-wide svg { max-width: 1100px; }
.chart-narrow { display: none; }
figcaption { font-size: 13px; color: var(--muted); text-align: right; padding: 4px 6px 0; }
pre { background: #0f172a; color: #e2e8f0; padding: 12px 14px; border-radius: 8px; overflow-x: auto; font-size: 13px; }
details { margin: 0 0 16px; }
summary { cursor: pointer; color: var(--muted); font-weight: 600; }
.status { display: inline-block; padding: 1px 8px; border-radius: 999px; font-size: 12px; font-weight: 600; }
.status-holds { background: #d1fae5; color: #065f46; }
.status-fails { background: #fee2e2; color: #991b1b; }
.status-stale { background: #fef3c7; color: #92400e; }
.status-unchecked { background: #e5e7eb; color: #374151; }
.kb-body { background: var(--card); border: 1px solid var(--line); border-radius: 10px; padding: 6px 18px; }
mark { background: #fde68a; color: #1f2937; }
.two { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 16px; }
@media (max-width: 900px) { .two { grid-template-columns: 1fr; } }
.foot { max-width: 1680px; margin: 0 auto; padding: 12px 24px 30px; color: var(--faint); font-size: 13px; }
p, li, dd, summary, .error, .note { overflow-wrap: anywhere; }
.downloads { font-size: 13px; margin: -6px 0 16px; }
.table-search { display: flex; flex-wrap: wrap; align-items: center; gap: 6px 10px; font-size: 13px; margin: 8px 0; }
.table-search .label { color: var(--muted); font-weight: 600; }
.table-search input { width: min(320px, 100%); }
th button.sort { all: unset; cursor: pointer; display: block; width: 100%; }
th button.sort:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; border-radius: 3px; }
th[aria-sort="ascending"] button.sort::after { content: " \\25B2"; font-size: 10px; }
th[aria-sort="descending"] button.sort::after { content: " \\25BC"; font-size: 10px; }
.chart-tip { position: fixed; z-index: 20; pointer-events: none; white-space: pre-line; background: #111827; color: #f9fafb;
  font-size: 13px; line-height: 1.4; padding: 6px 9px; border-radius: 6px; max-width: 320px; box-shadow: 0 2px 8px rgba(0,0,0,0.25); }
figure.chart .pt.hover > :not(title) { stroke: #111827; stroke-width: 2; }
figure.chart .series-off { display: none; }
figure.chart .legend-item { cursor: pointer; }
figure.chart .legend-off { opacity: 0.3; }
.series-toggles { display: flex; flex-wrap: wrap; gap: 6px; padding: 6px 4px 0; }
.series-toggle { background: var(--card); color: var(--text); border: 1px solid var(--field-line); padding: 3px 10px; font-size: 13px; display: inline-flex; align-items: center; gap: 6px; }
.series-toggle[aria-pressed="false"] { opacity: 0.55; text-decoration: line-through; }
.series-toggle .swatch { width: 12px; height: 12px; border-radius: 2px; display: inline-block; }
.zoom-band { fill: rgba(29, 78, 216, 0.12); stroke: #1d4ed8; stroke-dasharray: 4 3; }
.zoom-reset { margin: 6px 4px 0; font-size: 13px; padding: 3px 10px; }
figure.chart[data-chart="frontier"] svg { touch-action: pan-y; cursor: crosshair; }
/* dark mode: the same layout in dark colours; charts keep their white canvas (like a printed figure) */
@media (prefers-color-scheme: dark) {
  :root {
    --text: #e5e7eb; --muted: #b6beca; --faint: #9ca3af; --line: #334155; --bg: #0b1120; --card: #111827;
    --accent: #93c5fd; --accent-soft: #172554; --focus: #93c5fd; --bad: #f87171; --bad-soft: #3b1219; --good: #34d399; --warn: #fbbf24;
    --on-accent: #0b1120; --bad-text: #fecaca; --field-bg: #0f172a; --field-line: #8b95a5; --th-bg: #1f2937; --th-text: #e5e7eb; --hover: #1e293b;
    --unit: #b6beca;
  }
  .top { background: #020617; }
  figure.chart .chart-wide, figure.chart .chart-narrow { background: #ffffff; border-radius: 6px; }
  .chart-tip { background: #f9fafb; color: #111827; }
}
@media (max-width: 640px) {
  main { padding: 12px 12px 32px; }
  .top { padding: 8px 12px; gap: 8px 16px; }
  .foot { padding: 12px; }
  .controls { padding: 12px; grid-template-columns: repeat(auto-fill, minmax(140px, 1fr)); }
  .controls .wide { grid-column: 1 / -1; }
  figure.chart { padding: 6px; }
  .chart-wide { display: none; }
  .chart-narrow { display: block; }
  h1 { font-size: 21px; }
}
`;
