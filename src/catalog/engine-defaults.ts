// The default serving engine per workload kind, one answer for every surface (predict, embed, optimize, frontier, web).
import type { Engine } from "../core/efficiency.js";

/** The engine a scenario runs when it names none: TEI for embeddings, vLLM for generation. */
export function defaultEngineFor(kind: "generate" | "embed"): Engine {
  return kind === "embed" ? "tei" : "vllm";
}
