// Operator latency models (seconds per call) with a physical form and few parameters per
// (system, framework, table). Fitted to NVIDIA AIConfigurator's measured kernel database by
// scripts/fit-kernels.mjs, or built from microbenchmark rates by profileFromRates.
// Pure: no I/O. Every function is a handful of flops, finite and positive for positive inputs,
// and monotone non-decreasing in tokens / m / context (sums, products and smooth maxima of
// non-decreasing terms with non-negative coefficients).

/**
 * Weight/activation format of a GEMM or MoE kernel. Mapping from AIConfigurator's dtype names:
 * bfloat16 -> bf16; fp8 (per-tensor scaled FP8 E4M3) -> fp8; fp8_block (128x128 block-scaled FP8,
 * DeepSeek style) -> fp8_block; nvfp4 -> nvfp4; int4_wo and w4a16_mxfp4 (4-bit weights, 16-bit
 * activations) -> int4. Not mapped: int8_wo, sq (SmoothQuant int8), A100 TensorRT-LLM only.
 */
export type KernelFormat = "bf16" | "fp8" | "fp8_block" | "nvfp4" | "int4";
export type KvFormat = "bf16" | "fp8";
export type Framework = "trtllm" | "vllm" | "sglang";

/** Weight, activation and output bytes per element for each format (scales included: nvfp4 one E4M3 scale per 16, int4 one bf16 scale per 128). */
export const FORMAT_BYTES: Record<KernelFormat, { weight: number; activation: number; output: number }> = {
  bf16: { weight: 2, activation: 2, output: 2 },
  fp8: { weight: 1, activation: 1, output: 2 },
  fp8_block: { weight: 1 + 4 / (128 * 128), activation: 1 + 4 / 128, output: 2 },
  nvfp4: { weight: 0.5 + 1 / 16, activation: 0.5 + 1 / 16, output: 2 },
  int4: { weight: 0.5 + 2 / 128, activation: 2, output: 2 },
};

export const KV_BYTES: Record<KvFormat, number> = { bf16: 2, fp8: 1 };

/** Which format stands in for a missing one, nearest first (same weight bytes, then wider). */
export const FORMAT_FALLBACKS: Record<KernelFormat, KernelFormat[]> = {
  bf16: ["fp8", "fp8_block", "nvfp4", "int4"],
  fp8: ["fp8_block", "bf16", "nvfp4", "int4"],
  fp8_block: ["fp8", "bf16", "nvfp4", "int4"],
  nvfp4: ["int4", "fp8", "fp8_block", "bf16"],
  int4: ["nvfp4", "fp8", "fp8_block", "bf16"],
};

/**
 * GEMM: t = launch + smax_q(C, M), C = 2(m+pM)(n+pN)(k+pK)/F + 2(k+pK)·serial/F (a floor of one
 * under-filled wave running the whole K loop), M = (wB·nk + aB·mk + oB·mn)/B.
 */
export interface GemmParams {
  launchSeconds: number;
  flopsPerSecond: number;
  memoryBytesPerSecond: number;
  paddingM: number;
  paddingN: number;
  paddingK: number;
  serialElementCount: number;
  sharpness: number;
}
export const GEMM_PARAM_KEYS = ["launchSeconds", "flopsPerSecond", "memoryBytesPerSecond", "paddingM", "paddingN", "paddingK", "serialElementCount", "sharpness"] as const;

/** Causal prefill: t = launch + perSeq·b + smax_q(4(d+d0)·b·h·(pairs + pad·s)/F, b·s·d·(4h + 2·hkv·kvB)/B). */
export interface ContextAttentionParams {
  launchSeconds: number;
  perSequenceSeconds: number;
  flopsPerSecond: number;
  headDimOverhead: number;
  paddingTokens: number;
  memoryBytesPerSecond: number;
  sharpness: number;
}
export const CONTEXT_ATTENTION_PARAM_KEYS = ["launchSeconds", "perSequenceSeconds", "flopsPerSecond", "headDimOverhead", "paddingTokens", "memoryBytesPerSecond", "sharpness"] as const;

