import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runMain } from "./test-support/run-main.js";

const dir = mkdtempSync(join(tmpdir(), "costcurve-predict-"));

function file(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === "string" ? content : JSON.stringify(content));
  return path;
}

const scenario = {
  id: "llama70b-h100",
  model: "meta-llama/Llama-3.3-70B-Instruct",
  hardware: { accelerator: "h100-sxm", count: 8 },
  engine: "vllm",
  parallelism: { tp: 4, pp: 1, ep: 1 },
  workload: { kind: "generate", inputTokens: 1000, outputTokens: 1000, load: { mode: "concurrency", concurrency: 64 } },
  pricing: { usdPerAcceleratorHour: 2.0, utilization: 1.0 },
};

describe("costcurve predict", () => {
  it("prints the prediction contract as JSON", async () => {
    const r = await runMain("predict", file("ok.json", scenario), "--json");
    expect(r.code).toBe(0);
    const p = JSON.parse(r.out);
    expect(Object.keys(p)).toEqual(
      expect.arrayContaining(["id", "fits", "outputTokensPerSecond", "inputTokensPerSecond", "ttftSeconds", "tpotSeconds", "concurrency", "parallelism", "bound", "usdPerMillionOutputTokens", "usdPerMillionInputTokens", "issues"]),
    );
    expect(p.id).toBe("llama70b-h100");
    expect(p.parallelism).toEqual({ tp: 4, pp: 1, ep: 1, replicas: 2, dp: 1 });
    expect(p.concurrency).toBe(64);
    expect(p.outputTokensPerSecond).toBeGreaterThan(0);
    expect(r.out).not.toMatch(/NaN|Infinity|undefined/);
  });

  it("answers an array with an array, in order", async () => {
    const second = { ...scenario, id: "second", workload: { ...scenario.workload, load: { mode: "offline" } } };
    const r = await runMain("predict", file("array.json", [scenario, second]), "--json");
    expect(r.code).toBe(0);
    const list = JSON.parse(r.out);
    expect(list.map((p: { id: string }) => p.id)).toEqual(["llama70b-h100", "second"]);
  });

  it("prints a human table with the line that says what binds", async () => {
    const r = await runMain("predict", file("human.json", scenario));
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/output throughput/);
    expect(r.out).toMatch(/^bound: (memory bandwidth|compute|interconnect|memory capacity) - /m);
  });

  it("reports carbon at a sourced grid intensity with --grid, and names an unknown region", async () => {
    const r = await runMain("predict", file("grid.json", scenario), "--grid", "fr", "--json");
    const p = JSON.parse(r.out);
    // grams = kWh per 1M tokens x the table's intensity for France
    const { findGrid } = await import("../catalog/grid-carbon.js");
    expect(p.gramsCo2PerMillionTokens).toBeCloseTo(p.kwhPerMillionTokens * findGrid("fr")!.gramsCo2ePerKwh, 9);
    const bad = await runMain("predict", file("grid2.json", scenario), "--grid", "mars");
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/--grid: unknown region "mars"; one of world, us, /);
  });

  it("states the largest batch that fits", async () => {
    const r = await runMain("predict", file("cap.json", scenario));
    expect(r.out).toMatch(/largest batch that fits\s+[\d,]+ sequences per replica/);
    const p = JSON.parse((await runMain("predict", file("cap2.json", scenario), "--json")).out);
    expect(p.kvCapacitySequences).toBeGreaterThan(64);
  });

  it("accepts a config.json path for the model", async () => {
    const config = file("config.json", {
      architectures: ["LlamaForCausalLM"],
      model_type: "llama",
      hidden_size: 2048,
      intermediate_size: 8192,
      num_hidden_layers: 16,
      num_attention_heads: 32,
      num_key_value_heads: 8,
      vocab_size: 128256,
      tie_word_embeddings: true,
    });
    const r = await runMain("predict", file("with-config.json", { ...scenario, model: config, parallelism: undefined }), "--json");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).fits).toBe(true);
  });

  it("reports fits: false with an exceeds_memory issue when the model does not fit", async () => {
    const r = await runMain("predict", file("big.json", { ...scenario, model: "meta-llama/Llama-3.1-405B-Instruct", hardware: { accelerator: "rtx-4090", count: 1 }, parallelism: undefined }), "--json");
    expect(r.code).toBe(0);
    const p = JSON.parse(r.out);
    expect(p.fits).toBe(false);
    expect(p.issues[0]).toMatchObject({ code: "exceeds_memory" });
    expect(p.issues[0].requiredBytes).toBeGreaterThan(p.issues[0].availableBytes);
    expect(p.outputTokensPerSecond).toBeNull();
  });

  describe("bad input: a clear message naming the field, exit 1, nothing on stdout", () => {
    const cases: Array<[string, unknown, RegExp]> = [
      ["unknown model with suggestions", { ...scenario, model: "meta-llama/Llama-3.3-70B" }, /model: unknown model "meta-llama\/Llama-3\.3-70B"; did you mean "meta-llama\/Llama-3\.3-70B-Instruct"/],
      ["unknown accelerator with suggestions", { ...scenario, hardware: { accelerator: "h100", count: 8 } }, /hardware\.accelerator: unknown accelerator "h100"; did you mean .*"h100-sxm"/],
      ["unknown scenario field", { ...scenario, temperature: 0.7 }, /scenario: unknown field "temperature"/],
      ["unknown nested field", { ...scenario, workload: { ...scenario.workload, prompt: "hi" } }, /scenario\.workload: unknown field "prompt"/],
      ["negative tokens", { ...scenario, workload: { ...scenario.workload, inputTokens: -5 } }, /scenario\.workload\.inputTokens: must be >= 0/],
      ["zero output tokens for generate", { ...scenario, workload: { ...scenario.workload, outputTokens: 0 } }, /scenario\.workload\.outputTokens: must be at least 1 for kind "generate"/],
      ["zero input tokens for embed", { ...scenario, workload: { kind: "embed", inputTokens: 0, outputTokens: 0, load: { mode: "offline" } } }, /scenario\.workload\.inputTokens: must be at least 1 for kind "embed"/],
      ["bad engine", { ...scenario, engine: "ollama" }, /scenario\.engine: must be one of "vllm", "sglang", "trtllm", "llamacpp", "tei", "other"/],
      ["bad precision", { ...scenario, precision: { weights: "fp7" } }, /scenario\.precision\.weights: must be one of "fp32", .*"q4_0"/],
      ["parallelism that does not divide the count", { ...scenario, parallelism: { tp: 3 } }, /parallelism: tp\*pp\*dp = 3 must divide hardware\.count 8/],
      ["tp above the head count", { ...scenario, hardware: { accelerator: "h100-sxm", count: 128 }, parallelism: { tp: 128 } }, /parallelism\.tp: 128 exceeds the model's 64 attention heads/],
      ["ep on a dense model", { ...scenario, parallelism: { tp: 4, ep: 4 } }, /parallelism\.ep: 4 exceeds the model's 1 routed experts \(it is a dense model: ep must be 1\)/],
      ["missing count", { ...scenario, hardware: { accelerator: "h100-sxm" } }, /scenario\.hardware\.count: expected number \(missing\)/],
      ["bad load mode", { ...scenario, workload: { ...scenario.workload, load: { mode: "burst" } } }, /scenario\.workload\.load/],
    ];
    for (const [name, body, message] of cases) {
      it(name, async () => {
        const r = await runMain("predict", file(`${name.replace(/\W+/g, "-")}.json`, body), "--json");
        expect(r.code).toBe(1);
        expect(r.out).toBe("");
        expect(r.err).toMatch(message);
      });
    }

    it("a malformed config.json names the file and the field", async () => {
      const config = file("broken-config.json", { model_type: "llama", hidden_size: 4096, num_attention_heads: 32 });
      const r = await runMain("predict", file("uses-broken.json", { ...scenario, model: config, parallelism: undefined }));
      expect(r.code).toBe(1);
      expect(r.err).toMatch(/config\.json: missing field num_hidden_layers/);
    });

    it("a file that is not JSON", async () => {
      const r = await runMain("predict", file("not-json.json", "{ nope"));
      expect(r.code).toBe(1);
      expect(r.err).toMatch(/scenario file .*not-json\.json: not valid JSON/);
    });

    it("a missing file", async () => {
      const r = await runMain("predict", join(dir, "absent.json"));
      expect(r.code).toBe(1);
      expect(r.err).toMatch(/absent\.json: cannot read \(ENOENT\)/);
    });

    it("one bad scenario in an array fails the whole batch, nothing half-written", async () => {
      const r = await runMain("predict", file("half.json", [scenario, { ...scenario, model: "nope/nope" }]), "--json");
      expect(r.code).toBe(1);
      expect(r.out).toBe("");
      expect(r.err).toMatch(/scenario\[1\]\.model: unknown model "nope\/nope"/);
    });
  });
});

