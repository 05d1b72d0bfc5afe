/** Benchmark datasets: synthetic random prompts, ShareGPT conversations, or a JSONL of prompts. */
import { readFileSync } from "node:fs";
import { z } from "zod";
import { seededRandom, shuffled } from "./rng.js";
import { WORDS } from "./words.js";

export interface Prompt {
  text: string;
  /** Input token count used only when the server reports no usage (an estimate). */
  inputTokensEstimate: number;
  /** max_tokens sent with the request. */
  outputTokens: number;
}

export type DatasetSpec =
  | { kind: "random"; inputTokens: number; outputTokens: number; spreadFraction: number; prefixTokens?: number }
  | { kind: "sharegpt"; path: string; outputTokens: number | null }
  | { kind: "jsonl"; path: string; outputTokens: number | null };

/** Result of parsing a --dataset string: a spec, or a message naming the field and allowed values. */
export type ParsedDataset = { ok: true; value: DatasetSpec } | { ok: false; message: string };

/** Parses "random:input=1000,output=200[,spread=F]", "sharegpt:FILE" or "jsonl:FILE". */
export function parseDatasetSpec(text: string): ParsedDataset {
  const colon = text.indexOf(":");
  const kind = colon === -1 ? text : text.slice(0, colon);
  const rest = colon === -1 ? "" : text.slice(colon + 1);
  if (kind === "sharegpt" || kind === "jsonl") {
    if (rest === "") return { ok: false, message: `--dataset ${kind}: needs a file, e.g. ${kind}:data.jsonl` };
    return { ok: true, value: { kind, path: rest, outputTokens: null } };
  }
  if (kind !== "random") return { ok: false, message: `--dataset: unknown kind "${kind}"; allowed: random:input=N,output=N[,spread=F][,prefix=N], sharegpt:FILE, jsonl:FILE` };
  const fields: Record<string, number> = { input: 1000, output: 200, spread: 0, prefix: 0 };
  for (const part of rest.split(",").filter((p) => p !== "")) {
    const [key, value] = part.split("=");
    if (key === undefined || !(key in fields) || value === undefined) {
      return { ok: false, message: `--dataset random: unknown field "${part}"; allowed: input=N, output=N, spread=F (0-1), prefix=N (tokens shared by every prompt)` };
    }
    const n = Number(value);
    const valid = key === "spread" ? n >= 0 && n < 1 : Number.isInteger(n) && n >= (key === "prefix" ? 0 : 1);
    if (!Number.isFinite(n) || !valid)
      return { ok: false, message: `--dataset random: ${key}=${value} is invalid; ${key === "spread" ? "spread is a fraction in [0, 1)" : `${key} is a ${key === "prefix" ? "non-negative" : "positive"} integer of tokens`}` };
    fields[key] = n;
  }
  const value: DatasetSpec = { kind: "random", inputTokens: fields.input!, outputTokens: fields.output!, spreadFraction: fields.spread! };
  if (fields.prefix! > 0) value.prefixTokens = fields.prefix!;
  return { ok: true, value };
}

/** A rough local token count (about 4 characters per token), used only as a flagged fallback. */
export function estimateTokens(text: string): number {
  return Math.max(1, Math.round(text.length / 4));
}

function uniformLength(base: number, spread: number, random: () => number): number {
  const low = Math.max(1, Math.round(base * (1 - spread)));
  const high = Math.max(low, Math.round(base * (1 + spread)));
  return low + Math.floor(random() * (high - low + 1));
}

/**
 * Random prompts of common words (about one token each), lengths uniform in [L(1-F), L(1+F)] like vLLM's random
 * dataset; with prefixTokens P every prompt starts with the same P words (vLLM's --random-prefix-len), a
 * shared-prefix workload for prefix caching, and counts P + its own length.
 */