/** Decode: t = launch + perSeq·b + smax_q(2d·kvB·(c+pad)·(b·hkv + par)/B, 4·b·h·d·(c+pad)/F); par = per-SM bandwidth floor when few heads. */
export interface GenerationAttentionParams {
  launchSeconds: number;
  perSequenceSeconds: number;
  memoryBytesPerSecond: number;
  flopsPerSecond: number;
  paddingTokens: number;
  parallelHeadCount: number;
  sharpness: number;
}
export const GENERATION_ATTENTION_PARAM_KEYS = ["launchSeconds", "perSequenceSeconds", "memoryBytesPerSecond", "flopsPerSecond", "paddingTokens", "parallelHeadCount", "sharpness"] as const;

/** MLA prefill: t = launch + smax_q(N·(a0 + a1·h) + P·h·a2, w0 + w1·h + N·r0); N = b·s tokens, P = b·s(s+1)/2 causal pairs. Coefficients in seconds per unit. */
export interface MlaContextParams {
  launchSeconds: number;
  tokenSeconds: number;
  tokenHeadSeconds: number;
  pairHeadSeconds: number;
  weightSeconds: number;
  weightHeadSeconds: number;
  tokenMemorySeconds: number;
  sharpness: number;
}
export const MLA_CONTEXT_PARAM_KEYS = ["launchSeconds", "tokenSeconds", "tokenHeadSeconds", "pairHeadSeconds", "weightSeconds", "weightHeadSeconds", "tokenMemorySeconds", "sharpness"] as const;

/** MLA decode: t = launch + smax_q(b·(c0 + c2·h) + b·h·(c+pad)·c1, w0 + w1·h + b·(c+pad)·m1); the latent KV is shared by all heads. */
export interface MlaGenerationParams {
  launchSeconds: number;
  tokenSeconds: number;
  tokenHeadSeconds: number;
  contextHeadSeconds: number;
  weightSeconds: number;
  weightHeadSeconds: number;
  contextMemorySeconds: number;
  paddingTokens: number;
  sharpness: number;
}
export const MLA_GENERATION_PARAM_KEYS = ["launchSeconds", "tokenSeconds", "tokenHeadSeconds", "contextHeadSeconds", "weightSeconds", "weightHeadSeconds", "contextMemorySeconds", "paddingTokens", "sharpness"] as const;

/** MLA variant: GEMM format of the projections and KV-cache format. */
export type MlaVariant = "bf16-kv-bf16" | "bf16-kv-fp8" | "fp8_block-kv-bf16" | "fp8_block-kv-fp8";

/** MoE grouped GEMM on one GPU: t = launch + perToken·T + smax_q(6H·I/tp·(routed + active·pad)/F, active·3H·I/tp·wB/B + routed·H·4/B). */
export interface MoeParams {
  launchSeconds: number;
  perTokenSeconds: number;
  flopsPerSecond: number;
  memoryBytesPerSecond: number;
  paddingTokens: number;
  sharpness: number;
}
export const MOE_PARAM_KEYS = ["launchSeconds", "perTokenSeconds", "flopsPerSecond", "memoryBytesPerSecond", "paddingTokens", "sharpness"] as const;

/** Collective: t = launch + hop·log2(n) + bytes·busFactor(n)/B (ring factors: all-reduce 2(n-1)/n, others (n-1)/n). */
export interface CollectiveParams {
  launchSeconds: number;
  hopSeconds: number;
  busBytesPerSecond: number;
}
export const COLLECTIVE_PARAM_KEYS = ["launchSeconds", "hopSeconds", "busBytesPerSecond"] as const;

/** Linear attention phase: t = launch + N·state·a + N·channels·c + b·state·s (state = recurrent state elements per token). */
export interface LinearAttentionParams {
  launchSeconds: number;
  tokenStateSeconds: number;
  tokenChannelSeconds: number;
  sequenceStateSeconds: number;
}
export const LINEAR_ATTENTION_PARAM_KEYS = ["launchSeconds", "tokenStateSeconds", "tokenChannelSeconds", "sequenceStateSeconds"] as const;

export type CollectiveOp = "all_reduce" | "all_gather" | "reduce_scatter" | "alltoall";

