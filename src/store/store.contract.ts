// The one contract every Store implementation must satisfy; store.test.ts runs it against SQLite and PostgreSQL.
import { afterEach, describe, expect, it } from "vitest";
import type { KbNode } from "./records.js";
import type { Store } from "./store.js";

const NODES: KbNode[] = [
  {
    id: "decode-memory-bound",
    kind: "claim",
    title: "Decode is memory bandwidth bound at small batch",
    body: "At batch 1 every generated token streams all weights from HBM, so tokens per second follow bandwidth.",
    tags: ["decode", "roofline"],
    sources: [{ url: "https://example.org/roofline", title: "Roofline", date: "2024-05-01", retrievedDate: "2026-11-01" }],
    links: ["prefill-compute-bound"],
    checks: [{ predict: { model: "m" }, field: "bound", expect: { op: "==", value: "memory" } }],
  },
  {
    id: "prefill-compute-bound",
    kind: "claim",
    title: "Prefill is compute bound",
    body: "Long prompts reuse each weight across many tokens; the tensor cores, not memory, set the pace.",
    tags: ["prefill"],
    sources: [],
    links: [],
  },
  {
    id: "caching-discounts",
    kind: "reading",
    title: "Prompt caching economics",
    body: "Cached prompts are billed at a tenth of the input price on Anthropic; cache writes cost more.",
    tags: ["prices", "cache"],
    sources: [],
    links: [],
  },
];

