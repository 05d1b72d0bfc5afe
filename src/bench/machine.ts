/**
 * `costcurve machine`: microbenchmarks of this machine as llama.cpp (node-llama-cpp's CPU build) sees it.
 * Method (docs/machine-benchmark.md):
 * - memory read bandwidth: WebAssembly SIMD streaming reads of 256 MB per worker thread, 1 and N threads,
 *   best of 5 passes (memory-bandwidth.ts);
 * - matmul FLOP/s: prompt processing of 512 tokens through three generated random-weight llama models of
 *   known FLOPs (MACHINE_SHAPES: hidden 1024 x 8, 1536 x 3 and 512 x 16 layers), F16 and F32, best of 2;
 *   the narrowest and widest give the width at which GEMM efficiency halves (rate(w) = R w / (w + W)), fitted
 *   to both formats at once;
 * - decode: median time per generated token of the same models at batch 1 (134-540 MB of weights, far
 *   beyond the caches), fitted as layers x per-layer overhead + weight bytes / B, one B per format (the
 *   profile keeps F16's).
 * Every thread runs at raised priority when permitted (priority.ts), so other load disturbs it less.
 */
import { z } from "zod";
import { availableParallelism, cpus, platform, totalmem } from "node:os";
import { EfficiencyProfile } from "../core/efficiency.js";
import { Accelerator } from "../core/hardware.js";
import { GB } from "../core/units.js";
import { type TinyModelShape, buildVocabulary, cachedModelPath } from "./gguf-model.js";
import type { TensorPrecision } from "./gguf-writer.js";
import { importNodeLlamaCpp } from "./llama-import.js";
import { type BandwidthResult, measureReadBandwidth } from "./memory-bandwidth.js";
import { raiseThreadPriorities } from "./priority.js";

/** The model shapes the matmul and decode timings use (the validation model is none of them). */
// All are far larger than any CPU cache (about 130-270 MB in F16), so that decode times measure DRAM bandwidth;
// they differ in width (for the GEMM fit) and in layer count (for the per-layer decode cost).
export const MACHINE_SHAPES: readonly TinyModelShape[] = [
  { embeddingLength: 1024, blockCount: 8, headCount: 16, headCountKv: 16, feedForwardLength: 4096, contextLength: 2048 },
  { embeddingLength: 1536, blockCount: 3, headCount: 16, headCountKv: 16, feedForwardLength: 6144, contextLength: 2048 },
  // a deep, thin model: layer counts 3, 8 and 16 separate the per-layer decode cost from the weight bytes (with two
  // layer counts the fit extrapolated to a 12-layer model and swung by 50% with timing noise), and widths 512 to
  // 1536 span the GEMM width fit
  { embeddingLength: 512, blockCount: 16, headCount: 8, headCountKv: 8, feedForwardLength: 2048, contextLength: 2048 },
];
export const PROMPT_TOKENS = 512;
const DECODE_WARMUP_TOKENS = 4;
const DECODE_TIMED_TOKENS = 48;

/** Matmul parameters and FLOPs of a generated llama model (gguf-model.ts layout, vocabulary of buildVocabulary). */
export function shapeCounts(shape: TinyModelShape): { layerMatmulParamCount: number; lmHeadParamCount: number; vocabSize: number } {
  const h = shape.embeddingLength;
  const kv = (h / shape.headCount) * shape.headCountKv;
  const vocabSize = buildVocabulary().tokens.length;
  const perLayer = 2 * h * h + 2 * h * kv + 3 * h * shape.feedForwardLength;
  return { layerMatmulParamCount: perLayer * shape.blockCount, lmHeadParamCount: h * vocabSize, vocabSize };
}

/**
 * FLOPs of prefilling `tokens` tokens: 2 per matmul weight per token, causal attention 4 h per (query, key)
 * pair (QK^T and AV) over T(T+1)/2 pairs per layer, and the LM head for the last token only.
 */
export function prefillFlops(shape: TinyModelShape, tokens: number): number {
  const { layerMatmulParamCount, lmHeadParamCount } = shapeCounts(shape);
  const attention = 4 * shape.embeddingLength * ((tokens * (tokens + 1)) / 2) * shape.blockCount;
  return 2 * tokens * layerMatmulParamCount + attention + 2 * lmHeadParamCount;
}

/** Bytes of weights one decode step reads (matmul weights and the LM head in the tensor format). */
export function decodeWeightBytes(shape: TinyModelShape, precision: TensorPrecision): number {
  const { layerMatmulParamCount, lmHeadParamCount } = shapeCounts(shape);
  const bytes = precision === "f32" ? 4 : precision === "f16" ? 2 : 34 / 32;
  return (layerMatmulParamCount + lmHeadParamCount) * bytes;
}