export interface OperatorProfile {
  system: string;
  acceleratorIds: string[];
  framework: Framework;
  version: string;
  source: { url: string; retrievedDate: string; note: string };
  /** "measured" (default): fitted to kernel tables; "microbenchmark": profileFromRates from achieved GEMM/bandwidth figures. */
  basis?: "measured" | "microbenchmark";
  gemm: Partial<Record<KernelFormat, GemmParams>>;
  contextAttention?: Partial<Record<KvFormat, ContextAttentionParams>>;
  generationAttention?: Partial<Record<KvFormat, GenerationAttentionParams>>;
  /** scope "module": whole MLA block incl. projections (DeepSeek-V3 shapes); "kernel": attention kernel only. */
  mla?: {
    scope: "module" | "kernel";
    context: Partial<Record<MlaVariant, MlaContextParams>>;
    generation: Partial<Record<MlaVariant, MlaGenerationParams>>;
  };
  moe?: Partial<Record<KernelFormat, MoeParams>>;
  /** Framework custom all-reduce (CUDA-graph variant), valid up to maxMessageBytes; NCCL beyond. */
  allReduce?: CollectiveParams & { maxMessageBytes: number };
  nccl?: Partial<Record<CollectiveOp, CollectiveParams>>;
  gdn?: { prefill: LinearAttentionParams; decode: LinearAttentionParams };
  mamba2?: { prefill: LinearAttentionParams; decode: LinearAttentionParams };
}

/** Smooth maximum (a^q + b^q)^(1/q) computed without overflow; q >= 1, equals max(a, b) as q grows. */
export function smoothMax(a: number, b: number, sharpness: number): number {
  const q = Math.max(1, sharpness);
  const hi = Math.max(a, b);
  if (hi <= 0) return 0;
  const lo = Math.min(a, b);
  return hi * smoothFactor(lo / hi, q);
}

// (1 + r^q)^(1/q) for r in [0, 1], tabulated per sharpness and interpolated linearly: two non-integer powers per
// operator were half of a step's time, and the table is within 4e-5 of the exact value (a profile has a few dozen
// sharpness values, so the tables stay small; an unseen one past the cap is computed exactly).
const FACTOR_STEPS = 512;
const FACTOR_TABLE_CAP = 4096;
const factorTables = new Map<number, Float64Array>();

function smoothFactor(r: number, q: number): number {
  let t = factorTables.get(q);
  if (t === undefined) {
    if (factorTables.size >= FACTOR_TABLE_CAP) return Math.pow(1 + Math.pow(r, q), 1 / q);
    t = new Float64Array(FACTOR_STEPS + 1);
    for (let i = 0; i <= FACTOR_STEPS; i++) t[i] = Math.pow(1 + Math.pow(i / FACTOR_STEPS, q), 1 / q);
    factorTables.set(q, t);
  }
  const x = r * FACTOR_STEPS;
  const i = x | 0;
  if (i >= FACTOR_STEPS) return t[FACTOR_STEPS]!;
  const lo = t[i]!;
  return lo + (t[i + 1]! - lo) * (x - i);
}

function pos(x: number): number {
  return x > 0 && Number.isFinite(x) ? x : x === Infinity ? Number.MAX_VALUE : 0;
}

/** The format whose parameters gemmSeconds uses: the requested one, else the first present in FORMAT_FALLBACKS. */
export function gemmFormatFor(p: OperatorProfile, format: KernelFormat): KernelFormat {
  if (p.gemm[format]) return format;
  for (const f of FORMAT_FALLBACKS[format]) if (p.gemm[f]) return f;
  throw new Error(`no GEMM parameters in profile: ${p.system}/${p.framework}`);
}

/** GEMM [m x k] x [k x n] latency in seconds (m = tokens); missing formats fall back per FORMAT_FALLBACKS. */
export function gemmSeconds(p: OperatorProfile, format: KernelFormat, m: number, n: number, k: number): number {
  const f = gemmFormatFor(p, format);
  return gemmSecondsWith(p.gemm[f]!, FORMAT_BYTES[f], m, n, k);
}

