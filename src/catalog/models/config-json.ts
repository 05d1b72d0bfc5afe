// Hugging Face config.json text as Python's json module writes it: bare Infinity / NaN become null.

/** Parses config.json text, reading Python's non-standard Infinity, -Infinity and NaN values as null. */
export function parseConfigJson(text: string): unknown {
  // Only values (after ':' '[' or ','), never inside strings: JSON strings cannot hold a bare token after those.
  return JSON.parse(text.replace(/(?<=[:[,]\s*)-?(?:Infinity|NaN)(?=\s*[,}\]])/g, "null"));
}
