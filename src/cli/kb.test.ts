import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Command } from "commander";
import { afterAll, describe, expect, it } from "vitest";
import { captureIo, UsageError } from "./io.js";
import { registerKb } from "./kb.js";

const dir = mkdtempSync(join(tmpdir(), "costcurve-kb-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let dbCount = 0;

async function run(args: string[], env: Record<string, string | undefined> = {}) {
  const io = captureIo(env, dir);
  const program = new Command().exitOverride();
  registerKb(program, io);
  let error: unknown = null;
  try {
    await program.parseAsync(["kb", ...args], { from: "user" });
  } catch (e) {
    error = e;
  }
  return { out: io.out.join(""), err: io.err.join(""), error };
}

const CLAIM = `---
id: my-claim
kind: thesis
title: GPT-4o output costs under $5
tags: [pricing, test]
sources:
  - url: https://openai.com/api/pricing/
    title: OpenAI pricing
    date: 2020-01-01
links: [decode-batch1-memory-bound]
checks:
  - name: output price
    price: {model: gpt-4o, at: "2025-01-01", kind: output}
    expect: {op: "<", value: 5}
---

The output price is **$10**, so this claim fails (on purpose).
`;

describe("costcurve kb", () => {
  it("check --json reports the shipped claims without a store; all hold", async () => {
    const { out, error } = await run(["check", "--json", "--strict", "--today", "2026-11-22"]);
    expect(error).toBeNull();
    const report = JSON.parse(out);
    expect(Object.keys(report)).toEqual(expect.arrayContaining(["claims", "withChecks", "holds", "fails", "stale", "results"]));
    expect(report.claims).toBeGreaterThanOrEqual(60);
    expect(report.withChecks).toBeGreaterThanOrEqual(40);
    expect(report.fails).toBe(0);
    expect(report.results[0]).toEqual(expect.objectContaining({ id: expect.any(String), status: expect.any(String), checks: expect.any(Array) }));
    expect(out).not.toMatch(/NaN|Infinity|undefined/);
  });

  it("--max-age-days and --today decide staleness", async () => {
    const young = JSON.parse((await run(["check", "--json", "--today", "2019-12-01", "--max-age-days", "100000"])).out);
    expect(young.stale).toBe(0);
    const old = JSON.parse((await run(["check", "--json", "--today", "2040-01-01", "--max-age-days", "30"])).out);
    expect(old.stale).toBe(old.claims);
  });

  it("add, show with backlinks, search with --tag, and check --strict exits non-zero on a failing claim", async () => {
    const env = { COSTCURVE_DB: join(dir, `cli-${++dbCount}.db`) };
    const file = join(dir, "my-claim.md");
    writeFileSync(file, CLAIM);
    expect((await run(["add", "my-claim.md"], env)).out).toBe("added my-claim\n");

    const show = await run(["show", "decode-batch1-memory-bound"], env);
    expect(show.out).toMatch(/linked from\s+.*my-claim/);
    const shown = JSON.parse((await run(["show", "my-claim", "--json"], env)).out);
    expect(shown).toMatchObject({ id: "my-claim", kind: "thesis", backlinks: [] });

    const hits = JSON.parse((await run(["search", "output", "price", "--tag", "test", "--json"], env)).out);
    expect(hits.map((h: { id: string }) => h.id)).toEqual(["my-claim"]);
    expect((await run(["search", "bandwidth"], env)).out).toMatch(/\[bandwidth\]/i);

    const text = await run(["check", "--today", "2026-11-22"], env);
    expect(text.out).toMatch(/^fails {5}my-claim \(stale: newest source 2020-01-01\)$/m);
    expect(text.out).toMatch(/x output price: computed 10, claimed < 5/);
    const strict = await run(["check", "--json", "--strict", "--today", "2026-11-22"], env);
    expect(JSON.parse(strict.out).fails).toBe(1);
    expect(strict.error).toBeInstanceOf(UsageError);
    expect((strict.error as Error).message).toBe("kb check --strict: 1 claim fail");
  });

  it("exports and imports a Markdown folder", async () => {
    const env = { COSTCURVE_DB: join(dir, `cli-${++dbCount}.db`) };
    const out = join(dir, "export");
    const exported = await run(["export", "export"], env);
    expect(exported.out).toMatch(/^exported \d+ nodes to export\n$/);
    expect(readdirSync(out).length).toBeGreaterThanOrEqual(60);
    const env2 = { COSTCURVE_DB: join(dir, `cli-${++dbCount}.db`) };
    expect((await run(["import", "export"], env2)).out).toMatch(/^imported \d+ nodes from export\n$/);
  });

  it("gives clear usage errors", async () => {
    const env = { COSTCURVE_DB: join(dir, `cli-${++dbCount}.db`) };
    writeFileSync(join(dir, "bad.md"), "---\nkind: thesis\ntitle: x\nchecks:\n  - price: {model: gpt-4o, at: soon, kind: output}\n    expect: {op: '<', value: 1}\n---\n");
    const cases: [string[], RegExp][] = [
      [["add", "bad.md"], /kb add: bad\.md: checks\[0\]\.price\.at: expected a date YYYY-MM-DD/],
      [["add", "missing.md"], /kb add: cannot read missing\.md/],
      [["show", "nope"], /kb show: no node "nope"/],
      [["search"], /kb search: give a query or --tag/],
      [["check", "--max-age-days", "-3"], /--max-age-days: expected a whole number >= 1, got "-3"/],
      [["check", "--today", "22/11/2026"], /--today: expected a date YYYY-MM-DD/],
      [["import", "no-such-dir"], /kb import: cannot read folder no-such-dir/],
    ];
    for (const [args, message] of cases) {
      const { error } = await run(args, env);
      expect(error).toBeInstanceOf(UsageError);
      expect((error as Error).message).toMatch(message);
    }
  });
});