export function gemmSecondsWith(g: GemmParams, bytes: { weight: number; activation: number; output: number }, m: number, n: number, k: number): number {
  m = pos(m);
  n = pos(n);
  k = pos(k);
  const kk = k + g.paddingK;
  const compute = (2 * kk * ((m + g.paddingM) * (n + g.paddingN) + g.serialElementCount)) / g.flopsPerSecond;
  const memory = (bytes.weight * n * k + bytes.activation * m * k + bytes.output * m * n) / g.memoryBytesPerSecond;
  return g.launchSeconds + smoothMax(compute, memory, g.sharpness);
}

function kvParams<T>(table: Partial<Record<KvFormat, T>> | undefined, kv: KvFormat, what: string): T {
  const t = table?.[kv] ?? table?.[kv === "fp8" ? "bf16" : "fp8"];
  if (!t) throw new Error(`no ${what} parameters in profile`);
  return t;
}

/** Causal query-key pairs of one sequence of s tokens under an optional sliding window w. */
export function causalPairCount(s: number, windowTokens?: number): number {
  const w = windowTokens ?? 0;
  if (w > 0 && w < s) return s * w - (w * (w - 1)) / 2;
  return (s * (s + 1)) / 2;
}

export interface ContextAttentionInput {
  batchSize: number;
  inputTokens: number;
  headCount: number;
  kvHeadCount: number;
  headDim: number;
  kvFormat: KvFormat;
  windowTokens?: number;
}

/** Causal prefill attention over the whole prompt (per GPU heads), seconds. */
export function contextAttentionSeconds(p: OperatorProfile, x: ContextAttentionInput): number {
  return contextAttentionSecondsWith(kvParams(p.contextAttention, x.kvFormat, "context attention"), x);
}

export function contextAttentionSecondsWith(a: ContextAttentionParams, x: ContextAttentionInput): number {
  const b = pos(x.batchSize),
    s = pos(x.inputTokens),
    h = pos(x.headCount),
    hkv = pos(x.kvHeadCount),
    d = pos(x.headDim);
  const pairs = causalPairCount(s, x.windowTokens);
  const compute = (4 * (d + a.headDimOverhead) * b * h * (pairs + a.paddingTokens * s)) / a.flopsPerSecond;
  const memory = (b * s * d * (4 * h + 2 * hkv * KV_BYTES[x.kvFormat])) / a.memoryBytesPerSecond;
  return a.launchSeconds + a.perSequenceSeconds * b + smoothMax(compute, memory, a.sharpness);
}

export interface GenerationAttentionInput {
  batchSize: number;
  contextTokens: number;
  headCount: number;
  kvHeadCount: number;
  headDim: number;
  kvFormat: KvFormat;
  windowTokens?: number;
}

/** Decode attention, one query token per sequence against contextTokens of KV cache, seconds. */
export function generationAttentionSeconds(p: OperatorProfile, x: GenerationAttentionInput): number {
  return generationAttentionSecondsWith(kvParams(p.generationAttention, x.kvFormat, "generation attention"), x);
}

export function generationAttentionSecondsWith(a: GenerationAttentionParams, x: GenerationAttentionInput): number {
  const b = pos(x.batchSize),
    h = pos(x.headCount),
    hkv = pos(x.kvHeadCount),
    d = pos(x.headDim);
  const w = x.windowTokens ?? 0;
  const c = (w > 0 ? Math.min(pos(x.contextTokens), w) : pos(x.contextTokens)) + a.paddingTokens;
  const memory = (2 * d * KV_BYTES[x.kvFormat] * c * (b * hkv + a.parallelHeadCount)) / a.memoryBytesPerSecond;
  const compute = (4 * b * h * d * c) / a.flopsPerSecond;
  return a.launchSeconds + a.perSequenceSeconds * b + smoothMax(memory, compute, a.sharpness);
}

function mlaParams<T>(table: Partial<Record<MlaVariant, T>> | undefined, gemm: "bf16" | "fp8_block", kv: KvFormat): T {
  const other = gemm === "bf16" ? "fp8_block" : "bf16";
  const okv: KvFormat = kv === "bf16" ? "fp8" : "bf16";
  const t = table?.[`${gemm}-kv-${kv}`] ?? table?.[`${other}-kv-${kv}`] ?? table?.[`${gemm}-kv-${okv}`] ?? table?.[`${other}-kv-${okv}`];
  if (!t) throw new Error("no MLA parameters in profile");
  return t;
}

