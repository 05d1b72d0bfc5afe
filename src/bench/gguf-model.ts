/**
 * Builds small random-weight llama-architecture GGUF model with a SentencePiece-style vocabulary in
 * which every word of WORDS (after a space) is exactly one token.
 */
import { existsSync, mkdirSync, renameSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { WORDS } from "./words.js";
import { FILE_TYPE, type MetaValue, type TensorPrecision, type TensorSpec, writeGguf } from "./gguf-writer.js";
import { seededRandom } from "./rng.js";

export interface TinyModelShape {
  embeddingLength: number;
  blockCount: number;
  headCount: number;
  headCountKv: number;
  feedForwardLength: number;
  contextLength: number;
}

export const TINY_SHAPE: TinyModelShape = {
  embeddingLength: 64,
  blockCount: 2,
  headCount: 4,
  headCountKv: 2,
  feedForwardLength: 128,
  contextLength: 4096,
};

/** Chat template stored in the file; llama-server.ts renders the same format itself. */
export const CHAT_TEMPLATE = "{% for message in messages %}<|{{ message.role }}|>\n{{ message.content }}</s>\n{% endfor %}" + "{% if add_generation_prompt %}<|assistant|>\n{% endif %}";

/** token_type values (llama.cpp LLAMA_TOKEN_TYPE_*): normal 1, unknown 2, control 3, byte 6. */
const NORMAL = 1;
const UNKNOWN = 2;
const CONTROL = 3;
const BYTE = 6;

export interface Vocabulary {
  tokens: string[];
  scores: number[];
  types: number[];
  /** Index of the first ordinary (non-special, non-byte) token. */
  firstNormalToken: number;
}

/** SPM vocabulary: <unk>, <s>, </s>, 256 byte tokens, single characters, then every prefix of each "▁word". */
export function buildVocabulary(): Vocabulary {
  const tokens = ["<unk>", "<s>", "</s>"];
  const types = [UNKNOWN, CONTROL, CONTROL];
  for (let b = 0; b < 256; b++) {
    tokens.push(`<0x${b.toString(16).toUpperCase().padStart(2, "0")}>`);
    types.push(BYTE);
  }
  const firstNormalToken = tokens.length;
  const pieces = new Set<string>();
  const chars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.,:;!?'\"()[]{}<>|/-_=+*&%$#@\n\t";
  for (const c of chars) pieces.add(c);
  pieces.add("▁");
  for (const word of WORDS) {
    const piece = `▁${word}`;
    for (let n = 2; n <= piece.length; n++) pieces.add(piece.slice(0, n));
  }
  const scores = tokens.map(() => 0);
  for (const piece of pieces) {
    tokens.push(piece);
    types.push(NORMAL);
    // longer pieces win merges, so each "▁word" ends up as one token
    scores.push(-100 + piece.length);
  }
  return { tokens, scores, types, firstNormalToken };
}

function randomMatrix(count: number, scale: number, random: () => number): Float32Array {
  const out = new Float32Array(count);
  for (let i = 0; i < count; i++) out[i] = (random() * 2 - 1) * scale;
  return out;
}

/** Writes the model and returns its path; output rows of special and byte tokens are zero so greedy decoding emits words. */
export function writeTinyModel(path: string, precision: TensorPrecision = "f16", shape: TinyModelShape = TINY_SHAPE, seed = 1): string {
  const vocab = buildVocabulary();
  const random = seededRandom(seed);
  const n = shape.embeddingLength;
  const kv = (n / shape.headCount) * shape.headCountKv;
  const v = vocab.tokens.length;
  const ff = shape.feedForwardLength;
  const tensors: TensorSpec[] = [];
  const add = (name: string, dims: number[], values: Float32Array, p: TensorPrecision = precision): void => {
    tensors.push({ name, dims, values, precision: p });
  };
  const ones = (count: number): Float32Array => new Float32Array(count).fill(1);
  add("token_embd.weight", [n, v], randomMatrix(n * v, 1, random));
  for (let b = 0; b < shape.blockCount; b++) {
    add(`blk.${b}.attn_norm.weight`, [n], ones(n), "f32");
    add(`blk.${b}.attn_q.weight`, [n, n], randomMatrix(n * n, 0.2, random));
    add(`blk.${b}.attn_k.weight`, [n, kv], randomMatrix(n * kv, 0.2, random));
    add(`blk.${b}.attn_v.weight`, [n, kv], randomMatrix(n * kv, 0.2, random));
    add(`blk.${b}.attn_output.weight`, [n, n], randomMatrix(n * n, 0.2, random));
    add(`blk.${b}.ffn_norm.weight`, [n], ones(n), "f32");
    add(`blk.${b}.ffn_gate.weight`, [n, ff], randomMatrix(n * ff, 0.2, random));
    add(`blk.${b}.ffn_up.weight`, [n, ff], randomMatrix(n * ff, 0.2, random));
    add(`blk.${b}.ffn_down.weight`, [ff, n], randomMatrix(ff * n, 0.2, random));
  }
  add("output_norm.weight", [n], ones(n), "f32");
  const output = randomMatrix(n * v, 0.5, random);
  output.fill(0, 0, n * vocab.firstNormalToken);
  add("output.weight", [n, v], output);

  const u32 = (value: number): MetaValue => ({ kind: "u32", value });
  const metadata: Record<string, MetaValue> = {
    "general.architecture": { kind: "string", value: "llama" },
    "general.name": { kind: "string", value: "costcurve-tiny-random" },
    "general.file_type": u32(FILE_TYPE[precision]),
    "general.alignment": u32(32),
    "llama.context_length": u32(shape.contextLength),
    "llama.embedding_length": u32(n),
    "llama.block_count": u32(shape.blockCount),
    "llama.feed_forward_length": u32(ff),
    "llama.attention.head_count": u32(shape.headCount),
    "llama.attention.head_count_kv": u32(shape.headCountKv),
    "llama.rope.dimension_count": u32(n / shape.headCount),
    "llama.attention.layer_norm_rms_epsilon": { kind: "f32", value: 1e-5 },
    "llama.vocab_size": u32(v),
    "tokenizer.ggml.model": { kind: "string", value: "llama" },
    "tokenizer.ggml.tokens": { kind: "strings", value: vocab.tokens },
    "tokenizer.ggml.scores": { kind: "f32s", value: vocab.scores },
    "tokenizer.ggml.token_type": { kind: "i32s", value: vocab.types },
    "tokenizer.ggml.unknown_token_id": u32(0),
    "tokenizer.ggml.bos_token_id": u32(1),
    "tokenizer.ggml.eos_token_id": u32(2),
    "tokenizer.ggml.add_bos_token": { kind: "bool", value: true },
    "tokenizer.ggml.add_eos_token": { kind: "bool", value: false },
    "tokenizer.chat_template": { kind: "string", value: CHAT_TEMPLATE },
  };
  writeGguf(path, metadata, tensors);
  return path;
}

/** Path of a cached tiny model in the OS temp dir (written once per precision and seed). */
export function tinyModelPath(precision: TensorPrecision = "f16", seed = 1): string {
  return cachedModelPath(precision, TINY_SHAPE, seed, "tiny");
}

/** Path of a cached generated model of any shape in the OS temp dir (written once per shape, precision and seed). */
export function cachedModelPath(precision: TensorPrecision, shape: TinyModelShape, seed = 1, name = "gen"): string {
  const dir = join(tmpdir(), "costcurve-test-models");
  mkdirSync(dir, { recursive: true });
  const key = name === "tiny" ? "" : `-h${shape.embeddingLength}-l${shape.blockCount}-a${shape.headCount}-k${shape.headCountKv}-f${shape.feedForwardLength}`;
  const path = join(dir, `${name}${key}-${precision}-s${seed}-v1.gguf`);
  if (existsSync(path)) return path;
  const temporary = `${path}.tmp-${process.pid}`;
  writeTinyModel(temporary, precision, shape, seed);
  // rename is atomic: concurrent test files never read a half-written model
  renameSync(temporary, path);
  return path;
}
