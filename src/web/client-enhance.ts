// The client script's enhancements beyond live forms (plain ES5+ in strings, served from /assets/app.js under the
// strict CSP: no inline scripts, styles only through the CSSOM): sortable and searchable tables, chart hover
// values, legend toggles and zoom on frontier charts. Each runs again after a live update replaces #results.

/** Sort by a header click (numbers by data-value), filter rows by a search box; aria-sort says the order. */
export const TABLES_JS = `
function cellKey(cell) {
  if (!cell) return null;
  const raw = cell.dataset.value !== undefined ? cell.dataset.value : cell.textContent.trim();
  if (raw === "" || raw === "-") return null;
  const number = Number(raw.replace(/[$,\\s]/g, ""));
  return Number.isFinite(number) && cell.classList.contains("num") ? number : raw.toLowerCase();
}

function sortTable(table, index, th) {
  const ascending = th.getAttribute("aria-sort") !== "ascending";
  for (const other of table.querySelectorAll("thead th")) other.setAttribute("aria-sort", "none");
  th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
  const body = table.tBodies[0];
  const rows = [...body.rows].map((row, order) => ({ row, order, key: cellKey(row.cells[index]) }));
  rows.sort((a, b) => {
    if (a.key === null || b.key === null) return a.key === b.key ? a.order - b.order : a.key === null ? 1 : -1;
    const c = typeof a.key === "number" && typeof b.key === "number" ? a.key - b.key : String(a.key).localeCompare(String(b.key));
    return (ascending ? c : -c) || a.order - b.order;
  });
  for (const { row } of rows) body.append(row);
}

function enhanceTables(root) {
  for (const table of root.querySelectorAll("table[data-sortable]:not([data-enhanced])")) {
    table.dataset.enhanced = "true";
    table.querySelectorAll("thead th").forEach((th, index) => {
      const button = document.createElement("button");
      button.type = "button";
      button.className = "sort";
      button.append(...th.childNodes);
      th.append(button);
      th.setAttribute("aria-sort", "none");
      button.addEventListener("click", () => sortTable(table, index, th));
    });
  }
  for (const input of root.querySelectorAll("input[data-filter]:not([data-enhanced])")) {
    input.dataset.enhanced = "true";
    const table = document.getElementById(input.dataset.filter);
    if (!table) continue;
    const status = document.createElement("span");
    status.className = "muted filter-count";
    status.setAttribute("aria-live", "polite");
    input.after(status);
    input.addEventListener("input", () => {
      const words = input.value.toLowerCase().split(/\\s+/).filter(Boolean);
      let shown = 0;
      for (const row of table.tBodies[0].rows) {
        const text = row.textContent.toLowerCase();
        row.hidden = !words.every((w) => text.includes(w));
        if (!row.hidden) shown++;
      }
      status.textContent = words.length ? shown + " of " + table.tBodies[0].rows.length + " rows" : "";
    });
  }
}
`;