export interface LlamaTiming {
  precision: TensorPrecision;
  shape: TinyModelShape;
  prefillSeconds: number;
  prefillFlopsPerSecond: number;
  decodeSecondsPerToken: number;
  decodeWeightBytes: number;
}

/** Times prefill (best of `repeats`) and batch-1 decode of one generated model through node-llama-cpp. */
export async function timeLlamaModel(precision: TensorPrecision, shape: TinyModelShape, threads: number, repeats = 2): Promise<LlamaTiming> {
  const { getLlama } = await importNodeLlamaCpp("costcurve machine");
  const modelPath = cachedModelPath(precision, shape, 1, "machine");
  const llama = await getLlama({ gpu: false, build: "never", logLevel: "error" as never, maxThreads: threads });
  const model = await llama.loadModel({ modelPath, gpuLayers: 0 });
  const context = await model.createContext({ sequences: 1, contextSize: 2048, batchSize: PROMPT_TOKENS, threads, flashAttention: false });
  raiseThreadPriorities();
  try {
    const sequence = context.getSequence();
    const { firstNormalToken, tokens: vocab } = buildVocabulary();
    const span = vocab.length - firstNormalToken;
    const prompt = Array.from({ length: PROMPT_TOKENS }, (_, i) => (firstNormalToken + ((i * 7919) % span)) as never);
    let prefillSeconds = Infinity;
    for (let r = 0; r < repeats; r++) {
      await sequence.clearHistory();
      const t0 = performance.now();
      await sequence.evaluateWithoutGeneratingNewTokens(prompt);
      prefillSeconds = Math.min(prefillSeconds, (performance.now() - t0) / 1000);
    }
    await sequence.clearHistory();
    // the median gap between generated tokens: robust to other processes taking the core now and then
    const gaps: number[] = [];
    let last = 0;
    for await (const token of sequence.evaluate(prompt.slice(0, 8), { temperature: 0, yieldEogToken: true })) {
      void token;
      const now = performance.now();
      if (last > 0) gaps.push(now - last);
      last = now;
      if (gaps.length >= DECODE_WARMUP_TOKENS + DECODE_TIMED_TOKENS) break;
    }
    const timed = gaps.slice(DECODE_WARMUP_TOKENS).sort((a, b) => a - b);
    const decodeSecondsPerToken = timed[Math.floor(timed.length / 2)]! / 1000;
    return { precision, shape, prefillSeconds, prefillFlopsPerSecond: prefillFlops(shape, PROMPT_TOKENS) / prefillSeconds, decodeSecondsPerToken, decodeWeightBytes: decodeWeightBytes(shape, precision) };
  } finally {
    await context.dispose();
    await model.dispose();
    await llama.dispose();
  }
}

/** Width W at which GEMM efficiency halves, from rates r1, r2 at widths w1 < w2 (rate = R w / (w + W)); 0 when wider is not faster. */
export function halfEfficiencyWidth(w1: number, r1: number, w2: number, r2: number): number {
  const q = r1 / r2;
  if (q >= 1) return 0;
  const denominator = w2 * q - w1;
  // q at or below w1 / w2 would need an infinite W: cap at the wider width
  if (denominator <= 0) return w2;
  return Math.min(w2 * 4, (w1 * w2 * (1 - q)) / denominator);
}

/**
 * Least squares through the origin, y = sum of c_i x_i, with every coefficient non-negative: a coefficient
 * that comes out negative is set to 0 and the rest refitted without it (normal equations, Gaussian elimination).
 */
export function fitNonNegative(rows: ReadonlyArray<{ x: readonly number[]; y: number }>): number[] {
  const k = rows[0]?.x.length ?? 0;
  const active = Array.from({ length: k }, (_, i) => i);
  for (;;) {
    const n = active.length;
    // normal equations over the active regressors: [X'X | X'y]
    const m = active.map((i) => [...active.map((j) => rows.reduce((s, r) => s + r.x[i]! * r.x[j]!, 0)), rows.reduce((s, r) => s + r.x[i]! * r.y, 0)]);
    let singular = false;
    for (let c = 0; c < n && !singular; c++) {
      const pivot = m.slice(c).reduce((best, row, r) => (Math.abs(row[c]!) > Math.abs(m[best]![c]!) ? c + r : best), c);
      [m[c], m[pivot]] = [m[pivot]!, m[c]!];
      if (Math.abs(m[c]![c]!) < 1e-300) singular = true;
      else for (let r = 0; r < n; r++) if (r !== c) m[r] = m[r]!.map((v, j) => v - (m[r]![c]! / m[c]![c]!) * m[c]![j]!);
    }
    const solved = active.map((_, r) => (singular ? 0 : m[r]![n]! / m[r]![r]!));
    const negative = solved.findIndex((v) => v < 0);
    if (!singular && negative === -1) {
      const coefficients = Array<number>(k).fill(0);
      active.forEach((i, r) => (coefficients[i] = solved[r]!));
      return coefficients;
    }
    active.splice(singular ? n - 1 : negative, 1);
    if (active.length === 0) return Array<number>(k).fill(0);
  }
}