/** gemmFormat: projection GEMM format of the module tables (default bf16); ignored for scope "kernel" beyond variant choice. */
export interface MlaContextInput {
  batchSize: number;
  inputTokens: number;
  headCount: number;
  kvFormat: KvFormat;
  gemmFormat?: "bf16" | "fp8_block";
}

/** MLA prefill (DeepSeek-style latent attention) for headCount heads per GPU, seconds; see profile.mla.scope. */
export function mlaContextSeconds(p: OperatorProfile, x: MlaContextInput): number {
  return mlaContextSecondsWith(mlaParams(p.mla?.context, x.gemmFormat ?? "bf16", x.kvFormat), x);
}

export function mlaContextSecondsWith(a: MlaContextParams, x: MlaContextInput): number {
  const b = pos(x.batchSize),
    s = pos(x.inputTokens),
    h = pos(x.headCount);
  const tokens = b * s,
    pairs = (b * s * (s + 1)) / 2;
  const compute = tokens * (a.tokenSeconds + a.tokenHeadSeconds * h) + pairs * h * a.pairHeadSeconds;
  const memory = a.weightSeconds + a.weightHeadSeconds * h + tokens * a.tokenMemorySeconds;
  return a.launchSeconds + smoothMax(compute, memory, a.sharpness);
}

export interface MlaGenerationInput {
  batchSize: number;
  contextTokens: number;
  headCount: number;
  kvFormat: KvFormat;
  gemmFormat?: "bf16" | "fp8_block";
}

/** MLA decode step (one token per sequence) for headCount heads per GPU, seconds. */
export function mlaGenerationSeconds(p: OperatorProfile, x: MlaGenerationInput): number {
  return mlaGenerationSecondsWith(mlaParams(p.mla?.generation, x.gemmFormat ?? "bf16", x.kvFormat), x);
}

export function mlaGenerationSecondsWith(a: MlaGenerationParams, x: MlaGenerationInput): number {
  const b = pos(x.batchSize),
    h = pos(x.headCount),
    c = pos(x.contextTokens) + a.paddingTokens;
  const compute = b * (a.tokenSeconds + a.tokenHeadSeconds * h) + b * h * c * a.contextHeadSeconds;
  const memory = a.weightSeconds + a.weightHeadSeconds * h + b * c * a.contextMemorySeconds;
  return a.launchSeconds + smoothMax(compute, memory, a.sharpness);
}

export interface MoeInput {
  tokenCount: number;
  hiddenSize: number;
  intermediateSize: number;
  topK: number;
  expertCount: number;
  tpSize: number;
  epSize: number;
}

/** Expected experts on one GPU that receive at least one of tokenCount·topK balanced picks. */
export function activeLocalExpertCount(x: MoeInput): number {
  const e = Math.max(1, pos(x.expertCount));
  const picks = pos(x.tokenCount) * pos(x.topK);
  return (e / Math.max(1, pos(x.epSize))) * (1 - Math.pow(1 - 1 / e, picks));
}

/** MoE expert grouped GEMMs (gated: gate, up, down) on one GPU under balanced routing, seconds; falls back per FORMAT_FALLBACKS. */
export function moeSeconds(p: OperatorProfile, format: KernelFormat, x: MoeInput): number {
  const table = p.moe;
  const f: KernelFormat | undefined = table?.[format] ? format : FORMAT_FALLBACKS[format].find((g) => table?.[g]);
  if (!f || !table) throw new Error(`no MoE parameters in profile: ${p.system}/${p.framework}`);
  return moeSecondsWith(table[f]!, FORMAT_BYTES[f].weight, x);
}

export function moeSecondsWith(a: MoeParams, weightBytes: number, x: MoeInput): number {
  const t = pos(x.tokenCount),
    hsz = pos(x.hiddenSize);
  const inter = pos(x.intermediateSize) / Math.max(1, pos(x.tpSize));
  const routed = (t * pos(x.topK)) / Math.max(1, pos(x.epSize));
  const active = activeLocalExpertCount(x);
  const compute = (6 * hsz * inter * (routed + active * a.paddingTokens)) / a.flopsPerSecond;
  const memory = (active * 3 * hsz * inter * weightBytes + routed * hsz * 4) / a.memoryBytesPerSecond;
  return a.launchSeconds + a.perTokenSeconds * t + smoothMax(compute, memory, a.sharpness);
}

