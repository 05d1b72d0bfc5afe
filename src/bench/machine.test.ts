// The calibration validation: costcurve machine measures this CPU through llama.cpp, then the engine,
// using that machine profile, predicts prompt processing (an embed-like prefill) and generation
// (concurrency 1 decode) of a generated ~113M-parameter llama model (F16) that neither microbenchmark used;
// costcurve's server + bench client measure both; each prediction must be within 25% of the measurement. The
// measurement judged is the typical request (medians, `compareLevels(..., "median")`), the statistic the calibration's
// decode timing uses too: on this shared VM a neighbour now and then slows a second of tokens 3-4x, which moves mean
// throughput by 15-20% from one run to the next; the mean figures are printed beside them, not judged.
// On a virtual machine whose host disturbs the run (stolen CPU time, memory bandwidth taken by neighbours), both are
// measured again (bounded, below).
// In CI (CI=true) an engine that cannot load fails the suite; elsewhere these tests skip with a reason.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { resolveScenario } from "../catalog/resolve.js";
import { predict } from "../core/predict.js";
import type { Scenario } from "../core/scenario.js";
import { type ComparisonRow, type Statistic, compareLevels } from "./calibrate.js";
import { cpuTicks, stolenFraction } from "./cpu-steal.js";
import { randomPrompts } from "./dataset.js";
import { type TinyModelShape, buildVocabulary, cachedModelPath } from "./gguf-model.js";
import { type RunningLlamaServer, startLlamaServer } from "./llama-server.js";
import { decodeWeightBytes, fitNonNegative, halfEfficiencyWidth, machineAccelerator, machineProfile, measureMachine, prefillFlops } from "./machine.js";
import { measureReadBandwidth } from "./memory-bandwidth.js";
import { raiseThreadPriorities } from "./priority.js";
import { runBench } from "./runner.js";
import { testPlan } from "./test-support/plan.js";

describe("machine arithmetic", () => {
  test("prefill FLOPs of a 1-layer model", () => {
    // h 64, 4 heads = 4 kv heads (kv width 64), ff 128, vocab V:
    // layer matmul params 2*64*64 + 2*64*64 + 3*64*128 = 8192 + 8192 + 24576 = 40960;
    // 8 tokens: 2*8*40960 = 655360; attention 4*64*(8*9/2) = 9216; LM head 2*64*V
    const shape: TinyModelShape = { embeddingLength: 64, blockCount: 1, headCount: 4, headCountKv: 4, feedForwardLength: 128, contextLength: 64 };
    const v = buildVocabulary().tokens.length;
    expect(prefillFlops(shape, 8)).toBe(655360 + 9216 + 2 * 64 * v);
    // decode reads (40960 + 64 V) weights at 2 bytes (F16)
    expect(decodeWeightBytes(shape, "f16")).toBe((40960 + 64 * v) * 2);
  });

  test("half-efficiency width from two widths", () => {
    // rate = R w / (w + W) with R = 100, W = 256: r(256) = 50, r(1024) = 80 -> W = 256
    expect(halfEfficiencyWidth(256, 50, 1024, 80)).toBeCloseTo(256, 6);
    // wider no faster -> no width penalty
    expect(halfEfficiencyWidth(256, 90, 1024, 80)).toBe(0);
  });

  test("decode fit: per-layer overhead and bandwidth", () => {
    // y = 0.5 ms x layers + bytes / 5 GB/s through three exact points
    const points = [
      { u: 8, v: 67e6 },
      { u: 4, v: 134e6 },
      { u: 12, v: 226e6 },
    ].map((p) => ({ x: [p.u, p.v], y: p.u * 5e-4 + p.v / 5e9 }));
    const [a, b] = fitNonNegative(points);
    expect(a).toBeCloseTo(5e-4, 9);
    expect(1 / b!).toBeCloseTo(5e9, -3);
  });

  test("decode fit with one bandwidth per format, and a negative coefficient dropped", () => {
    // y = 0.5 ms x layers + f16 bytes / 4 GB/s + f32 bytes / 5 GB/s, layer counts 3, 8 and 16, each in both formats
    const rows = [3, 8, 16].flatMap((layers) => [
      { x: [layers, 100e6 + layers * 1e6, 0], y: layers * 5e-4 + (100e6 + layers * 1e6) / 4e9 },
      { x: [layers, 0, 200e6 + layers * 2e6], y: layers * 5e-4 + (200e6 + layers * 2e6) / 5e9 },
    ]);
    const [a, b16, b32] = fitNonNegative(rows);
    expect(a).toBeCloseTo(5e-4, 9);
    expect(1 / b16!).toBeCloseTo(4e9, -3);
    expect(1 / b32!).toBeCloseTo(5e9, -3);
    // y = 2 x - 1 z would need z's coefficient negative: it is set to 0 and x refitted alone
    // (points (1,0)->2, (0,1)->-1, (1,1)->1: x alone gives (2 + 1) / 2 = 1.5)
    expect(
      fitNonNegative([
        { x: [1, 0], y: 2 },
        { x: [0, 1], y: -1 },
        { x: [1, 1], y: 1 },
      ]),
    ).toEqual([1.5, 0]);
  });
});

