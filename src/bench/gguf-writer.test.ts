import { expect, test } from "vitest";
import { encodeGguf, encodeTensor, float32ToFloat16Bits } from "./gguf-writer.js";
import { buildVocabulary } from "./gguf-model.js";

test("float16 conversion", () => {
  // IEEE binary16: 1 = 0x3c00, -2 = 0xc000, 65504 (max) = 0x7bff, 2^-24 (smallest subnormal) = 0x0001
  expect(float32ToFloat16Bits(1)).toBe(0x3c00);
  expect(float32ToFloat16Bits(-2)).toBe(0xc000);
  expect(float32ToFloat16Bits(65504)).toBe(0x7bff);
  expect(float32ToFloat16Bits(2 ** -24)).toBe(0x0001);
  expect(float32ToFloat16Bits(1e6)).toBe(0x7c00);
  expect(float32ToFloat16Bits(0)).toBe(0);
});

test("q8_0 block: f16 scale amax/127 then 32 int8", () => {
  // values 0..31 scaled so amax = 127: d = 1 (0x3c00), quants = 0, 4.1, ... -> round(i * 127 / 31)
  const values = Float32Array.from({ length: 32 }, (_, i) => (i * 127) / 31);
  const block = encodeTensor(values, "q8_0");
  expect(block.length).toBe(34);
  expect(block.readUInt16LE(0)).toBe(0x3c00);
  expect(block.readInt8(2 + 31)).toBe(127);
  expect(block.readInt8(2 + 1)).toBe(Math.round(127 / 31));
});

test("header, metadata and 32-byte aligned tensor data", () => {
  const bytes = encodeGguf({ "general.architecture": { kind: "string", value: "llama" } }, [
    { name: "a", dims: [3], precision: "f32", values: new Float32Array([1, 2, 3]) },
    { name: "b", dims: [2], precision: "f16", values: new Float32Array([1, -2]) },
  ]);
  expect(bytes.subarray(0, 4).toString("ascii")).toBe("GGUF");
  expect(bytes.readUInt32LE(4)).toBe(3);
  expect(bytes.readBigUInt64LE(8)).toBe(2n);
  expect(bytes.readBigUInt64LE(16)).toBe(1n);
  // data: tensor a (12 bytes) padded to 32, then b (4 bytes) padded to 32 -> 64 bytes, ending the file
  expect(bytes.length % 32).toBe(0);
  const dataStart = bytes.length - 64;
  expect(bytes.readFloatLE(dataStart + 8)).toBe(3);
  expect(bytes.readUInt16LE(dataStart + 32 + 2)).toBe(0xc000);
});

test("vocabulary holds every prefix of each word piece", () => {
  const v = buildVocabulary();
  const set = new Set(v.tokens);
  for (const piece of ["▁t", "▁th", "▁the", "▁house"]) expect(set.has(piece)).toBe(true);
  expect(v.tokens.length).toBe(set.size);
});