/** Ring bus factor: bytes each GPU moves per message byte. */
export function busFactor(op: CollectiveOp, gpuCount: number): number {
  const n = Math.max(1, gpuCount);
  return op === "all_reduce" ? (2 * (n - 1)) / n : (n - 1) / n;
}

export function collectiveSecondsWith(c: CollectiveParams, op: CollectiveOp, messageBytes: number, gpuCount: number): number {
  const n = Math.max(1, pos(gpuCount));
  if (n <= 1) return 0;
  return c.launchSeconds + c.hopSeconds * Math.log2(n) + (pos(messageBytes) * busFactor(op, n)) / c.busBytesPerSecond;
}

/** NCCL collective over gpuCount GPUs of a messageBytes buffer (the full tensor), seconds; 0 for one GPU. */
export function collectiveSeconds(p: OperatorProfile, op: CollectiveOp, x: { messageBytes: number; gpuCount: number }): number {
  const c = p.nccl?.[op] ?? p.nccl?.all_reduce;
  if (!c) {
    if (op === "all_reduce" && p.allReduce) return collectiveSecondsWith(p.allReduce, op, x.messageBytes, x.gpuCount);
    throw new Error(`no collective parameters in profile: ${p.system}/${p.framework}`);
  }
  return collectiveSecondsWith(c, op, x.messageBytes, x.gpuCount);
}

/** Tensor-parallel all-reduce, seconds: the faster of the framework's custom kernel (within its size limit) and NCCL. */
export function allReduceSeconds(p: OperatorProfile, x: { messageBytes: number; gpuCount: number }): number {
  const nccl = p.nccl?.all_reduce ? collectiveSecondsWith(p.nccl.all_reduce, "all_reduce", x.messageBytes, x.gpuCount) : Infinity;
  const custom = p.allReduce && (x.messageBytes <= p.allReduce.maxMessageBytes || nccl === Infinity) ? collectiveSecondsWith(p.allReduce, "all_reduce", x.messageBytes, x.gpuCount) : Infinity;
  const t = Math.min(nccl, custom);
  if (t === Infinity) throw new Error(`no all-reduce parameters in profile: ${p.system}/${p.framework}`);
  return t;
}

export function linearAttentionSecondsWith(a: LinearAttentionParams, batchSize: number, tokenCount: number, stateElementCount: number, channelCount: number): number {
  const b = pos(batchSize),
    n = pos(tokenCount),
    st = pos(stateElementCount);
  return a.launchSeconds + n * (st * a.tokenStateSeconds + pos(channelCount) * a.tokenChannelSeconds) + b * st * a.sequenceStateSeconds;
}

/** seqTokens: prompt tokens per sequence in prefill, ignored (1) in decode. Heads per GPU. */
export interface GdnInput {
  phase: "prefill" | "decode";
  batchSize: number;
  seqTokens: number;
  kHeadCount: number;
  vHeadCount: number;
  headKDim: number;
  headVDim: number;
}

/** Gated DeltaNet layer core (causal conv1d + delta-rule recurrence), seconds. */
export function gdnSeconds(p: OperatorProfile, x: GdnInput): number {
  if (!p.gdn) throw new Error(`no GDN parameters in profile: ${p.system}/${p.framework}`);
  const tokens = x.phase === "decode" ? x.batchSize : x.batchSize * x.seqTokens;
  const state = x.vHeadCount * x.headKDim * x.headVDim;
  const channels = 2 * x.kHeadCount * x.headKDim + x.vHeadCount * x.headVDim;
  return linearAttentionSecondsWith(x.phase === "decode" ? p.gdn.decode : p.gdn.prefill, x.batchSize, tokens, state, channels);
}

/** Heads per GPU; groupCount = n_groups of B/C. */
export interface Mamba2Input {
  phase: "prefill" | "decode";
  batchSize: number;
  seqTokens: number;
  headCount: number;
  headDim: number;
  stateDim: number;
  groupCount: number;
}