/** About 113M parameters: 12 layers x (4 x 768^2 + 3 x 768 x 3072) = 113.2M, plus 2 x 768 x vocab embeddings. */
const VALIDATION_SHAPE: TinyModelShape = { embeddingLength: 768, blockCount: 12, headCount: 12, headCountKv: 12, feedForwardLength: 3072, contextLength: 4096 };
const PROMPT_TOKENS = 512;
const OUTPUT_TOKENS = 64;
/** Requests per measurement (5 x ~4 s of prefill, 5 x ~3 s of generation). */
const REQUESTS = 5;

function validationConfig(): Record<string, unknown> {
  const s = VALIDATION_SHAPE;
  return {
    architectures: ["LlamaForCausalLM"],
    model_type: "llama",
    hidden_size: s.embeddingLength,
    num_hidden_layers: s.blockCount,
    num_attention_heads: s.headCount,
    num_key_value_heads: s.headCountKv,
    intermediate_size: s.feedForwardLength,
    vocab_size: buildVocabulary().tokens.length,
    max_position_embeddings: s.contextLength,
    tie_word_embeddings: false,
    rms_norm_eps: 1e-5,
  };
}

/**
 * A virtual machine's timings are only comparable while its host leaves it alone: when more than this share of CPU
 * time is stolen by the hypervisor during the calibration or the validation, or when the one-thread memory bandwidth
 * after the validation differs from the calibration's by more than this fraction (neighbours on the host share the
 * memory bus, which no steal counter shows), both are measured again (at most ATTEMPTS times in all), and the
 * least disturbed attempt is judged.
 */
const QUIET_STOLEN_FRACTION = 0.05;
const QUIET_BANDWIDTH_DRIFT = 0.1;
const ATTEMPTS = 3;

let server: RunningLlamaServer | null = null;
let loadError: unknown = null;
beforeAll(async () => {
  try {
    server = await startLlamaServer({ modelPath: cachedModelPath("f16", VALIDATION_SHAPE, 1, "validation"), sequenceCount: 1, threads: 1, contextTokens: 2048 });
    // the server's threads (and the client, in this process) at the same raised priority as the machine benchmark
    raiseThreadPriorities();
  } catch (error) {
    loadError = error;
    if (process.env.CI === "true") throw new Error(`llama.cpp engine failed to load in CI: ${String(error)}`);
    console.warn(`skipping machine validation: node-llama-cpp could not load (${String(error)})`);
  }
}, 240_000);
afterAll(async () => server?.close());

/** One calibration (costcurve machine) and one validation run (prefill and generation through the bench client). */
async function attempt(url: string) {
  const calibrationStart = cpuTicks();
  const measurement = await measureMachine({ threads: 1, date: "2026-11-22" });
  const calibrationStolen = stolenFraction(calibrationStart, cpuTicks());
  const validationStart = cpuTicks();
  const embedPrompts = randomPrompts({ inputTokens: PROMPT_TOKENS, outputTokens: 1, spreadFraction: 0 }, REQUESTS, 21);
  const embed = await runBench(
    testPlan(url, "local", { endpoint: "embeddings", prompts: embedPrompts, requestsPerLevel: REQUESTS, target: { url, model: "local", endpoint: "embeddings", apiKey: undefined, timeoutSeconds: 120, ignoreEos: true } }),
  );
  const genPrompts = randomPrompts({ inputTokens: 16, outputTokens: OUTPUT_TOKENS, spreadFraction: 0 }, REQUESTS, 22);
  const gen = await runBench(
    testPlan(url, "local", { endpoint: "completions", prompts: genPrompts, requestsPerLevel: REQUESTS, target: { url, model: "local", endpoint: "completions", apiKey: undefined, timeoutSeconds: 120, ignoreEos: true } }),
  );
  const stolen = Math.max(calibrationStolen ?? 0, stolenFraction(validationStart, cpuTicks()) ?? 0);
  const bandwidthAfter = await measureReadBandwidth(1);
  const drift = Math.abs(bandwidthAfter.bytesPerSecond / measurement.bandwidth.single.bytesPerSecond - 1);
  return { measurement, embed, gen, stolen, drift, disturbance: Math.max(stolen / QUIET_STOLEN_FRACTION, drift / QUIET_BANDWIDTH_DRIFT) };
}

