import { describe, expect, it } from "vitest";
import { EngineSpec, compareVersions, engineNameOf, engineVersionOf, nearestVersion, parseVersion, versionDistance } from "./engine-version.js";
import { parseScenario } from "./validate.js";

describe("parseVersion", () => {
  const cases: Array<[string, [number, number, number], string, number]> = [
    ["0.6.0", [0, 6, 0], "final", 0],
    ["1.3.0rc20", [1, 3, 0], "rc", 20],
    ["v0.8.0", [0, 8, 0], "final", 0],
    ["0.6.3.post1", [0, 6, 3], "post", 1],
    ["1.0.0-rc1", [1, 0, 0], "rc", 1],
    ["0.24", [0, 24, 0], "final", 0],
    ["2.0.0b3", [2, 0, 0], "b", 3],
    ["0.5.0.dev2", [0, 5, 0], "dev", 2],
    ["0.10.1+cu128", [0, 10, 1], "final", 0],
  ];
  for (const [text, release, tag, n] of cases) {
    it(text, () => expect(parseVersion(text)).toMatchObject({ release, tag, tagNumber: n }));
  }
  it("rejects text that is not a version", () => {
    for (const bad of ["latest", "", "1.x", "main"]) expect(parseVersion(bad)).toBeNull();
  });
});

describe("compareVersions", () => {
  // PEP 440 order: dev < a < b < rc < final < post, numbers compared as numbers (0.10 > 0.9).
  const ascending = ["0.5.0.dev2", "0.5.0a1", "0.5.0b1", "0.5.0rc1", "0.5.0rc2", "0.5.0", "0.5.0.post1", "0.5.14", "0.9.0", "0.10.0", "1.0.0rc0", "1.0.0", "1.3.0rc7", "1.3.0rc20"];
  it("orders a table of versions", () => {
    for (let i = 1; i < ascending.length; i++) {
      expect(compareVersions(ascending[i - 1]!, ascending[i]!)).toBeLessThan(0);
      expect(compareVersions(ascending[i]!, ascending[i - 1]!)).toBeGreaterThan(0);
    }
  });
  it("treats missing components as 0 and a v prefix as nothing", () => expect(compareVersions("v0.24", "0.24.0")).toBe(0));
  it("throws on unparsable text", () => expect(() => compareVersions("latest", "1.0")).toThrow(/version: cannot parse "latest"/));
});

describe("nearestVersion", () => {
  const cases: Array<[string, string[], string | undefined, string]> = [
    ["0.6.0", ["0.5.14", "0.24.0"], "0.5.14", "minor 6 is 1 from 5 and 18 from 24"],
    ["0.8.5", ["0.8.0", "0.9.0"], "0.8.0", "same minor beats the next minor"],
    ["0.8.5", ["0.8.0", "0.8.10"], "0.8.10", "patch 5 is 5 from 0 and from 10: the newer"],
    ["1.0.0", ["0.24.0", "1.3.0rc20"], "1.3.0rc20", "same major"],
    ["1.3.0", ["1.3.0rc20", "1.4.0"], "1.3.0rc20", "differs only in the tag"],
    ["0.7.0", ["0.6.0", "0.8.0"], "0.8.0", "equal distance: the newer"],
    ["0.24.0", ["0.24.0"], "0.24.0", "exact"],
    ["0.24.0", [], undefined, "nothing available"],
  ];
  for (const [requested, available, expected, why] of cases) {
    it(`${requested} among [${available.join(", ")}] -> ${expected} (${why})`, () => expect(nearestVersion(requested, available)).toBe(expected));
  }
  it("distance is [first differing component, gap]", () => {
    expect(versionDistance("0.6.0", "0.24.0")).toEqual([1, 18]);
    expect(versionDistance("1.3.0rc20", "1.3.0")).toEqual([3, 1]);
    expect(versionDistance("1.3.0", "1.3.0")).toEqual([5, 0]);
  });
});

describe("EngineSpec and the scenario's engine field", () => {
  const base = { model: "meta-llama/Llama-3.1-8B-Instruct", hardware: { accelerator: "h100-sxm", count: 1 }, workload: { kind: "generate", inputTokens: 100, outputTokens: 100, load: { mode: "offline" } } };
  it("keeps the plain string form valid and unchanged", () => {
    const r = parseScenario({ ...base, engine: "vllm" });
    expect(r.ok && r.value.engine).toBe("vllm");
  });
  it("accepts {name, version} and {name}", () => {
    const r = parseScenario({ ...base, engine: { name: "vllm", version: "0.6.0" } });
    expect(r.ok && r.value.engine).toEqual({ name: "vllm", version: "0.6.0" });
    const s = parseScenario({ ...base, engine: { name: "trtllm" } });
    expect(s.ok && s.value.engine).toEqual({ name: "trtllm" });
  });
  const bad: Array<[string, unknown, RegExp]> = [
    ["an unknown name", "ollama", /^scenario\.engine: must be one of "vllm", "sglang", "trtllm", "llamacpp", "tei", "other"$/],
    ["an unknown name in the object", { name: "ollama", version: "1" }, /^scenario\.engine\.name: must be one of "vllm"/],
    ["an unknown field in the object", { name: "vllm", build: "x" }, /^scenario\.engine: unknown field "build"$/],
    ["an empty version", { name: "vllm", version: "" }, /^scenario\.engine\.version: must be >= 1/],
  ];
  for (const [name, engine, message] of bad) {
    it(`names the field for ${name}`, () => {
      const r = parseScenario({ ...base, engine });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.issues.map((i) => i.message).join("\n")).toMatch(message);
    });
  }
  it("reads the name and version of either form", () => {
    expect(engineNameOf(EngineSpec.parse("sglang"))).toBe("sglang");
    expect(engineNameOf(EngineSpec.parse({ name: "sglang", version: "0.5.14" }))).toBe("sglang");
    expect(engineVersionOf(EngineSpec.parse("sglang"))).toBeUndefined();
    expect(engineVersionOf(EngineSpec.parse({ name: "sglang", version: "0.5.14" }))).toBe("0.5.14");
  });
});