/** Mamba2 mixer kernels as measured by AIConfigurator (causal conv1d over x, B, C), seconds. */
export function mamba2Seconds(p: OperatorProfile, x: Mamba2Input): number {
  if (!p.mamba2) throw new Error(`no Mamba2 parameters in profile: ${p.system}/${p.framework}`);
  const tokens = x.phase === "decode" ? x.batchSize : x.batchSize * x.seqTokens;
  const state = x.headCount * x.headDim * x.stateDim;
  const channels = x.headCount * x.headDim + 2 * x.groupCount * x.stateDim;
  return linearAttentionSecondsWith(x.phase === "decode" ? p.mamba2.decode : p.mamba2.prefill, x.batchSize, tokens, state, channels);
}

export interface ProfileRates {
  system: string;
  acceleratorIds: string[];
  framework: Framework;
  version: string;
  source: { url: string; retrievedDate: string; note: string };
  /** Achieved dense GEMM rate per supported format (absent = unsupported). */
  gemmFlopsPerSecondByFormat: Partial<Record<KernelFormat, number>>;
  memoryBytesPerSecond: number;
  launchSeconds: number;
  /** Attention kernel rate as a fraction of the bf16 GEMM rate; default 0.6 (FlashAttention-2 class). */
  attentionFlopsFraction?: number;
  /** Achieved all-reduce bus bandwidth and latency between GPUs, if multi-GPU. */
  allReduceBusBytesPerSecond?: number;
  allReduceLatencySeconds?: number;
}

/** OperatorProfile from microbenchmark rates (hardware without kernel tables): the same forms with generic tile padding. */
export function profileFromRates(r: ProfileRates): OperatorProfile {
  const bw = r.memoryBytesPerSecond,
    t0 = r.launchSeconds;
  const gemm: Partial<Record<KernelFormat, GemmParams>> = {};
  for (const [f, rate] of Object.entries(r.gemmFlopsPerSecondByFormat) as [KernelFormat, number | undefined][]) {
    if (!rate || !(rate > 0)) continue;
    gemm[f] = { launchSeconds: t0, flopsPerSecond: rate, memoryBytesPerSecond: bw, paddingM: 32, paddingN: 32, paddingK: 32, serialElementCount: 128 * 128, sharpness: 4 };
  }
  const bf16 = r.gemmFlopsPerSecondByFormat.bf16 ?? Math.max(...Object.values(r.gemmFlopsPerSecondByFormat).map((v) => v ?? 0));
  if (!(bf16 > 0)) throw new Error(`gemmFlopsPerSecondByFormat: no positive rate for ${r.system}`);
  const attnRate = bf16 * (r.attentionFlopsFraction ?? 0.6);
  const ctx: ContextAttentionParams = { launchSeconds: t0, perSequenceSeconds: 0, flopsPerSecond: attnRate, headDimOverhead: 16, paddingTokens: 64, memoryBytesPerSecond: bw, sharpness: 4 };
  const gen: GenerationAttentionParams = { launchSeconds: t0, perSequenceSeconds: 0, memoryBytesPerSecond: bw, flopsPerSecond: attnRate, paddingTokens: 16, parallelHeadCount: 8, sharpness: 4 };
  const moe: Partial<Record<KernelFormat, MoeParams>> = {};
  for (const [f, g] of Object.entries(gemm) as [KernelFormat, GemmParams][]) {
    moe[f] = { launchSeconds: 2 * t0, perTokenSeconds: 0, flopsPerSecond: g.flopsPerSecond * 0.7, memoryBytesPerSecond: bw, paddingTokens: 32, sharpness: 4 };
  }
  const profile: OperatorProfile = {
    system: r.system,
    acceleratorIds: r.acceleratorIds,
    framework: r.framework,
    version: r.version,
    source: r.source,
    basis: "microbenchmark",
    gemm,
    contextAttention: { bf16: ctx, fp8: ctx },
    generationAttention: { bf16: gen, fp8: gen },
    moe,
  };
  if (r.allReduceBusBytesPerSecond && r.allReduceBusBytesPerSecond > 0) {
    profile.allReduce = { launchSeconds: r.allReduceLatencySeconds ?? 10e-6, hopSeconds: 0, busBytesPerSecond: r.allReduceBusBytesPerSecond, maxMessageBytes: Infinity };
  }
  return profile;
}
