// --csv on bill, breakeven and bench: RFC 4180 tables of raw numbers that read back to the --json figures.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type RunningFakeServer, startFakeServer } from "../bench/fake-server.js";
import { runMain } from "./test-support/run-main.js";

/** Parses simple RFC 4180 text (no quoted fields needed by these tables' numbers) into records by header. */
function readCsv(text: string): Array<Record<string, string>> {
  expect(text.endsWith("\r\n")).toBe(true);
  const [header, ...rows] = text
    .trimEnd()
    .split("\r\n")
    .map((line) => line.split(","));
  return rows.map((cells) => Object.fromEntries(header!.map((key, i) => [key, cells[i] ?? ""])));
}

let server: RunningFakeServer;
beforeAll(async () => void (server = await startFakeServer()));
afterAll(async () => server.close());

describe("--csv", () => {
  test("bill: one record per bill line, the same USD as --json", async () => {
    const args = ["bill", "--model", "gpt-4o", "--input-tokens", "1M", "--output-tokens", "100k", "--at", "2025-07-01"];
    const json = JSON.parse((await runMain(...args, "--json")).out) as { lines: Array<{ item: string; usd: number }> };
    const csv = await runMain(...args, "--csv");
    expect(csv.code).toBe(0);
    const rows = readCsv(csv.out);
    expect(Object.keys(rows[0]!)).toEqual(["item", "tokens", "usdPerMillionTokens", "usd", "note"]);
    expect(rows.map((r) => [r.item, Number(r.usd)])).toEqual(json.lines.map((l) => [l.item, l.usd]));
    expect((await runMain(...args, "--csv", "--json")).err).toContain("--json and --csv: choose one output format");
  });

  test("breakeven: one record per utilization", async () => {
    const args = ["breakeven", "--model", "meta-llama/Llama-3.3-70B-Instruct", "--accelerator", "h100-sxm", "--vs", "gpt-4o", "--at", "2025-07-01", "--utilizations", "0.25,0.5,1"];
    const csv = await runMain(...args, "--csv");
    expect(csv.err).toBe("");
    expect(csv.code).toBe(0);
    const rows = readCsv(csv.out);
    expect(rows).toHaveLength(3);
    const json = JSON.parse((await runMain(...args, "--json")).out) as { rows: Array<{ utilizationFraction: number }> };
    expect(rows.map((r) => Number(r.utilizationFraction))).toEqual(json.rows.map((r) => r.utilizationFraction));
  });

  test("bench: one record per level, latencies in seconds", async () => {
    const csv = await runMain("bench", "--url", server.url, "--model", "fake:ttft=0.005,itl=0.001,tokens=3", "--concurrency", "1,2", "--requests", "3", "--dataset", "random:input=5,output=3", "--csv");
    expect(csv.code).toBe(0);
    const rows = readCsv(csv.out);
    expect(rows.map((r) => [r.level, r.requestsCompleted])).toEqual([
      ["c1", "3"],
      ["c2", "3"],
    ]);
    for (const r of rows) expect(Number(r.ttftP50Seconds)).toBeGreaterThan(0.004);
  });
});
