// End-to-end in headless Chromium: every page loads, forms update numbers in place, the Predict page matches the
// CLI, charts download, and axe-core finds no serious or critical accessibility violations. Screenshots go to
// test-output/web/.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { captureIo } from "../cli/io.js";
import { main } from "../cli/main.js";
import { axeViolations, type Browser, browserUnavailable, launchBrowser } from "./test-support/browser.js";
import { seedRunsStore } from "./test-support/seed-runs.js";
import { type RunningWebServer, startWebServer } from "./server.js";

const unavailable = browserUnavailable();
if (unavailable) console.log(`skipping browser tests: ${unavailable}`);

const SHOTS = resolve(import.meta.dirname, "../../test-output/web");
/** COSTCURVE_SCREENSHOTS=docs writes each page's first screen at both sizes to docs/screenshots/ (the README shows them). */
const DOC_SHOTS = process.env.COSTCURVE_SCREENSHOTS === "docs" ? resolve(import.meta.dirname, "../../docs/screenshots") : null;

async function screenshots(page: Page, name: string, size: string): Promise<void> {
  await page.screenshot({ path: join(SHOTS, `${name}-${size}.png`), fullPage: true });
  if (DOC_SHOTS) await page.screenshot({ path: join(DOC_SHOTS, `${name}-${size}.png`) });
}

