// Prices and Bill pages rendered on the server: user price rows never become script links, and a URL that sets
// one field keeps every other field's default.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { captureIo } from "../../cli/io.js";
import { main } from "../../cli/main.js";
import { webContext } from "../context.js";
import { BILL_DEFAULTS, BREAKEVEN_DEFAULTS } from "../data/money-data.js";
import { billPage, breakevenPage, pricesPage } from "./money-pages.js";

const contextFor = (env: Record<string, string | undefined>, path: string) => {
  const url = new URL(`http://127.0.0.1${path}`);
  return { ...webContext(env, process.cwd()), url, query: url.searchParams };
};
/** The value attribute of the form field `name`. */
const fieldValue = (page: string, name: string) => new RegExp(`name="${name}" type="[a-z]+" value="([^"]*)"`).exec(page)?.[1];

describe("money pages", () => {
  it("a user price row's javascript: source URL is shown as text, never as a link", async () => {
    const env = { COSTCURVE_DB: join(mkdtempSync(join(tmpdir(), "costcurve-web-prices-")), "store.db") };
    const io = captureIo(env);
    const args = ["prices", "add", "--model", "my-model", "--provider", "acme", "--from", "2025-01-01", "--input", "1", "--output", "2", "--source", "javascript:alert(document.domain)"];
    expect(await main(args, io), io.err.join("")).toBe(0);
    const page = (await pricesPage(contextFor(env, "/prices?model=my-model&at=2025-06-01"))).main.value;
    expect(page).toContain("my-model");
    expect(page).toContain("javascript:alert(document.domain)");
    expect(page).not.toMatch(/href="\s*javascript:/i);
  });

  it("Bill with one field in the URL keeps the other fields' defaults (in the form and in the numbers)", async () => {
    const one = (await billPage(contextFor({}, "/bill?cache-hit=0"))).main.value;
    expect(fieldValue(one, "cache-hit")).toBe("0");
    for (const name of ["model", "input-tokens", "output-tokens", "requests", "batch-share"] as const) expect(fieldValue(one, name), name).toBe(BILL_DEFAULTS[name]);
    // the same bill as the full URL spelled out
    const full = (await billPage(contextFor({}, `/bill?${new URLSearchParams({ ...BILL_DEFAULTS, "cache-hit": "0" })}`))).main.value;
    const total = (page: string) => /data-field="totalUsd" data-value="([^"]+)"/.exec(page)?.[1];
    expect(total(one)).toBe(total(full));
    expect(Number(total(one))).toBeGreaterThan(0);
  });

  it("Breakeven with one field in the URL keeps the other fields' defaults", async () => {
    const page = (await breakevenPage(contextFor({}, "/breakeven?count=4"))).main.value;
    expect(fieldValue(page, "count")).toBe("4");
    expect(fieldValue(page, "model")).toBe(BREAKEVEN_DEFAULTS.model);
    expect(fieldValue(page, "vs")).toBe(BREAKEVEN_DEFAULTS.vs);
    expect(page).not.toContain('class="error"');
  });
});
