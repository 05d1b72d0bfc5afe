// Words for a sweep row shared by the CLI and the web: what stops an optimize row's batch from growing.

/** Why the batch stops growing on an optimize row, in words (no flag or field names). */
export function bindingText(binding: "ttft" | "tpot" | "capacity" | "max-batch", limits: { ttftSeconds: number; tpotSeconds: number; percentile: number }): string {
  switch (binding) {
    case "tpot":
      return `a larger batch would push p${limits.percentile} time per output token past ${limits.tpotSeconds} s`;
    case "ttft":
      return `a larger batch would push p${limits.percentile} time to first token past ${limits.ttftSeconds} s (prefills queue behind the token budget)`;
    case "capacity":
      return "the KV cache fills the memory left after weights: more sequences do not fit";
    default:
      return "the engine's batch limit (max running sequences) is reached before any latency limit";
  }
}