export interface MachineMeasurement {
  date: string;
  threads: number;
  logicalCpuCount: number;
  totalMemoryBytes: number;
  bandwidth: { single: BandwidthResult; all: BandwidthResult };
  timings: LlamaTiming[];
  /** Infinite-width GEMM rate per format (FLOP/s) and the half-efficiency width fitted from the two shapes. */
  matmul: { fp16FlopsPerSecond: number; fp32FlopsPerSecond: number; halfEfficiencyWidth: number };
  /** Decode fit: seconds per token = layers x layerOverheadSeconds + weight bytes / effectiveBytesPerSecond. */
  decode: { layerOverheadSeconds: number; effectiveBytesPerSecond: number };
  wallSeconds: number;
}

/** Runs every microbenchmark (about 30-50 s on 2 cores, models generated on first use); `threads` is what llama.cpp uses. */
export async function measureMachine(options: { threads?: number; date: string; onProgress?: (message: string) => void }): Promise<MachineMeasurement> {
  const started = performance.now();
  const threads = options.threads ?? 1;
  const cores = availableParallelism();
  const say = options.onProgress ?? (() => undefined);
  raiseThreadPriorities();
  say("memory bandwidth, 1 thread");
  const single = await measureReadBandwidth(1);
  say(`memory bandwidth, ${cores} threads`);
  const all = cores > 1 ? await measureReadBandwidth(cores) : single;
  const timings: LlamaTiming[] = [];
  for (const precision of ["f16", "f32"] as const) {
    for (const shape of MACHINE_SHAPES) {
      say(`llama.cpp ${precision} hidden ${shape.embeddingLength} x ${shape.blockCount} layers: prefill ${PROMPT_TOKENS} tokens, decode`);
      timings.push(await timeLlamaModel(precision, shape, threads));
    }
  }
  // the GEMM width fit uses the narrowest and the widest model (512 and 1536: a 3x span, so timing noise moves W
  // far less than across 1024 and 1536, and the validation model's 768 lies between them)
  const byWidth = [...MACHINE_SHAPES].sort((x, y) => x.embeddingLength - y.embeddingLength);
  const [narrowShape, wideShape] = [byWidth[0]!, byWidth.at(-1)!];
  const rate = (precision: TensorPrecision, shape: TinyModelShape) => timings.find((t) => t.precision === precision && t.shape === shape)!.prefillFlopsPerSecond;
  const [narrow, wide] = [narrowShape.embeddingLength, wideShape.embeddingLength];
  // one half-efficiency width for both formats (the profile has one), fitted to both at once: the narrow/wide rate
  // ratio is the geometric mean of the two formats' ratios. (Averaging two separate fits was biased: timing noise
  // clamps one format's fit to 0 or to the cap, and the mean of 0 and the cap swung W from ~400 to 3072.)
  const geometricMean = (shape: TinyModelShape) => Math.sqrt(rate("f16", shape) * rate("f32", shape));
  const width = halfEfficiencyWidth(narrow, geometricMean(narrowShape), wide, geometricMean(wideShape));
  const peak = (precision: TensorPrecision) => (rate(precision, wideShape) * (wide + width)) / wide;
  // per-layer work that does not scale with weight bytes (norms, RoPE, attention, graph nodes) shows up as
  // a cost per layer per token; each format reads its weights at its own rate: F16 (converted to F32 weight by
  // weight, as quantized formats are dequantized) runs ~20% slower per byte than F32 on one core, so the two get
  // separate bandwidths and the profile keeps F16's, the form llama.cpp models are served in
  const [layerSeconds, secondsPerF16Byte, secondsPerF32Byte] = fitNonNegative(
    timings.map((t) => ({ x: [t.shape.blockCount, t.precision === "f16" ? t.decodeWeightBytes : 0, t.precision === "f32" ? t.decodeWeightBytes : 0], y: t.decodeSecondsPerToken })),
  ) as [number, number, number];
  const secondsPerByte = secondsPerF16Byte > 0 ? secondsPerF16Byte : secondsPerF32Byte;
  const effectiveBytesPerSecond = secondsPerByte > 0 ? 1 / secondsPerByte : all.bytesPerSecond;
  return {
    date: options.date,
    threads,
    logicalCpuCount: cores,
    totalMemoryBytes: totalmem(),
    bandwidth: { single, all },
    timings,
    matmul: { fp16FlopsPerSecond: peak("f16"), fp32FlopsPerSecond: peak("f32"), halfEfficiencyWidth: width },
    decode: { layerOverheadSeconds: layerSeconds, effectiveBytesPerSecond },
    wallSeconds: (performance.now() - started) / 1000,
  };
}