/** Registers the contract tests; `open` must return a fresh, empty store each call. */
export function storeContract(name: string, open: () => Promise<Store>): void {
  describe(`Store contract: ${name}`, () => {
    const opened: Store[] = [];
    const fresh = async () => {
      const store = await open();
      opened.push(store);
      return store;
    };
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((s) => s.close()));
    });

    it("applies every migration once", async () => {
      const store = await fresh();
      expect(await store.appliedMigrations()).toEqual(["0001-core-tables", "0002-knowledge-base", "0003-kb-checks"]);
    });

    it("appends user price rows and round-trips their JSON", async () => {
      const store = await fresh();
      const row = { inputUsdPerMillionTokens: 0.15, tiers: [{ thresholdTokens: 128_000, factor: 2 }], note: "ünïcode" };
      const first = await store.addUserPrice({ modelId: "m1", provider: "acme", startDate: "2025-01-01", row });
      await store.addUserPrice({ modelId: "m1", provider: "acme", startDate: "2024-01-01", row: { inputUsdPerMillionTokens: 0.3 } });
      await store.addUserPrice({ modelId: "m2", provider: "acme", startDate: "2024-06-01", row: {} });
      expect(first.seq).toBeGreaterThan(0);
      expect(first.row).toEqual(row);
      const m1 = await store.listUserPrices("m1");
      expect(m1.map((r) => r.startDate)).toEqual(["2024-01-01", "2025-01-01"]);
      expect(await store.listUserPrices()).toHaveLength(3);
    });

    it("keeps price snapshots and filters them by time", async () => {
      const store = await fresh();
      await store.addPriceSnapshot("genai-prices", [{ id: "a" }], "2026-01-01T00:00:00.000Z");
      await store.addPriceSnapshot("genai-prices", [{ id: "b" }], "2026-02-01T00:00:00.000Z");
      const february = await store.listPriceSnapshots({ from: "2026-01-15" });
      expect(february.map((s) => s.rows)).toEqual([[{ id: "b" }]]);
      expect(await store.listPriceSnapshots()).toHaveLength(2);
    });

    it("stores benchmark runs with levels and per-request rows", async () => {
      const store = await fresh();
      await store.saveBenchRun({ id: "run-1", startedAt: "2026-11-20T10:00:00.000Z", metadata: { endpoint: "http://127.0.0.1" } });
      await store.saveBenchLevel("run-1", 0, { concurrency: 1, ttftP50Seconds: 0.12 });
      await store.saveBenchLevel("run-1", 1, { concurrency: 8, ttftP50Seconds: 0.2 });
      await store.addBenchRequests("run-1", [
        { levelIndex: 0, seq: 0, data: { ok: true } },
        { levelIndex: 0, seq: 1, data: { ok: false } },
      ]);
      await store.addBenchRequests("run-1", [{ levelIndex: 0, seq: 1, data: { ok: true, retried: 1 } }]);
      const got = await store.getBenchRun("run-1");
      expect(got?.levels.map((l) => l.levelIndex)).toEqual([0, 1]);
      expect(got?.requests.map((r) => r.data)).toEqual([{ ok: true }, { ok: true, retried: 1 }]);
      await store.saveBenchRun({ id: "run-1", startedAt: "2026-11-20T10:00:00.000Z", label: "renamed", metadata: {} });
      expect((await store.listBenchRuns()).map((r) => r.label)).toEqual(["renamed"]);
      expect(await store.getBenchRun("nope")).toBeNull();
    });

    it("versions calibration profiles by name", async () => {
      const store = await fresh();
      expect((await store.saveCalibrationProfile("vllm-h100", { decodeBandwidthFraction: 0.7 })).version).toBe(1);
      expect((await store.saveCalibrationProfile("vllm-h100", { decodeBandwidthFraction: 0.75 })).version).toBe(2);
      expect((await store.saveCalibrationProfile("tei-l4", { x: 1 })).version).toBe(1);
      expect((await store.getCalibrationProfile("vllm-h100"))?.profile).toEqual({ decodeBandwidthFraction: 0.75 });
      expect((await store.getCalibrationProfile("vllm-h100", 1))?.profile).toEqual({ decodeBandwidthFraction: 0.7 });
      expect(await store.getCalibrationProfile("missing")).toBeNull();
      expect(await store.listCalibrationProfiles()).toHaveLength(3);
    });

    it("keeps knowledge-base nodes and ranks full-text hits with highlighted snippets", async () => {
      const store = await fresh();
      for (const node of NODES) await store.upsertKbNode(node);
      const decode = await store.getKbNode("decode-memory-bound");
      expect(decode?.links).toEqual(["prefill-compute-bound"]);
      expect(decode?.sources).toEqual(NODES[0]!.sources);
      expect(decode?.checks).toEqual(NODES[0]!.checks);
      expect((await store.getKbNode("prefill-compute-bound"))?.checks).toEqual([]);
      expect((await store.listKbNodes("claim")).map((n) => n.id)).toEqual(["decode-memory-bound", "prefill-compute-bound"]);

      const hits = await store.searchKb("memory bandwidth");
      expect(hits[0]?.id).toBe("decode-memory-bound");
      expect(hits[0]?.snippet).toMatch(/<mark>[^<]+<\/mark>/);
      // only one node mentions "compute"
      const compute = await store.searchKb("compute");
      expect(compute.map((h) => h.id)).toEqual(["prefill-compute-bound"]);
      // stemming: "caches" finds "cache"/"cached"
      expect((await store.searchKb("caches")).map((h) => h.id)).toEqual(["caching-discounts"]);
      // query syntax characters are plain text, and an empty query finds nothing
      expect(await store.searchKb('"prefill" * (:')).toHaveLength(1);
      expect(await store.searchKb("  ")).toEqual([]);

      await store.upsertKbNode({ ...NODES[1]!, body: "Rewritten text about tensor cores.", title: "Prefill" });
      expect(await store.searchKb("reuse")).toHaveLength(0);
      expect(await store.deleteKbNode("prefill-compute-bound")).toBe(true);
      expect(await store.deleteKbNode("prefill-compute-bound")).toBe(false);
      expect(await store.searchKb("tensor")).toEqual([]);
    });

    it("rejects an invalid knowledge-base node", async () => {
      const store = await fresh();
      await expect(store.upsertKbNode({ ...NODES[0]!, id: "Bad Id" })).rejects.toThrow();
    });

    it("keeps generic snapshots per key in time order", async () => {
      const store = await fresh();
      await store.addSnapshot("mindshare:x", { share: 0.2 }, "2026-03-01T00:00:00.000Z");
      await store.addSnapshot("mindshare:x", { share: 0.3 }, "2026-01-01T00:00:00.000Z");
      await store.addSnapshot("mindshare:y", { share: 0.9 }, "2026-05-01T00:00:00.000Z");
      expect((await store.listSnapshots("mindshare:x")).map((s) => s.payload)).toEqual([{ share: 0.3 }, { share: 0.2 }]);
      expect((await store.listSnapshots("mindshare:x", { to: "2026-02-01" })).map((s) => s.payload)).toEqual([{ share: 0.3 }]);
      expect((await store.latestSnapshot("mindshare:x"))?.payload).toEqual({ share: 0.2 });
      expect(await store.latestSnapshot("none")).toBeNull();
    });
  });
}
