// The knowledge base over real stores: a temp SQLite file and a PostgreSQL server started here (required in CI).
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPriceBook } from "../prices/book.js";
import { openStore } from "../store/open-store.js";
import { findPostgresBin, startPgTestServer, type PgTestServer } from "../store/pg-test-server.js";
import type { Store } from "../store/store.js";
import { formatKbMarkdown, parseKbMarkdown } from "./document.js";
import { checkClaims } from "./evaluate.js";
import { backlinksOf, exportKbDir, importKbDir, loadKbDir, searchKbNodes, seedShippedContent, shippedKbDir } from "./library.js";

const tempDir = mkdtempSync(join(tmpdir(), "costcurve-kb-"));
afterAll(() => rmSync(tempDir, { recursive: true, force: true }));

describe("shipped content", () => {
  it("has at least 60 sourced claims, 40 with checks, every check holding or marked known_failure", async () => {
    const { nodes, issues } = await loadKbDir(shippedKbDir());
    expect(issues).toEqual([]);
    expect(nodes.length).toBeGreaterThanOrEqual(60);
    expect(nodes.every((n) => n.sources.length > 0 && n.sources.every((s) => /^https:\/\//.test(s.url)))).toBe(true);
    const ids = new Set(nodes.map((n) => n.id));
    expect(nodes.flatMap((n) => n.links).filter((l) => !ids.has(l))).toEqual([]);
    const report = checkClaims(nodes, { book: createPriceBook(), todayDate: "2026-11-22" });
    expect(report.withChecks).toBeGreaterThanOrEqual(40);
    const failing = report.results.flatMap((r) => r.checks.filter((c) => c.status === "fails").map((c) => `${r.id}: ${c.message}`));
    expect(failing).toEqual([]);
    expect(report.holds).toBe(report.withChecks);
  });
});

describe("Markdown documents", () => {
  it("round-trips through front matter", async () => {
    const { nodes } = await loadKbDir(shippedKbDir());
    for (const node of nodes) {
      const again = parseKbMarkdown(formatKbMarkdown(node), `${node.id}.md`);
      expect(again.ok && again.value).toEqual(node);
    }
  });

  it("names the field of bad front matter and takes the id from the file name", () => {
    const bad = parseKbMarkdown("---\nkind: opinion\ntitle: x\nsources: [{url: 'javascript:alert(1)'}]\n---\nbody", "bad.md");
    expect(bad.ok ? [] : bad.issues.map((i) => i.message)).toEqual(['bad.md: front matter.kind: must be one of "thesis", "reading", "methodology", "watch"', "bad.md: front matter.sources.0.url: expected an http(s) URL"]);
    expect(parseKbMarkdown("no front matter", "x.md")).toMatchObject({ ok: false, issues: [{ code: "no_front_matter" }] });
    expect(parseKbMarkdown("---\nkind: [\n---\n", "y.md")).toMatchObject({ ok: false, issues: [{ code: "bad_yaml" }] });
    const checks = parseKbMarkdown("---\nkind: thesis\ntitle: t\nchecks:\n  - number: 1\n---\n", "z.md");
    expect(checks.ok ? "" : checks.issues[0]!.message).toMatch(/^z\.md: checks\[0\]\.expect: missing/);
    const good = parseKbMarkdown("---\nkind: watch\ntitle: Watch HBM prices\n---\n\nText.\n", "notes/Watch-HBM.md");
    expect(good).toMatchObject({ ok: true, value: { id: "watch-hbm", body: "Text.", tags: [], checks: [] } });
  });
});

/** The store-backed behaviour, run against each implementation. */
function storeSuite(name: string, open: () => Promise<Store>): void {
  describe(`knowledge base on ${name}`, () => {
    let store: Store;
    beforeAll(async () => {
      store = await open();
    });
    afterAll(async () => {
      await store?.close();
    });

    it("seeds the shipped claims once, searches with ranking, snippets and tag filters, and shows backlinks", async () => {
      const count = await seedShippedContent(store);
      expect(count).toBeGreaterThanOrEqual(60);
      expect(await seedShippedContent(store)).toBe(0);
      const hits = await searchKbNodes(store, "memory bandwidth decode");
      expect(hits.length).toBeGreaterThan(0);
      expect(hits[0]!.snippet).toMatch(/<mark>/);
      expect(hits.map((h) => h.score)).toEqual([...hits.map((h) => h.score)].sort((a, b) => b - a));
      const tagged = await searchKbNodes(store, "price", { tags: ["caching"] });
      expect(tagged.length).toBeGreaterThan(0);
      for (const hit of tagged) expect((await store.getKbNode(hit.id))!.tags).toContain("caching");
      const onlyTag = await searchKbNodes(store, "", { tags: ["MoE"] });
      expect(onlyTag.map((h) => h.id)).toContain("moe-total-vs-active");
      const all = await store.listKbNodes();
      expect(backlinksOf(all, "decode-batch1-memory-bound")).toContain("prefill-compute-bound");
      expect((await store.getKbNode("kv-cache-llama-70b"))?.checks).toHaveLength(1);
    });

    it("exports a Markdown folder and imports it back; a bad file imports nothing", async () => {
      const dir = join(tempDir, `export-${name}`);
      const exported = await exportKbDir(store, dir);
      expect(readdirSync(dir)).toHaveLength(exported);
      const file = join(dir, "ridge-point-h100.md");
      writeFileSync(file, readFileSync(file, "utf8").replace("title: The H100's ridge point is about 300 FLOPs per byte", "title: Ridge point, edited"));
      const imported = await importKbDir(store, dir);
      expect(imported.issues).toEqual([]);
      expect((await store.getKbNode("ridge-point-h100"))?.title).toBe("Ridge point, edited");
      writeFileSync(join(dir, "zz-broken.md"), "---\nkind: thesis\n---\n");
      writeFileSync(file, readFileSync(file, "utf8").replace("title: Ridge point, edited", "title: Never stored"));
      const refused = await importKbDir(store, dir);
      expect(refused.issues.map((i) => i.message)).toEqual([expect.stringMatching(/^zz-broken\.md: front matter\.title: expected string/)]);
      expect((await store.getKbNode("ridge-point-h100"))?.title).toBe("Ridge point, edited");
    });
  });
}

let sqliteCount = 0;
storeSuite("sqlite", () => openStore({ COSTCURVE_DB: join(tempDir, `kb-${++sqliteCount}.db`) }));

const pgBin = findPostgresBin();
if (!pgBin && process.env.CI === "true") {
  describe("knowledge base on postgres", () => {
    it("needs a PostgreSQL server in CI", () => {
      throw new Error("PostgreSQL binaries (initdb, pg_ctl) not found; CI must run the knowledge-base tests against PostgreSQL");
    });
  });
} else if (!pgBin) {
  describe.skip("knowledge base on postgres (skipped: PostgreSQL binaries not found)", () => it("runs", () => undefined));
} else {
  let server: PgTestServer | null = null;
  beforeAll(async () => {
    server = await startPgTestServer("costcurve_kb_test");
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
  });
  storeSuite("postgres", async () => openStore({ DATABASE_URL: await server!.newDatabase() }));
}