export const MACHINE_FAMILY = "local-cpu";
/** Stated assumptions where nothing can be measured from inside the machine. */
export const ASSUMED_TDP_WATTS = 100;
export const ASSUMED_USD_PER_HOUR = 0.1;
const METHOD_URL = "https://github.com/ggml-org/llama.cpp";

/** The CPU vendor as the accelerator schema names it (the schema has no generic vendor; ARM Linux reads as amd). */
function cpuVendor(): Accelerator["vendor"] {
  const model = cpus()[0]?.model ?? "";
  if (/intel/i.test(model)) return "intel";
  if (platform() === "darwin") return "apple";
  return "amd";
}

/** The machine as an accelerator row (kind cpu, family local-cpu): measured llama.cpp rates, stated assumptions for TDP and price. */
export function machineAccelerator(m: MachineMeasurement, name: string): Accelerator {
  const note = `measured by costcurve machine on ${m.date} (${m.threads} llama.cpp thread(s) of ${m.logicalCpuCount}); denseFlopsPerSecond is llama.cpp's GEMM rate extrapolated to infinite width, not a datasheet peak`;
  return {
    id: `machine-${name}`,
    name: `this machine (${name})`,
    vendor: cpuVendor(),
    kind: "cpu",
    family: MACHINE_FAMILY,
    releaseDate: m.date,
    denseFlopsPerSecond: { fp16: m.matmul.fp16FlopsPerSecond, fp32: m.matmul.fp32FlopsPerSecond },
    memoryBytes: m.totalMemoryBytes,
    memoryBandwidthBytesPerSecond: m.bandwidth.all.bytesPerSecond,
    scaleUp: { name: "none (single host)", bandwidthBytesPerSecond: m.bandwidth.all.bytesPerSecond, latencySeconds: 0, domainSize: 1 },
    scaleOut: null,
    tdpWatts: ASSUMED_TDP_WATTS,
    rental: [
      { kind: "on-demand", usdPerHour: ASSUMED_USD_PER_HOUR, provider: "assumed", date: m.date, source: { url: METHOD_URL, retrievedDate: m.date, note: `assumption: ${ASSUMED_USD_PER_HOUR} USD/hour for a 2-vCPU cloud VM; not measured` } },
    ],
    sources: [{ url: METHOD_URL, retrievedDate: m.date, note: `${note}; TDP ${ASSUMED_TDP_WATTS} W is an assumption, not measured` }],
  };
}

/** The efficiency profile (family local-cpu, engine llamacpp) that turns the row's rates into llama.cpp's speeds. */
export function machineProfile(m: MachineMeasurement, name: string): EfficiencyProfile {
  const bandwidthFraction = Math.min(1, m.decode.effectiveBytesPerSecond / m.bandwidth.all.bytesPerSecond);
  return {
    id: `machine-${name}`,
    family: MACHINE_FAMILY,
    engine: "llamacpp",
    version: m.date,
    // the row's rates are already llama.cpp's achieved rates
    computeFraction: 1,
    computeFractionByFormat: {},
    expertGemmFraction: 1,
    attentionComputeFraction: 1,
    bandwidthFraction,
    attentionBandwidthFraction: bandwidthFraction,
    linkBandwidthFraction: 1,
    gemmHalfEfficiencyTokens: 0,
    gemmHalfEfficiencyWidth: m.matmul.halfEfficiencyWidth,
    stepOverheadSeconds: 0,
    layerOverheadSeconds: m.decode.layerOverheadSeconds,
    sequenceOverheadSeconds: 0,
    maxBatchSequences: 4,
    memoryUtilizationFraction: 0.9,
    runtimeReserveBytes: 0.5 * GB,
    maxBatchedTokens: 2048,
    mixedBatching: false,
    tpotTail99Ratio: 1.2,
    powerDrawFraction: 0.6,
    source: { url: METHOD_URL, retrievedDate: m.date, note: `measured by costcurve machine on ${m.date}` },
    fit: `decode: layers x ${(m.decode.layerOverheadSeconds * 1e3).toFixed(3)} ms + weight bytes / ${(m.decode.effectiveBytesPerSecond / 1e9).toFixed(2)} GB/s over ${m.timings.length} models; GEMM half-efficiency width ${m.matmul.halfEfficiencyWidth.toFixed(0)}`,
  };
}

/** What `costcurve machine --save NAME` stores as calibration profile "machine-NAME". */
export const StoredMachine = z.object({
  kind: z.literal("machine"),
  accelerator: Accelerator,
  profile: EfficiencyProfile,
  measurement: z.unknown(),
});
export type StoredMachine = z.infer<typeof StoredMachine>;