describe("the machine profile predicts llama.cpp on this CPU within 25%", () => {
  test("prompt processing (embeddings, 512 tokens) and generation (64 tokens at concurrency 1)", async (ctx) => {
    if (server === null && process.env.CI !== "true") return ctx.skip();
    if (server === null) throw new Error(`engine not loaded: ${String(loadError)}`);
    const attempts: Array<Awaited<ReturnType<typeof attempt>>> = [];
    // disturbance 1 = at the limit of either check
    while (attempts.length < ATTEMPTS && (attempts.length === 0 || attempts.at(-1)!.disturbance > 1)) attempts.push(await attempt(server.url));
    const { measurement, embed, gen } = attempts.reduce((best, a) => (a.disturbance < best.disturbance ? a : best));
    const accelerator = machineAccelerator(measurement, "test");
    const profile = machineProfile(measurement, "test");
    const base: Scenario = {
      model: "validation-113m",
      hardware: { accelerator: accelerator.id, count: 1 },
      engine: "llamacpp",
      precision: { weights: "fp16", activations: "fp16", kvCache: "fp16" },
      workload: { kind: "generate", inputTokens: 1, outputTokens: 1, load: { mode: "concurrency", concurrency: 1 } },
    };
    const resolved = resolveScenario(base, { config: validationConfig(), origin: "validation config" }, { accelerators: [accelerator], profiles: [profile] });
    if (!resolved.ok) throw new Error(resolved.issues.map((i) => i.message).join("; "));
    expect(resolved.value.profile.id).toBe("machine-test");
    expect(predict(resolved.value).fits).toBe(true);
    for (const s of [...embed.summaries, ...gen.summaries]) expect(s.errors).toEqual({});

    const compare = (statistic: Statistic) => {
      const rows = [...compareLevels(resolved.value, embed.summaries, statistic), ...compareLevels(resolved.value, gen.summaries, statistic)];
      const row = (metric: ComparisonRow["metric"]) => {
        const found = rows.find((r) => r.metric === metric);
        if (!found) throw new Error(`${statistic} ${metric}: the measurement gave no row to compare`);
        return found;
      };
      return { prefill: row("inputTokensPerSecond"), generation: row("outputTokensPerSecond"), tpot: row("tpotSeconds") };
    };
    const { prefill, generation, tpot } = compare("median");
    const mean = compare("mean");
    const pct = (x: number) => `${x >= 0 ? "+" : ""}${(x * 100).toFixed(1)}%`;
    console.log(
      `per attempt, CPU time stolen by the hypervisor and one-thread bandwidth drift: ${attempts.map((a) => `${(a.stolen * 100).toFixed(1)}% / ${(a.drift * 100).toFixed(1)}%`).join(", ")} (judged: the least disturbed)\n` +
        `machine: bandwidth ${(measurement.bandwidth.all.bytesPerSecond / 1e9).toFixed(1)} GB/s (${measurement.bandwidth.all.threadCount} threads), ` +
        `GEMM fp16 ${(measurement.matmul.fp16FlopsPerSecond / 1e9).toFixed(1)} GFLOP/s, half-efficiency width ${measurement.matmul.halfEfficiencyWidth.toFixed(0)}, ` +
        `decode layers x ${(measurement.decode.layerOverheadSeconds * 1e3).toFixed(3)} ms + bytes / ${(measurement.decode.effectiveBytesPerSecond / 1e9).toFixed(2)} GB/s (measured in ${measurement.wallSeconds.toFixed(1)} s)\n` +
        `prompt processing ${PROMPT_TOKENS} tokens: predicted ${prefill.predicted.toFixed(0)} tokens/s, measured ${prefill.measured.toFixed(0)} tokens/s (${pct(prefill.errorFraction)}; ` +
        `whole-level mean ${mean.prefill.measured.toFixed(0)} tokens/s, ${pct(mean.prefill.errorFraction)})\n` +
        `generation at concurrency 1: predicted ${generation.predicted.toFixed(1)} tokens/s, measured ${generation.measured.toFixed(1)} tokens/s (${pct(generation.errorFraction)}; ` +
        `whole-level mean ${mean.generation.measured.toFixed(1)} tokens/s, ${pct(mean.generation.errorFraction)}); ` +
        `TPOT predicted ${(tpot.predicted * 1e3).toFixed(2)} ms, median gap ${(tpot.measured * 1e3).toFixed(2)} ms (${pct(tpot.errorFraction)}), mean TPOT ${(mean.tpot.measured * 1e3).toFixed(2)} ms\n` +
        measurement.timings
          .map((t) => `  ${t.precision} h${t.shape.embeddingLength}x${t.shape.blockCount}: prefill ${(t.prefillFlopsPerSecond / 1e9).toFixed(1)} GFLOP/s, decode ${(t.decodeSecondsPerToken * 1e3).toFixed(2)} ms/token`)
          .join("\n"),
    );
    expect(Math.abs(prefill.errorFraction)).toBeLessThanOrEqual(0.25);
    expect(Math.abs(generation.errorFraction)).toBeLessThanOrEqual(0.25);
  }, 900_000);
});
