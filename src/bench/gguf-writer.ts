/**
 * A GGUF v3 writer for tiny random-weight llama-architecture models, written from the format's
 * specification (header, metadata key/values, tensor infos, aligned tensor data).
 */
import { writeFileSync } from "node:fs";

/** GGUF metadata value types (gguf.md: GGUF_METADATA_VALUE_TYPE). */
const ValueType = { UINT32: 4, INT32: 5, FLOAT32: 6, BOOL: 7, STRING: 8, ARRAY: 9, UINT64: 10 } as const;
/** ggml tensor types used here (ggml.h: GGML_TYPE_F32 = 0, F16 = 1, Q8_0 = 8). */
export const TENSOR_TYPE = { f32: 0, f16: 1, q8_0: 8 } as const;
export type TensorPrecision = keyof typeof TENSOR_TYPE;
/** general.file_type: ALL_F32 = 0, MOSTLY_F16 = 1, MOSTLY_Q8_0 = 7 (llama.h LLAMA_FTYPE_*). */
const FILE_TYPE: Record<TensorPrecision, number> = { f32: 0, f16: 1, q8_0: 7 };
const ALIGNMENT_BYTES = 32;
const Q8_0_BLOCK = 32;

export type MetaValue =
  | { kind: "u32"; value: number }
  | { kind: "i32"; value: number }
  | { kind: "f32"; value: number }
  | { kind: "bool"; value: boolean }
  | { kind: "string"; value: string }
  | { kind: "strings"; value: string[] }
  | { kind: "f32s"; value: number[] }
  | { kind: "i32s"; value: number[] };

export interface TensorSpec {
  name: string;
  /** ggml order: dims[0] is the contiguous (input) dimension. */
  dims: number[];
  precision: TensorPrecision;
  values: Float32Array;
}

class ByteSink {
  private chunks: Buffer[] = [];
  length = 0;
  push(buffer: Buffer): void {
    this.chunks.push(buffer);
    this.length += buffer.length;
  }
  u32(v: number): void {
    const b = Buffer.alloc(4);
    b.writeUInt32LE(v);
    this.push(b);
  }
  i32(v: number): void {
    const b = Buffer.alloc(4);
    b.writeInt32LE(v);
    this.push(b);
  }
  u64(v: number): void {
    const b = Buffer.alloc(8);
    b.writeBigUInt64LE(BigInt(v));
    this.push(b);
  }
  f32(v: number): void {
    const b = Buffer.alloc(4);
    b.writeFloatLE(v);
    this.push(b);
  }
  str(s: string): void {
    const bytes = Buffer.from(s, "utf8");
    this.u64(bytes.length);
    this.push(bytes);
  }
  pad(alignment: number): void {
    const rem = this.length % alignment;
    if (rem !== 0) this.push(Buffer.alloc(alignment - rem));
  }
  concat(): Buffer {
    return Buffer.concat(this.chunks);
  }
}

function writeValue(sink: ByteSink, v: MetaValue): void {
  switch (v.kind) {
    case "u32":
      sink.u32(ValueType.UINT32);
      sink.u32(v.value);
      break;
    case "i32":
      sink.u32(ValueType.INT32);
      sink.i32(v.value);
      break;
    case "f32":
      sink.u32(ValueType.FLOAT32);
      sink.f32(v.value);
      break;
    case "bool":
      sink.u32(ValueType.BOOL);
      sink.push(Buffer.from([v.value ? 1 : 0]));
      break;
    case "string":
      sink.u32(ValueType.STRING);
      sink.str(v.value);
      break;
    case "strings":
      sink.u32(ValueType.ARRAY);
      sink.u32(ValueType.STRING);
      sink.u64(v.value.length);
      for (const s of v.value) sink.str(s);
      break;
    case "f32s":
      sink.u32(ValueType.ARRAY);
      sink.u32(ValueType.FLOAT32);
      sink.u64(v.value.length);
      for (const x of v.value) sink.f32(x);
      break;
    case "i32s":
      sink.u32(ValueType.ARRAY);
      sink.u32(ValueType.INT32);
      sink.u64(v.value.length);
      for (const x of v.value) sink.i32(x);
      break;
  }
}

const SCRATCH_F32 = new Float32Array(1);
const SCRATCH_U32 = new Uint32Array(SCRATCH_F32.buffer);

/** IEEE 754 binary32 to binary16 bits, round to nearest even (subnormals included). */
export function float32ToFloat16Bits(value: number): number {
  SCRATCH_F32[0] = value;
  return float32BitsToFloat16Bits(SCRATCH_U32[0]!);
}

