import { describe, expect, it } from "vitest";
import { captureIo } from "./io.js";
import { main } from "./main.js";
import { runMain } from "./test-support/run-main.js";

describe("costcurve prices", () => {
  it("shows GPT-4o mini's launch price from history", async () => {
    const { code, out } = await runMain("prices", "gpt-4o-mini", "--at", "2024-07-18", "--json");
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(json.prices[0]).toMatchObject({ modelId: "gpt-4o-mini", startDate: "2024-07-18", inputUsdPerMillionTokens: 0.15, outputUsdPerMillionTokens: 0.6 });
  });

  it("prints an aligned table with units", async () => {
    const { code, out } = await runMain("prices", "gemini-2.5-pro", "--at", "2025-07-01");
    expect(code).toBe(0);
    expect(out).toContain("input (USD/1M)");
    expect(out).toContain(">200k: 2.5/15");
    expect(out).not.toMatch(/NaN|undefined|Infinity/);
  });

  it("--history lists the dated rows oldest first", async () => {
    const { code, out } = await runMain("prices", "gpt-4o", "--history", "--csv");
    expect(code).toBe(0);
    const lines = out.trim().split("\r\n");
    expect(lines[0]).toContain("inputUsdPerMillionTokens");
    expect(lines[1]).toContain("2024-05-13");
    expect(lines[2]).toContain("2024-08-06");
  });

  it("lists every model of a provider on a date", async () => {
    const { code, out } = await runMain("prices", "--provider", "anthropic", "--at", "2024-03-10", "--json");
    expect(code).toBe(0);
    const ids = JSON.parse(out)
      .prices.filter((p: { startDate: string | null }) => p.startDate)
      .map((p: { modelId: string }) => p.modelId);
    expect(ids).toEqual(["claude-3-haiku", "claude-3-opus", "claude-3-sonnet"]);
  });

  it("unknown model: error with nearest-name suggestions", async () => {
    const { code, err } = await runMain("prices", "claude-sonet-4");
    expect(code).toBe(1);
    expect(err).toMatch(/unknown model "claude-sonet-4"; did you mean .*claude-sonnet-4/);
  });

  it("a date before the model existed is a clear error", async () => {
    const { code, err } = await runMain("prices", "gpt-4o-mini", "--at", "2024-01-01");
    expect(code).toBe(1);
    expect(err).toContain("--at: gpt-4o-mini has no price before 2024-07-18");
  });

  it("a malformed date names the flag", async () => {
    const { code, err } = await runMain("prices", "gpt-4o", "--at", "last week");
    expect(code).toBe(1);
    expect(err).toContain('--at: expected a date YYYY-MM-DD, got "last week"');
  });
});

describe("user price rows from the store", () => {
  it("a row appended to the SQLite store shows up in prices and bill", async () => {
    const { mkdtempSync, rmSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const { join } = await import("node:path");
    const { openStore } = await import("../store/open-store.js");
    const dir = mkdtempSync(join(tmpdir(), "costcurve-user-prices-"));
    const env = { COSTCURVE_DB: join(dir, "user.db") };
    try {
      const store = await openStore(env);
      await store.addUserPrice({
        modelId: "my-llama-70b",
        provider: "in-house",
        startDate: "2026-01-01",
        row: {
          modelId: "my-llama-70b",
          provider: "in-house",
          startDate: "2026-01-01",
          inputUsdPerMillionTokens: 0.2,
          outputUsdPerMillionTokens: 0.4,
          source: { url: "https://example.org/internal-rate-card", retrievedDate: "2026-01-01", note: "internal transfer price" },
        },
      });
      await store.close();
      const io = captureIo(env);
      expect(await main(["prices", "my-llama-70b", "--at", "2026-02-01", "--json"], io)).toBe(0);
      expect(JSON.parse(io.out.join("")).prices[0]).toMatchObject({ provider: "in-house", inputUsdPerMillionTokens: 0.2, origin: "user" });
      const billIo = captureIo(env);
      // 1M x $0.20 + 1M x $0.40 = $0.60
      expect(await main(["bill", "--model", "my-llama-70b", "--input-tokens", "1M", "--output-tokens", "1M", "--at", "2026-02-01", "--json"], billIo)).toBe(0);
      expect(JSON.parse(billIo.out.join("")).totalUsd).toBeCloseTo(0.6, 10);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