describe("costcurve embed, models, accelerators, demo", () => {
  it("embed compares accelerators", async () => {
    const r = await runMain("embed", "--model", "Qwen/Qwen3-Embedding-8B", "--accelerator", "h100-sxm,rtx-4090", "--seq", "1040", "--batch", "4", "--usd-per-hour", "h100-sxm=2,rtx-4090=0.37", "--json");
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.out);
    expect(rows.map((x: { accelerator: string }) => x.accelerator)).toEqual(["h100-sxm", "rtx-4090"]);
    for (const row of rows) {
      expect(row.bound).toBe("compute");
      expect(row.computeSeconds).toBeGreaterThan(row.weightLoadSeconds);
      expect(row.usdPerMillionTokens).toBeGreaterThan(0);
    }
  });

  it("embed rejects bad flags by name", async () => {
    expect((await runMain("embed", "--model", "Qwen/Qwen3-Embedding-8B", "--accelerator", "h100-sxm", "--batch", "0")).err).toMatch(/--batch: expected a whole number >= 1, got "0"/);
    expect((await runMain("embed", "--model", "Qwen/Qwen3-Embedding-8B", "--accelerator", "h100-sxm", "--utilization", "1.5")).err).toMatch(/--utilization: expected a fraction above 0 and at most 1/);
    expect((await runMain("embed", "--model", "Qwen/Qwen3-Embedding-8B", "--accelerator", "h100-sxm", "--engine", "x")).err).toMatch(/--engine: expected one of vllm, sglang/);
    expect((await runMain("embed", "--model", "Qwen/Qwen3-Embedding-8B", "--accelerator", "h9000")).err).toMatch(/unknown accelerator "h9000"/);
  });

  it("models and accelerators list the catalogs", async () => {
    const models = JSON.parse((await runMain("models", "--json")).out);
    expect(models.models.length).toBeGreaterThanOrEqual(20);
    expect(models.models.find((m: { id: string }) => m.id === "meta-llama/Llama-3.3-70B-Instruct").totalParamCount).toBe(70_553_706_496);
    const accelerators = JSON.parse((await runMain("accelerators", "--json")).out);
    expect(accelerators.length).toBeGreaterThanOrEqual(25);
    expect((await runMain("accelerators")).out).toMatch(/h100-sxm\s+989/);
  });

  it("embed and predict agree for an embedding model: both run the TEI profile when the engine is left out", async () => {
    const rows = JSON.parse((await runMain("embed", "--model", "Qwen/Qwen3-Embedding-8B", "--accelerator", "rtx-4090", "--seq", "1040", "--batch", "4", "--json")).out);
    const same = { model: "Qwen/Qwen3-Embedding-8B", hardware: { accelerator: "rtx-4090", count: 1 }, workload: { kind: "embed", inputTokens: 1040, outputTokens: 0, load: { mode: "concurrency", concurrency: 4 } } };
    const p = JSON.parse((await runMain("predict", file("embed-tei.json", same), "--json")).out);
    expect(p.inputTokensPerSecond / rows[0].tokensPerSecond).toBeCloseTo(1, 6);
    expect((await runMain("predict", file("embed-tei2.json", same))).out).toMatch(/\(tei, bf16 weights\)/);
    // the table names each price: provider, kind and date for catalog rows, "given" for the flag's
    const table = (await runMain("embed", "--model", "Qwen/Qwen3-Embedding-8B", "--accelerator", "h100-sxm,rtx-4090", "--seq", "1040", "--usd-per-hour", "h100-sxm=2")).out;
    expect(table).toMatch(/^prices: h100-sxm \$2\.00\/h \(given\); rtx-4090 \$[\d.]+\/h on-demand, .+, \d{4}-\d{2}-\d{2}$/m);
  });

  it("--explain formats the evaluation predict kept: what binds, by how much, and the host overhead share", async () => {
    const r = await runMain("predict", file("explain.json", scenario), "--explain");
    expect(r.out).toMatch(/^binds: (compute|memory|interconnect|host) at [\d.]+% of the step/m);
    expect(r.out).toMatch(/host overhead [\d.]+%/);
    expect(r.out).toMatch(/^step overhead .* host$/m);
  });

  it("demo prints both analyses", async () => {
    const r = await runMain("demo");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/at the seed's 2025-09-24 prices the RTX 4090 is \d+% cheaper per token than the H100/);
    expect(r.out).toMatch(/h100-sxm \$2\.00\/h on-demand, Tensor Economics reference, 2025-09-24/);
    expect(r.out).toMatch(/^Today's catalog verdict: the (H100|RTX 4090) is \d+% cheaper per token than the (H100|RTX 4090)\.$/m);
    expect(r.out).toMatch(/Llama 3\.3 70B on 4x H100/);
    expect(r.out.split("\n").filter((l) => /^\s+(1|8|16|64|128|512)\s/.test(l))).toHaveLength(6);
  });
});