/** The same conversion from the binary32 bit pattern (no allocation: 100M weights convert in seconds). */
function float32BitsToFloat16Bits(bits: number): number {
  const sign = (bits >>> 16) & 0x8000;
  const exp = (bits >>> 23) & 0xff;
  let mant = bits & 0x7fffff;
  if (exp === 0xff) return sign | 0x7c00 | (mant ? 0x200 : 0);
  let e = exp - 127 + 15;
  if (e >= 0x1f) return sign | 0x7c00;
  if (e <= 0) {
    if (e < -10) return sign;
    mant |= 0x800000;
    const shift = 14 - e;
    let half = mant >>> shift;
    const rest = mant & ((1 << shift) - 1);
    const mid = 1 << (shift - 1);
    if (rest > mid || (rest === mid && half & 1)) half++;
    return sign | half;
  }
  let half = (e << 10) | (mant >>> 13);
  const rest = mant & 0x1fff;
  if (rest > 0x1000 || (rest === 0x1000 && half & 1)) half++;
  e = half >>> 10;
  return sign | half;
}

/** Encodes values in a ggml tensor type: F32, F16, or Q8_0 blocks (f16 scale + 32 int8). */
export function encodeTensor(values: Float32Array, precision: TensorPrecision): Buffer {
  if (precision === "f32") return Buffer.from(values.buffer, values.byteOffset, values.byteLength);
  if (precision === "f16") {
    const bits = new Uint32Array(values.buffer, values.byteOffset, values.length);
    const half = new Uint16Array(values.length);
    for (let i = 0; i < values.length; i++) half[i] = float32BitsToFloat16Bits(bits[i]!);
    // Uint16Array is host-endian; every platform node-llama-cpp ships for is little-endian like GGUF
    return Buffer.from(half.buffer, half.byteOffset, half.byteLength);
  }
  if (values.length % Q8_0_BLOCK !== 0) throw new Error(`q8_0 needs a multiple of 32 values: ${values.length}`);
  const blocks = values.length / Q8_0_BLOCK;
  const out = Buffer.alloc(blocks * (2 + Q8_0_BLOCK));
  for (let b = 0; b < blocks; b++) {
    let amax = 0;
    for (let j = 0; j < Q8_0_BLOCK; j++) amax = Math.max(amax, Math.abs(values[b * Q8_0_BLOCK + j]!));
    const d = amax / 127;
    const inv = d === 0 ? 0 : 1 / d;
    const base = b * (2 + Q8_0_BLOCK);
    out.writeUInt16LE(float32ToFloat16Bits(d), base);
    for (let j = 0; j < Q8_0_BLOCK; j++) out.writeInt8(Math.round(values[b * Q8_0_BLOCK + j]! * inv), base + 2 + j);
  }
  return out;
}

/** Serializes a GGUF v3 file: header, metadata, tensor infos, then 32-byte aligned tensor data. */
export function encodeGguf(metadata: Record<string, MetaValue>, tensors: TensorSpec[]): Buffer {
  const sink = new ByteSink();
  sink.push(Buffer.from("GGUF", "ascii"));
  sink.u32(3);
  sink.u64(tensors.length);
  const entries = Object.entries(metadata);
  sink.u64(entries.length);
  for (const [key, value] of entries) {
    sink.str(key);
    writeValue(sink, value);
  }
  const blobs = tensors.map((t) => encodeTensor(t.values, t.precision));
  let offset = 0;
  tensors.forEach((t, i) => {
    sink.str(t.name);
    sink.u32(t.dims.length);
    for (const d of t.dims) sink.u64(d);
    sink.u32(TENSOR_TYPE[t.precision]);
    sink.u64(offset);
    offset += blobs[i]!.length;
    offset += (ALIGNMENT_BYTES - (offset % ALIGNMENT_BYTES)) % ALIGNMENT_BYTES;
  });
  sink.pad(ALIGNMENT_BYTES);
  for (const blob of blobs) {
    sink.push(blob);
    sink.pad(ALIGNMENT_BYTES);
  }
  return sink.concat();
}

export { FILE_TYPE };

/** Writes a GGUF file to disk and returns its size in bytes. */
export function writeGguf(path: string, metadata: Record<string, MetaValue>, tensors: TensorSpec[]): number {
  const bytes = encodeGguf(metadata, tensors);
  writeFileSync(path, bytes);
  return bytes.length;
}
