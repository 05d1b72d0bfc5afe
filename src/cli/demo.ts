// `costcurve demo`: the embeddings analysis (H100 vs RTX 4090) and the Llama 3.3 70B cost-per-batch table.
import type { Command } from "commander";
import { compareEmbeddings } from "../catalog/embeddings.js";
import { resolveRawScenario } from "../catalog/resolve.js";
import { predict } from "../core/predict.js";
import { formatRate, formatTable, formatUsd } from "../report/index.js";
import { renderEmbeddings } from "./embed.js";
import { type Io, UsageError } from "./io.js";

const BATCHES = [1, 8, 16, 64, 128, 512];

/** Llama 3.3 70B on 4x H100 (vLLM, TP4), 2035 in / 300 out: cost per batch as in Tensor Economics' table. */
export function llamaBatchTable() {
  return BATCHES.map((batch) => {
    const resolved = resolveRawScenario({
      model: "meta-llama/Llama-3.3-70B-Instruct",
      hardware: { accelerator: "h100-sxm", count: 4 },
      engine: "vllm",
      parallelism: { tp: 4 },
      features: { batching: "static" },
      workload: { kind: "generate", inputTokens: 2035, outputTokens: 300, load: { mode: "concurrency", concurrency: batch } },
      pricing: { usdPerAcceleratorHour: 2.5, inputPriceRatio: 0.3 },
    });
    if (!resolved.ok) throw new UsageError(resolved.issues[0]!.message);
    const p = predict(resolved.value);
    return {
      batch,
      outputTokensPerSecond: p.outputTokensPerSecond,
      secondsPerBatch: p.outputTokensPerSecond ? (batch * 300) / p.outputTokensPerSecond : null,
      tpotSeconds: p.tpotSeconds,
      bound: p.bound,
      usdPerMillionOutputTokens: p.usdPerMillionOutputTokens,
      usdPerMillionInputTokens: p.usdPerMillionInputTokens,
    };
  });
}

/** `costcurve demo`: the two analyses costcurve was built to answer first. */
export function registerDemo(program: Command, io: Io): void {
  program
    .command("demo")
    .description("the main job: embeddings on H100 vs RTX 4090, and Llama 3.3 70B cost per batch on 4x H100")
    .action(() => {
      // Tensor Economics' rental prices (2025): H100 $2.00/h, RTX 4090 $0.37/h (catalog rows with that source).
      const embeddings = compareEmbeddings({ model: "Qwen/Qwen3-Embedding-8B", accelerators: ["h100-sxm", "rtx-4090"], sequenceTokens: 1040, batch: 4, engine: "tei", utilization: 1, usdPerHour: { "h100-sxm": 2.0, "rtx-4090": 0.37 } });
      if (!embeddings.ok) throw new UsageError(embeddings.issues[0]!.message);
      const byId = Object.fromEntries(embeddings.value.map((r) => [r.accelerator, r]));
      const [h100, rtx] = [byId["h100-sxm"]!, byId["rtx-4090"]!];
      io.stdout("Why are embeddings cheap? Qwen3-Embedding-8B, 1040-token inputs, batch 4; H100 at $2.00/h, RTX 4090 at $0.37/h\n\n");
      io.stdout(renderEmbeddings(embeddings.value));
      io.stdout(
        `\nThe forward pass is ${h100.bound}-bound (compute ${(h100.computeSeconds * 1e3).toFixed(0)} ms vs weight load ${(h100.weightLoadSeconds * 1e3).toFixed(1)} ms per batch on the H100), ` +
          `so FLOP/s per dollar decides: the RTX 4090 is ${compareCost(rtx.usdPerMillionTokens, h100.usdPerMillionTokens)} per token than the H100.\n\n`,
      );
      io.stdout("Llama 3.3 70B on 4x H100 (vLLM, TP4) at $2.50/GPU-hour, one batch of 2035 in / 300 out requests; input priced at 0.3x output\n\n");
      io.stdout(
        formatTable(
          [
            { key: "batch" },
            { key: "outputTokensPerSecond", header: "output", format: (v: number) => formatRate(v, "tokens/s") },
            { key: "secondsPerBatch", header: "per batch", unit: "s", format: (v: number) => v.toFixed(2) },
            { key: "tpotSeconds", header: "TPOT", unit: "ms", format: (v: number) => (v * 1e3).toFixed(1) },
            { key: "bound" },
            { key: "usdPerMillionOutputTokens", header: "output", unit: "$/1M", format: (v: number) => formatUsd(v) },
            { key: "usdPerMillionInputTokens", header: "input", unit: "$/1M", format: (v: number) => formatUsd(v) },
          ],
          llamaBatchTable(),
        ),
      );
      io.stdout("\nDecode is memory-bound at small batches: each step re-reads 141 GB of weights, so batching divides the cost until the KV cache fills memory.\n");
    });
}

/** "36% cheaper" or "12% dearer": a's cost relative to b's. */
function compareCost(a: number, b: number): string {
  return a <= b ? `${Math.round((1 - a / b) * 100)}% cheaper` : `${Math.round((a / b - 1) * 100)}% dearer`;
}
