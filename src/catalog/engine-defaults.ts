// The default serving engine per workload kind, one answer for every surface (predict, embed, optimize, frontier, web).
import type { Engine } from "../core/efficiency.js";

/**
 * The engine a sweep or form runs when it names none: TEI for embeddings (predict, embed and the web alike), vLLM for
 * the generation sweeps (optimize, frontier, the web's forms); a predict scenario without an engine runs "other".
 */
export function defaultEngineFor(kind: "generate" | "embed"): Engine {
  return kind === "embed" ? "tei" : "vllm";
}
