import { describe, expect, it } from "vitest";
import { compareVersions, parseVersion } from "../core/engine-version.js";
import { ENGINE_VERSIONS, FITTED_PROFILE_VERSIONS, changesBetween, resolveEngine } from "./engine-versions.js";

describe("engine version catalog", () => {
  for (const [engine, versions] of Object.entries(ENGINE_VERSIONS)) {
    it(`${engine}: parsable versions, oldest first, each with a URL and a date`, () => {
      for (let i = 0; i < versions.length; i++) {
        const v = versions[i]!;
        expect(parseVersion(v.version), v.version).not.toBeNull();
        expect(v.source.url).toMatch(/^https:\/\//);
        expect(v.source.retrievedDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(v.date).toMatch(/^\d{4}-\d{2}(-\d{2})?$/);
        expect(v.changes.length).toBeGreaterThan(0);
        if (i > 0) expect(compareVersions(versions[i - 1]!.version, v.version)).toBeLessThan(0);
      }
    });
  }
  it("lists every fitted profile version", () => {
    for (const [engine, fitted] of Object.entries(FITTED_PROFILE_VERSIONS)) {
      expect(
        ENGINE_VERSIONS[engine as keyof typeof ENGINE_VERSIONS]?.some((v) => v.version === fitted),
        engine,
      ).toBe(true);
    }
  });
});

describe("resolveEngine", () => {
  it("a plain name uses the fitted version and says so", () => {
    const r = resolveEngine("vllm");
    expect(r).toMatchObject({ name: "vllm", version: "0.24.0", profileVersion: "0.24.0" });
    expect(r.notes.map((n) => n.code)).toEqual(["profile_version_assumed"]);
  });
  it("the fitted version itself: no notes", () => {
    expect(resolveEngine({ name: "trtllm", version: "1.3.0rc20" })).toEqual({ name: "trtllm", version: "1.3.0rc20", profileVersion: "1.3.0rc20", notes: [] });
  });
  it("vLLM 0.6.0 is far from 0.24.0: the V1 default and later changes are named", () => {
    const r = resolveEngine({ name: "vllm", version: "0.6.0" });
    expect(r.profileVersion).toBe("0.24.0");
    const note = r.notes[0]!;
    expect(note).toMatchObject({ code: "version_differs", severity: "warning", version: "0.6.0", profileVersion: "0.24.0" });
    if (note.code !== "version_differs") throw new Error("note");
    // Releases after 0.6.0 up to 0.24.0 with listed changes: 0.7.0, 0.8.0, 0.11.0, 0.14.0, 0.23.0 (0.24.0's own entry is the fit).
    expect(note.changes.map((c) => c.split(":")[0])).toEqual(["0.7.0", "0.8.0", "0.11.0", "0.14.0", "0.23.0"]);
    expect(note.message).toMatch(/older than it; performance changes between them: .*V1 engine on by default/);
  });
  it("a newer request names the changes after the fit (vLLM 0.25.0: Model Runner V2 for all dense models)", () => {
    const r = resolveEngine({ name: "vllm", version: "0.25.0" });
    expect(r.notes[0]).toMatchObject({ severity: "warning", changes: [expect.stringMatching(/^0\.25\.0: Model Runner V2 default for all dense/)] });
  });
  it("a close version with nothing listed between is an info note", () => {
    const r = resolveEngine({ name: "sglang", version: "0.5.13" });
    expect(r.notes[0]).toMatchObject({ code: "version_differs", severity: "info", changes: [] });
  });
  it("another major version is far even with nothing listed between", () => {
    const r = resolveEngine({ name: "trtllm", version: "2.0.0" });
    expect(r.notes[0]).toMatchObject({ severity: "warning", changes: [] });
    expect(r.notes[0]!.message).toMatch(/another major version/);
  });
  it("an unparsable version keeps the fitted profile and warns", () => {
    const r = resolveEngine({ name: "sglang", version: "nightly" });
    expect(r).toMatchObject({ version: "nightly", profileVersion: "0.5.14", notes: [{ code: "unparsable_version", severity: "warning" }] });
  });
  it("engines without fitted versions resolve to no profile version", () => {
    expect(resolveEngine("llamacpp")).toEqual({ name: "llamacpp", version: null, profileVersion: null, notes: [] });
    expect(resolveEngine({ name: "tei", version: "1.5.0" }).notes.map((n) => n.code)).toEqual(["no_versioned_profile"]);
  });
  it("changesBetween is symmetric in its arguments", () => {
    expect(changesBetween("sglang", "0.3.0", "0.5.14")).toEqual(changesBetween("sglang", "0.5.14", "0.3.0"));
    expect(changesBetween("sglang", "0.3.0", "0.5.14").map((c) => c.split(":")[0])).toEqual(["0.4.0", "0.4.6", "0.5.10"]);
  });
});

describe("the object form resolves a scenario like the plain name", () => {
  const base = {
    model: "meta-llama/Llama-3.1-8B-Instruct",
    hardware: { accelerator: "h100-sxm", count: 1 },
    precision: { weights: "fp8", activations: "fp8" },
    workload: { kind: "generate", inputTokens: 100, outputTokens: 100, load: { mode: "offline" } },
  };
  it("same profile and TensorRT-LLM's FP8 KV default", async () => {
    const { resolveRawScenario } = await import("./resolve.js");
    const plain = resolveRawScenario({ ...base, engine: "trtllm" });
    const object = resolveRawScenario({ ...base, engine: { name: "trtllm", version: "1.0.0" } });
    if (!plain.ok || !object.ok) throw new Error("resolve failed");
    expect(object.value.profile.id).toBe(plain.value.profile.id);
    expect(object.value.precisions).toEqual(plain.value.precisions);
    expect(object.value.precisions.kvCache).toBe("fp8");
  });
});