/** Hover values with units, legend toggles for every series, and drag-to-zoom on the frontier chart. */
export const CHARTS_JS = `
const tip = document.createElement("div");
tip.className = "chart-tip";
tip.setAttribute("role", "status");
tip.hidden = true;
document.body.append(tip);
let hovered = null;

function nearestPoint(svg, x, y) {
  let best = null;
  let bestDistance = 28 * 28;
  for (const point of svg.querySelectorAll(".pt[data-tip]")) {
    if (point.closest(".series-off")) continue;
    const box = point.getBoundingClientRect();
    if (box.width === 0 && box.height === 0) continue;
    const inside = x >= box.left && x <= box.right && y >= box.top && y <= box.bottom;
    const dx = x - (box.left + box.right) / 2;
    const dy = y - (box.top + box.bottom) / 2;
    const distance = inside ? 0 : dx * dx + dy * dy;
    if (distance < bestDistance) {
      best = point;
      bestDistance = distance;
    }
  }
  return best;
}

function showTip(point, x, y) {
  if (hovered && hovered !== point) hovered.classList.remove("hover");
  hovered = point;
  if (!point) {
    tip.hidden = true;
    return;
  }
  point.classList.add("hover");
  tip.textContent = point.dataset.tip;
  tip.hidden = false;
  const width = tip.offsetWidth;
  const left = Math.min(window.innerWidth - width - 8, x + 14);
  tip.style.left = Math.max(8, left) + "px";
  tip.style.top = Math.max(8, y - tip.offsetHeight - 12) + "px";
}

document.addEventListener("pointermove", (event) => {
  const svg = event.target instanceof Element ? event.target.closest("figure.chart svg") : null;
  showTip(svg ? nearestPoint(svg, event.clientX, event.clientY) : null, event.clientX, event.clientY);
});
document.addEventListener("scroll", () => showTip(null), { passive: true });
// a tap on a touch screen shows the nearest point's values (there is no hover)
document.addEventListener("click", (event) => {
  const svg = event.target instanceof Element ? event.target.closest("figure.chart svg") : null;
  if (svg) showTip(nearestPoint(svg, event.clientX, event.clientY), event.clientX, event.clientY);
});

function toggleSeries(figure, index, button) {
  const on = button.getAttribute("aria-pressed") !== "true";
  button.setAttribute("aria-pressed", on ? "true" : "false");
  for (const el of figure.querySelectorAll('svg [data-series="' + index + '"]')) {
    if (el.classList.contains("legend-item")) el.classList.toggle("legend-off", !on);
    else el.classList.toggle("series-off", !on);
  }
}

function enhanceCharts(root) {
  for (const figure of root.querySelectorAll("figure.chart:not([data-enhanced])")) {
    figure.dataset.enhanced = "true";
    for (const point of figure.querySelectorAll(".pt > title")) point.remove();
    const svg = figure.querySelector("svg");
    const items = svg ? [...svg.querySelectorAll(".legend-item[data-series]")] : [];
    if (items.length >= 2) {
      const bar = document.createElement("div");
      bar.className = "series-toggles";
      bar.setAttribute("role", "group");
      bar.setAttribute("aria-label", "Series shown");
      for (const item of items) {
        const button = document.createElement("button");
        button.type = "button";
        button.className = "series-toggle";
        button.setAttribute("aria-pressed", "true");
        button.dataset.series = item.dataset.series;
        const swatch = document.createElement("span");
        swatch.className = "swatch";
        const colored = item.querySelector("[stroke]:not([stroke='#ffffff']), [fill]:not([fill='#ffffff'])");
        swatch.style.background = colored ? colored.getAttribute("stroke") || colored.getAttribute("fill") : "currentColor";
        button.append(swatch, document.createTextNode(item.textContent.trim()));
        button.addEventListener("click", () => toggleSeries(figure, button.dataset.series, button));
        bar.append(button);
      }
      figure.querySelector("figcaption").before(bar);
      for (const item of figure.querySelectorAll(".legend-item[data-series]")) {
        item.addEventListener("click", () => toggleSeries(figure, item.dataset.series, bar.querySelector('[data-series="' + item.dataset.series + '"]')));
      }
    }
    if (figure.dataset.chart === "frontier") enableZoom(figure);
  }
}

/** Drag across the frontier to zoom into that range of the plot (the viewBox), double-click or Reset to undo. */
function enableZoom(figure) {
  for (const svg of figure.querySelectorAll("svg")) {
    const original = svg.getAttribute("viewBox");
    const reset = document.createElement("button");
    reset.type = "button";
    reset.className = "zoom-reset";
    reset.textContent = "Reset zoom";
    reset.hidden = true;
    svg.parentElement.append(reset);
    const restore = () => {
      svg.setAttribute("viewBox", original);
      reset.hidden = true;
    };
    reset.addEventListener("click", restore);
    svg.addEventListener("dblclick", restore);
    let start = null;
    let band = null;
    const toSvg = (event) => {
      const point = new DOMPoint(event.clientX, event.clientY).matrixTransform(svg.getScreenCTM().inverse());
      return point;
    };
    svg.addEventListener("pointerdown", (event) => {
      if (event.button !== 0 || event.target.closest(".legend-item")) return;
      start = toSvg(event);
      band = document.createElementNS("http://www.w3.org/2000/svg", "rect");
      band.setAttribute("class", "zoom-band");
      svg.append(band);
      svg.setPointerCapture(event.pointerId);
    });
    svg.addEventListener("pointermove", (event) => {
      if (!start || !band) return;
      const now = toSvg(event);
      band.setAttribute("x", String(Math.min(start.x, now.x)));
      band.setAttribute("y", String(Math.min(start.y, now.y)));
      band.setAttribute("width", String(Math.abs(now.x - start.x)));
      band.setAttribute("height", String(Math.abs(now.y - start.y)));
    });
    svg.addEventListener("pointerup", (event) => {
      if (!start || !band) return;
      const now = toSvg(event);
      band.remove();
      const width = Math.abs(now.x - start.x);
      const height = Math.abs(now.y - start.y);
      if (width > 12 && height > 12) {
        svg.setAttribute("viewBox", [Math.min(start.x, now.x), Math.min(start.y, now.y), width, height].join(" "));
        reset.hidden = false;
      }
      start = null;
      band = null;
    });
  }
}
`;