export function randomPrompts(spec: { inputTokens: number; outputTokens: number; spreadFraction: number; prefixTokens?: number }, count: number, seed: number): Prompt[] {
  const random = seededRandom(seed);
  const prefixRandom = seededRandom(seed ^ 0x5eed);
  const prefixTokens = spec.prefixTokens ?? 0;
  const prefix = Array.from({ length: prefixTokens }, () => WORDS[Math.floor(prefixRandom() * WORDS.length)]!);
  const prompts: Prompt[] = [];
  for (let i = 0; i < count; i++) {
    const ownTokens = uniformLength(spec.inputTokens, spec.spreadFraction, random);
    const inputTokens = prefixTokens + ownTokens;
    const words: string[] = [...prefix];
    for (let w = 0; w < ownTokens; w++) words.push(WORDS[Math.floor(random() * WORDS.length)]!);
    prompts.push({ text: words.join(" "), inputTokensEstimate: inputTokens, outputTokens: uniformLength(spec.outputTokens, spec.spreadFraction, random) });
  }
  return prompts;
}

const ShareGptTurn = z.object({ from: z.string(), value: z.string() });
const ShareGptRow = z.object({ conversations: z.array(ShareGptTurn) });
const JsonlRow = z.object({
  prompt: z.string().min(1),
  output_tokens: z.number().int().positive().optional(),
  max_tokens: z.number().int().positive().optional(),
});

function readRows(path: string): unknown[] {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    throw new Error(`--dataset: cannot read file ${path}`);
  }
  const trimmed = text.trimStart();
  if (trimmed.startsWith("[")) return JSON.parse(trimmed) as unknown[];
  return text
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((line, i) => {
      try {
        return JSON.parse(line) as unknown;
      } catch {
        throw new Error(`--dataset: ${path} line ${i + 1} is not JSON`);
      }
    });
}

/** Loads prompts from a ShareGPT file (first human turn as prompt, first reply's length as max_tokens) or a JSONL of {prompt, output_tokens}. */
export function loadPromptsFromFile(spec: { kind: "sharegpt" | "jsonl"; path: string }, defaultOutputTokens: number): Prompt[] {
  const prompts: Prompt[] = [];
  readRows(spec.path).forEach((row, i) => {
    if (spec.kind === "sharegpt") {
      const parsed = ShareGptRow.safeParse(row);
      if (!parsed.success) return;
      const turns = parsed.data.conversations;
      const human = turns.findIndex((t) => t.from === "human" || t.from === "user");
      const reply = turns.slice(human + 1).find((t) => t.from === "gpt" || t.from === "assistant");
      if (human === -1 || reply === undefined) return;
      const text = turns[human]!.value;
      prompts.push({ text, inputTokensEstimate: estimateTokens(text), outputTokens: estimateTokens(reply.value) });
      return;
    }
    const parsed = JsonlRow.safeParse(row);
    if (!parsed.success) throw new Error(`--dataset: ${spec.path} row ${i + 1} needs {"prompt": string, "output_tokens"?: integer}`);
    const outputTokens = parsed.data.output_tokens ?? parsed.data.max_tokens ?? defaultOutputTokens;
    prompts.push({ text: parsed.data.prompt, inputTokensEstimate: estimateTokens(parsed.data.prompt), outputTokens });
  });
  if (prompts.length === 0) throw new Error(`--dataset: ${spec.path} holds no usable prompt`);
  return prompts;
}

/**
 * The prompts for a run: `count` random prompts, or every prompt of the file (reused cyclically), in file order
 * or, with `shuffle`, in an order drawn from the seed (vLLM's ShareGPT sampler shuffles with its --seed).
 */
export function loadPrompts(spec: DatasetSpec, count: number, seed: number, shuffle = false): Prompt[] {
  if (spec.kind === "random") return randomPrompts(spec, count, seed);
  const prompts = loadPromptsFromFile(spec, 200);
  return shuffle ? shuffled(prompts, seededRandom(seed)) : prompts;
}
