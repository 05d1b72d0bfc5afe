// Number formats: storage bits per weight (GGUF blocks included) and the compute format tensor cores run.
import { z } from "zod";

/** Number formats a tensor can be stored in, including GGUF block formats. */
export const Precision = z.enum(["fp32", "tf32", "bf16", "fp16", "fp8", "int8", "fp4", "int4", "q2_k", "q3_k_s", "q3_k_m", "q4_0", "q4_1", "q4_k_s", "q4_k_m", "q5_0", "q5_1", "q5_k_s", "q5_k_m", "q6_k", "q8_0"]);
export type Precision = z.infer<typeof Precision>;

/** Formats tensor cores (or SIMD units) execute natively: the keys of an accelerator's peak table. */
export const ComputePrecision = z.enum(["fp32", "tf32", "bf16", "fp16", "fp8", "int8", "fp4", "int4"]);
export type ComputePrecision = z.infer<typeof ComputePrecision>;

/**
 * Storage bits per weight. GGUF block formats carry per-block scales, so q4_0 is 4.5 bits
 * (32 x 4-bit values + one fp16 scale = 18 bytes per 32 weights), q8_0 is 8.5 bits (34 bytes per 32).
 * K-quant mixes are the average bits per weight that llama.cpp's quantize tool reports for a Llama 7B.
 * Source: ggml-common.h block structs (block_q4_0, block_q8_0, block_q4_K ...) in ggml-org/llama.cpp;
 * k-quant averages from llama.cpp PR #1684 and examples/quantize/README.md.
 */
export const BITS_PER_WEIGHT: Record<Precision, number> = {
  fp32: 32,
  tf32: 32,
  bf16: 16,
  fp16: 16,
  fp8: 8,
  int8: 8,
  // fp4 and int4 in NVFP4/MXFP4/AWQ style carry one 8-bit scale per 16 values (NVFP4) or 32 (MXFP4): ~4.5 bits.
  fp4: 4.5,
  int4: 4.5,
  q2_k: 2.625,
  q3_k_s: 3.4375,
  q3_k_m: 3.91,
  q4_0: 4.5,
  q4_1: 5.0,
  q4_k_s: 4.58,
  q4_k_m: 4.89,
  q5_0: 5.5,
  q5_1: 6.0,
  q5_k_s: 5.54,
  q5_k_m: 5.69,
  q6_k: 6.5625,
  q8_0: 8.5,
};

/** Bytes per stored element of a tensor in the given format. */
export function bytesPerElement(precision: Precision): number {
  return BITS_PER_WEIGHT[precision] / 8;
}

/**
 * The format tensor cores run a matmul in, given the weight and activation formats: the wider of the two,
 * since weight-only quantization (GGUF blocks, W4A16) dequantizes to the activation format before the MMA.
 */
export function computePrecisionOf(weights: Precision, activations: Precision): ComputePrecision {
  const w = nativeFormat(weights);
  const a = nativeFormat(activations);
  return RANK[w] >= RANK[a] ? w : a;
}

const RANK: Record<ComputePrecision, number> = { fp4: 0, int4: 0, fp8: 1, int8: 1, fp16: 2, bf16: 2, tf32: 3, fp32: 4 };

function nativeFormat(precision: Precision): ComputePrecision {
  if ((ComputePrecision.options as readonly string[]).includes(precision)) return precision as ComputePrecision;
  // GGUF block formats: llama.cpp's CUDA/Metal kernels dequantize to fp16 (or use int8 dot products for
  // mmq), so the arithmetic rate is the fp16 one.
  return "fp16";
}

/**
 * Peak rate to use for a compute format, falling back to the nearest wider format the device supports
 * (fp8 on an A100 runs as fp16). Returns undefined when nothing at or above the format exists.
 */
export function peakFor(peaks: Partial<Record<ComputePrecision, number>>, precision: ComputePrecision): { precision: ComputePrecision; flopsPerSecond: number } | undefined {
  const order: ComputePrecision[] = ["fp4", "int4", "fp8", "int8", "bf16", "fp16", "tf32", "fp32"];
  const start = order.indexOf(precision);
  const sameRank = order.filter((p) => RANK[p] === RANK[precision]);
  for (const p of [precision, ...sameRank]) {
    const v = peaks[p];
    if (v !== undefined && v > 0) return { precision: p, flopsPerSecond: v };
  }
  for (const p of order.slice(start + 1)) {
    const v = peaks[p];
    if (v !== undefined && v > 0) return { precision: p, flopsPerSecond: v };
  }
  return undefined;
}
