// CSV downloads: rows flattened one level with raw numbers, the same rows as the JSON endpoint.
import { describe, expect, it } from "vitest";
import { API_ROUTES } from "./api-routes.js";
import { webContext } from "./context.js";
import { csvFor, flattenRow, rowsCsv } from "./csv-routes.js";

const contextFor = (path: string) => {
  const url = new URL(`http://127.0.0.1${path}`);
  return { ...webContext({}, process.cwd()), url, query: url.searchParams };
};

describe("CSV downloads", () => {
  it("flattens one level, keeps arrays as JSON, and takes the union of keys in first-seen order", () => {
    expect(flattenRow({ a: 1, p: { tp: 2, pp: 3 }, list: [1, 2] })).toEqual({ a: 1, "p.tp": 2, "p.pp": 3, list: [1, 2] });
    expect(rowsCsv([{ a: 1, p: { tp: 2 } }, { b: "x,y" }])).toBe('a,p.tp,b\r\n1,2,\r\n,,"x,y"\r\n');
    expect(rowsCsv([])).toBe("");
  });

  it("the bill CSV holds the JSON's lines, one record each, with raw USD", async () => {
    const ctx = contextFor("/api/bill?model=gpt-4o-mini&input-tokens=300M&output-tokens=60M&at=2025-06-01");
    const json = (await API_ROUTES["/api/bill"]!(ctx)) as { lines: Array<{ item: string; usd: number }> };
    const records = (await csvFor("bill", ctx)).split("\r\n").filter(Boolean);
    const header = records[0]!.split(",");
    expect(records.length - 1).toBe(json.lines.length);
    const usd = header.indexOf("usd");
    expect(records.slice(1).map((r) => Number(r.split(",")[usd]))).toEqual(json.lines.map((l) => l.usd));
  });

  it("an unknown CSV is a 404 listing the ones there are", async () => {
    await expect(csvFor("nope", contextFor("/api/nope.csv"))).rejects.toThrow(/no CSV for nope; CSV downloads: \/api\/predict\.csv/);
  });
});