/** WCAG contrast ratio of two CSS rgb() colours. */
function contrast(a: string, b: string): number {
  const luminance = (color: string) => {
    const [r, g, bl] = color
      .match(/[\d.]+/g)!
      .slice(0, 3)
      .map((v) => {
        const c = Number(v) / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

const PAGES: Array<[name: string, path: string, heading: RegExp]> = [
  ["predict", "/predict", /Predict/],
  ["embeddings", "/embeddings", /Embeddings/],
  ["frontier", "/frontier", /Frontier/],
  ["optimize", "/optimize", /Optimize/],
  ["prices", "/prices", /Prices and history/],
  ["bill", "/bill", /Bill/],
  ["breakeven", "/breakeven", /Breakeven/],
  ["index", "/index", /Margin index/],
  ["runs", "/runs", /Benchmark runs/],
  ["kb", "/kb", /Knowledge base/],
  ["kb-claim", "/kb/bandwidth-sets-batch1-speed", /./],
];

/** What the CLI prints for the scenario shown on the page. */
async function cliPrediction(scenarioJson: string): Promise<Record<string, unknown>> {
  const file = join(mkdtempSync(join(tmpdir(), "costcurve-web-cli-")), "scenario.json");
  writeFileSync(file, scenarioJson);
  const io = captureIo();
  expect(await main(["predict", file, "--json"], io)).toBe(0);
  return JSON.parse(io.out.join("")) as Record<string, unknown>;
}

/** data-field -> data-value of the Predict page's result cards. */
async function pageNumbers(page: Page): Promise<Record<string, string>> {
  return page.$$eval("#results [data-field]", (els) => Object.fromEntries(els.map((e) => [e.getAttribute("data-field")!, e.getAttribute("data-value")!])));
}

function expectSameAsCli(numbers: Record<string, string>, cli: Record<string, unknown>): void {
  expect(Object.keys(numbers).length).toBeGreaterThanOrEqual(10);
  for (const [key, value] of Object.entries(numbers)) {
    const expected = cli[key];
    if (typeof expected === "number") expect(Number(value), key).toBe(expected);
    else expect(value, key).toBe(String(expected));
  }
}

/** The page's scroll width and the elements (outside scrolling boxes) that stick out of the viewport. */
async function horizontalOverflow(page: Page): Promise<{ scrollWidth: number; overflowing: string[] }> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const overflowing = [...document.querySelectorAll("body *")]
      .filter((e) => !e.closest(".table-wrap, pre, svg") && e.getBoundingClientRect().right > width + 0.5)
      .slice(0, 5)
      .map((e) => `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ""}`);
    return { scrollWidth: document.documentElement.scrollWidth, overflowing };
  });
}

async function waitForUpdate(page: Page, previous: number): Promise<void> {
  await page.waitForFunction((n) => Number(document.getElementById("results")?.dataset.updates ?? "0") > n && !document.body.dataset.pending, previous, { timeout: 30_000 });
}

describe.skipIf(unavailable !== null)("web app in headless Chromium", () => {
  let browser: Browser;
  let web: RunningWebServer;
  let page: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    if (DOC_SHOTS) mkdirSync(DOC_SHOTS, { recursive: true });
    web = await startWebServer({ env: { COSTCURVE_DB: await seedRunsStore() }, log: (t) => void problems.push(t) });
    browser = await launchBrowser();
    page = await browser.context.newPage();
    page.on("console", (m) => {
      if (m.type() === "error") problems.push(`console: ${m.text()}`);
    });
    page.on("pageerror", (e) => void problems.push(`pageerror: ${e.message}`));
  });

  afterAll(async () => {
    await browser?.close();
    await web?.close();
  });

  it.each(PAGES)("%s at 1440x900 loads with numbers, no sideways scroll, no console errors and no axe violations", async (name, path, title) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    const response = await page.goto(web.url + path);
    expect(response?.status()).toBe(200);
    await page.waitForSelector("html[data-ready]");
    expect(await page.textContent("h1")).toMatch(title);
    expect(await horizontalOverflow(page)).toEqual({ scrollWidth: 1440, overflowing: [] });
    // the URL is the form: every non-empty field, defaults included
    if (name !== "kb-claim") {
      const fields = await page.$eval("form[data-live]", (f) => [...new FormData(f as HTMLFormElement)].map(([k, v]) => [k, String(v)]).filter(([, v]) => (v ?? "").trim() !== ""));
      expect([...new URL(page.url()).searchParams], name).toEqual(fields);
    }
    expect(await page.locator("#results .error").count()).toBe(0);
    const text = (await page.textContent("#results")) ?? "";
    expect(text).not.toMatch(/NaN|Infinity|undefined/);
    if (name !== "kb" && name !== "kb-claim") expect(await page.locator("#results svg, #results td.num").count()).toBeGreaterThan(0);
    await screenshots(page, name, "1440");
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
  });

  it.each(PAGES)("%s at 390x844 in dark mode: no sideways page scroll, tables scroll in their own box, no axe violations", async (name, path) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.emulateMedia({ colorScheme: "dark" });
    expect((await page.goto(web.url + path))?.status()).toBe(200);
    await page.waitForSelector("html[data-ready]");
    expect(await horizontalOverflow(page)).toEqual({ scrollWidth: 390, overflowing: [] });
    // the phone copy of each chart is the one shown, drawn at a width where its text stays readable
    for (const svg of await page.locator("figure.chart svg").all()) {
      if (!(await svg.isVisible())) continue;
      const box = (await svg.boundingBox())!;
      const viewBoxWidth = Number((await svg.getAttribute("viewBox"))!.split(" ")[2]);
      expect(box.width / viewBoxWidth, `${name} chart scale`).toBeGreaterThan(0.85);
    }
    await screenshots(page, name, "390");
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await page.emulateMedia({ colorScheme: "light" });
    await page.setViewportSize({ width: 1440, height: 900 });
  });

  it.each(["light", "dark"] as const)("focus rings are 3 px and at least 3:1 against what surrounds them (%s)", async (scheme) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(`${web.url}/bill`);
    await page.waitForSelector("html[data-ready]");
    const rings: Array<{ what: string; width: string; ratio: number }> = [];
    for (const selector of ["#f-model", ".controls button", ".top nav a", ".downloads a"]) {
      await page.focus(selector);
      await page.keyboard.press("Shift+Tab");
      await page.keyboard.press("Tab");
      const ring = await page.$eval(selector, (el) => {
        let back = el.parentElement;
        while (back && getComputedStyle(back).backgroundColor.replace(/\s/g, "") in { "rgba(0,0,0,0)": 1, transparent: 1 }) back = back.parentElement;
        const style = getComputedStyle(el);
        return { focused: document.activeElement === el, outline: style.outlineColor, width: style.outlineWidth, style: style.outlineStyle, background: back ? getComputedStyle(back).backgroundColor : "rgb(255, 255, 255)" };
      });
      expect(ring.focused, selector).toBe(true);
      expect(ring.style, selector).toBe("solid");
      rings.push({ what: selector, width: ring.width, ratio: contrast(ring.outline, ring.background) });
    }
    for (const ring of rings) {
      expect(ring.width, ring.what).toBe("3px");
      expect(ring.ratio, ring.what).toBeGreaterThanOrEqual(3);
    }
    await page.emulateMedia({ colorScheme: "light" });
  });

  it("Predict shows exactly what `costcurve predict --json` prints for the scenario on the page", async () => {
    await page.goto(`${web.url}/predict`);
    const cli = await cliPrediction((await page.textContent("#scenario-json"))!);
    expectSameAsCli(await pageNumbers(page), cli);
    // hand check of the link between cards: 64 requests in flight of 1000 output tokens each -> concurrency 64
    expect(cli.concurrency).toBe(64);
  });

  it("changing the Predict form updates the numbers in place, the URL, and still matches the CLI", async () => {
    await page.goto(`${web.url}/predict`);
    await page.waitForSelector("html[data-ready]");
    const before = await pageNumbers(page);
    await page.fill("#f-concurrency", "8");
    await page.dispatchEvent("#f-concurrency", "change");
    await waitForUpdate(page, 0);
    const after = await pageNumbers(page);
    // fewer requests in flight: less total throughput, faster tokens for each request
    expect(Number(after.outputTokensPerSecond)).toBeLessThan(Number(before.outputTokensPerSecond));
    expect(Number(after.tpotSeconds)).toBeLessThan(Number(before.tpotSeconds));
    expect(page.url()).toContain("concurrency=8");
    expectSameAsCli(after, await cliPrediction((await page.textContent("#scenario-json"))!));
    await page.selectOption("#f-accelerator", "b200");
    await waitForUpdate(page, 1);
    expect(page.url()).toContain("accelerator=b200");
    // the price hint follows the accelerator (B200's catalog rent, not the H100's)
    const scenario = JSON.parse((await page.textContent("#scenario-json"))!) as { pricing: { usdPerAcceleratorHour: number } };
    expect(await page.getAttribute("#f-usd", "placeholder")).toBe(String(scenario.pricing.usdPerAcceleratorHour));
    expectSameAsCli(await pageNumbers(page), await cliPrediction((await page.textContent("#scenario-json"))!));
    await page.screenshot({ path: join(SHOTS, "predict-b200.png"), fullPage: true });
  });

  it("a shared URL reproduces the page state", async () => {
    await page.goto(`${web.url}/predict?model=meta-llama%2FLlama-3.1-8B&accelerator=l40s&count=1&mode=offline`);
    expect(await page.inputValue("#f-count")).toBe("1");
    expect(await page.inputValue("#f-accelerator")).toBe("l40s");
    const scenario = JSON.parse((await page.textContent("#scenario-json"))!) as { hardware: { accelerator: string }; workload: { load: { mode: string } } };
    expect(scenario.hardware.accelerator).toBe("l40s");
    expect(scenario.workload.load.mode).toBe("offline");
  });

  it("changing the Bill form recomputes the total", async () => {
    await page.goto(`${web.url}/bill`);
    await page.waitForSelector("html[data-ready]");
    const total = Number(await page.getAttribute('[data-field="totalUsd"]', "data-value"));
    await page.fill("#f-cache-hit", "0");
    await page.dispatchEvent("#f-cache-hit", "change");
    await waitForUpdate(page, 0);
    // no cache reads: every input token at the full input rate, so the bill grows
    expect(Number(await page.getAttribute('[data-field="totalUsd"]', "data-value"))).toBeGreaterThan(total);
    expect(page.url()).toContain("cache-hit=0");
  });

  it("switching runs on the Benchmark runs page predicts the switched run's hardware", async () => {
    await page.goto(`${web.url}/runs`);
    await page.waitForSelector("html[data-ready]");
    expect(await page.inputValue("#f-accelerator")).toBe("h100-sxm");
    await page.selectOption("#f-run", "b200-run");
    await waitForUpdate(page, 0);
    expect(await page.inputValue("#f-accelerator")).toBe("b200");
    expect(await page.inputValue("#f-count")).toBe("2");
    expect(await page.inputValue("#f-model")).toBe("meta-llama/Llama-3.3-70B-Instruct");
    expect(await page.textContent("#results figure")).toContain("on 2x b200");
    // the URL is the form: the new run's fields, not the old run's
    const url = new URL(page.url());
    expect([url.searchParams.get("run"), url.searchParams.get("for"), url.searchParams.get("accelerator"), url.searchParams.get("count")]).toEqual(["b200-run", "b200-run", "b200", "2"]);
    const predicted = await page.$$eval("#results td.num[data-value]", (cells) => cells.map((c) => Number(c.getAttribute("data-value"))));
    expect(predicted.every((v) => Number.isFinite(v) && v > 0)).toBe(true);
  });

  it("hovering a frontier point shows its values with units; a legend toggle hides its series; a drag zooms", async () => {
    await page.goto(`${web.url}/frontier`);
    await page.waitForSelector("html[data-ready]");
    const svg = page.locator("figure.chart .chart-wide svg");
    const point = svg.locator(".pt").first();
    const tipText = await point.getAttribute("data-tip");
    await point.hover({ force: true });
    await page.waitForSelector(".chart-tip:not([hidden])");
    const shown = (await page.textContent(".chart-tip"))!;
    expect(shown).toBe(tipText);
    // the point's own values: system, weights and engine, both rates with their units, and its cost
    expect(shown).toMatch(/^\d+x (h100-sxm|b200|mi300x), weights (bf16|fp8|fp4|int8|int4), vllm\n/);
    expect(shown).toMatch(/per user: [\d.,]+k? tokens\/s/);
    expect(shown).toMatch(/per accelerator: [\d.,]+k? tokens\/s/);
    expect(shown).toMatch(/cost: \$[\d.,]+ USD\/1M output tokens/);
    // each line's legend names its weight formats and engine
    expect(await page.textContent(".series-toggles")).toMatch(/h100-sxm · [a-z0-9/]+ · vllm/);
    // the legend toggles: hide the first series, show it again
    const toggle = page.locator(".series-toggle").first();
    const series = await toggle.getAttribute("data-series");
    await toggle.click();
    expect(await toggle.getAttribute("aria-pressed")).toBe("false");
    expect(await svg.locator(`.series-markers[data-series="${series}"]`).isVisible()).toBe(false);
    await toggle.click();
    expect(await svg.locator(`.series-markers[data-series="${series}"]`).isVisible()).toBe(true);
    // drag across the plot: the chart zooms into that range, Reset restores it
    const before = await svg.getAttribute("viewBox");
    const box = (await svg.boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.4, box.y + box.height * 0.4);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.7, box.y + box.height * 0.7, { steps: 4 });
    await page.mouse.up();
    expect(await svg.getAttribute("viewBox")).not.toBe(before);
    await page.click("figure.chart .chart-wide .zoom-reset");
    expect(await svg.getAttribute("viewBox")).toBe(before);
    expect(problems).toEqual([]);
  });

  it("the prices table sorts by a header click and filters by the search box", async () => {
    await page.goto(`${web.url}/prices`);
    await page.waitForSelector("html[data-ready]");
    await page.click("details summary");
    const rows = page.locator("#prices-all tbody tr");
    const total = await rows.count();
    expect(total).toBeGreaterThan(100);
    await page.fill("#prices-all-search", "gpt-4o");
    const visible = await page.$$eval("#prices-all tbody tr:not([hidden])", (trs) => trs.map((tr) => tr.textContent ?? ""));
    expect(visible.length).toBeGreaterThan(0);
    expect(visible.length).toBeLessThan(total);
    expect(visible.every((t) => t.toLowerCase().includes("gpt-4o"))).toBe(true);
    await page.fill("#prices-all-search", "");
    // sort by input price: ascending, then descending; missing prices sort last
    await page.click("#prices-all thead th:nth-child(4) button.sort");
    expect(await page.getAttribute("#prices-all thead th:nth-child(4)", "aria-sort")).toBe("ascending");
    const inputs = await page.$$eval("#prices-all tbody tr td:nth-child(4)", (tds) =>
      tds
        .map((td) => td.getAttribute("data-value"))
        .filter((v) => v !== null)
        .map(Number),
    );
    expect(inputs).toEqual([...inputs].sort((a, b) => a - b));
    await page.click("#prices-all thead th:nth-child(4) button.sort");
    const down = await page.$$eval("#prices-all tbody tr td:nth-child(4)", (tds) =>
      tds
        .map((td) => td.getAttribute("data-value"))
        .filter((v) => v !== null)
        .map(Number),
    );
    expect(down).toEqual([...down].sort((a, b) => b - a));
    expect(problems).toEqual([]);
  });

  it.each(PAGES.filter(([name]) => name !== "kb-claim"))("%s offers CSV and JSON downloads of its results that parse", async (name, path) => {
    await page.goto(web.url + path);
    const links = await page.$$eval("#results .downloads a, #results figcaption a", (as) => as.map((a) => ({ kind: a.getAttribute("data-kind") ?? a.textContent ?? "", href: a.getAttribute("href")! })));
    expect(links.filter((l) => l.kind === "csv").length, name).toBeGreaterThan(0);
    for (const link of links) {
      const response = await page.request.get(web.url + link.href);
      expect(response.status(), link.href).toBe(200);
      if (link.kind === "csv") {
        const lines = (await response.text()).split("\r\n").filter(Boolean);
        const header = lines[0]!.split(",");
        expect(header.length, link.href).toBeGreaterThan(1);
        expect(lines.length, link.href).toBeGreaterThan(1);
        expect(lines.join("\n")).not.toMatch(/NaN|Infinity|undefined/);
      } else if (link.kind === "json") {
        expect(JSON.parse(await response.text()), link.href).toBeTruthy();
      } else if (/SVG/.test(link.kind)) {
        expect((await response.text()).startsWith("<svg"), link.href).toBe(true);
      } else if (/PNG/.test(link.kind)) {
        expect([...(await response.body()).subarray(0, 4)], link.href).toEqual([0x89, 0x50, 0x4e, 0x47]);
      }
    }
  });

  it("Frontier follows the accelerators the user ticks", async () => {
    await page.goto(`${web.url}/frontier`);
    await page.waitForSelector("html[data-ready]");
    expect(await page.textContent("#results figure")).toContain("mi300x");
    await page.uncheck('input[name="accelerators"][value="mi300x"]');
    await waitForUpdate(page, 0);
    expect(await page.textContent("#results figure")).not.toContain("mi300x");
    expect(page.url()).not.toContain("mi300x");
  });

  it("an invalid form value shows a message naming the field, not a crash", async () => {
    await page.goto(`${web.url}/predict?count=0`);
    expect(await page.textContent("#results .error")).toMatch(/count/);
  });

  it("chart download links return the SVG and the PNG of the chart on the page", async () => {
    await page.goto(`${web.url}/predict`);
    const svgHref = await page.getAttribute('a[href^="/api/chart/roofline.svg"]', "href");
    const pngHref = await page.getAttribute('a[href^="/api/chart/roofline.png"]', "href");
    const svg = await page.request.get(web.url + svgHref!);
    expect(svg.headers()["content-type"]).toContain("image/svg+xml");
    const svgText = await svg.text();
    expect(svgText.startsWith("<svg")).toBe(true);
    expect(svgText).toContain("arithmetic intensity");
    const inline = await page.$eval("#results figure svg", (el) => el.outerHTML);
    // the browser re-serializes attributes, so compare the chart's text content
    expect(inline).toContain("Roofline of NVIDIA H100");
    const png = await page.request.get(web.url + pngHref!);
    expect([...(await png.body()).subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
  });
});
