/**
 * Token counts from a Hugging Face tokenizer.json (with tokenizer_config.json beside it when present) through
 * @huggingface/tokenizers (Tokenizers.js, pure JavaScript): what vLLM's client does when the server sends no usage.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { Tokenizer } from "@huggingface/tokenizers";

/** Counts tokens of a text without special tokens (add_special_tokens false, as vLLM counts generated text). */
export type TokenCounter = (text: string) => number;

/** Loads tokenizer.json from `path`; an unreadable or unsupported file is a message naming it. */
export function loadTokenCounter(path: string): { ok: true; value: TokenCounter } | { ok: false; message: string } {
  let tokenizer: Tokenizer;
  try {
    const json: unknown = JSON.parse(readFileSync(path, "utf8"));
    const configPath = join(dirname(path), "tokenizer_config.json");
    const config: unknown = existsSync(configPath) ? JSON.parse(readFileSync(configPath, "utf8")) : {};
    tokenizer = new Tokenizer(json as object, config as object);
    tokenizer.encode("probe", { add_special_tokens: false });
  } catch (error) {
    return { ok: false, message: `${path}: not a usable tokenizer.json (${error instanceof Error ? error.message : String(error)})` };
  }
  return { ok: true, value: (text) => tokenizer.encode(text, { add_special_tokens: false }).ids.length };
}
