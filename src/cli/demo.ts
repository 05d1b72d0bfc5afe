// `costcurve demo`: the embeddings analysis (H100 vs RTX 4090) and the Llama 3.3 70B cost-per-batch table.
import type { Command } from "commander";
import { embeddingsDemo, type PricedComparison } from "../app/demo.js";
import { todayIso } from "../app/values.js";
import { rentalLabel } from "../catalog/rental.js";
import { resolveRawScenario } from "../catalog/resolve.js";
import { predict } from "../core/predict.js";
import { formatRate, formatTable, formatUsd } from "../report/index.js";
import { renderEmbeddings } from "./embed.js";
import { usageError } from "./cli-issues.js";
import { type Io, UsageError } from "./io.js";

const NAMES: Record<string, string> = { "h100-sxm": "H100", "rtx-4090": "RTX 4090" };

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
      const demo = embeddingsDemo(todayIso());
      if (!demo.ok) throw usageError(demo.issues);
      const { seed, today } = demo.value;
      const byId = Object.fromEntries(seed.rows.map((r) => [r.accelerator, r]));
      const h100 = byId["h100-sxm"]!;
      const priced = (c: PricedComparison) =>
        Object.entries(c.prices)
          .map(([id, r]) => `${id} ${rentalLabel(r)}`)
          .join("; ");
      const verdict = (c: PricedComparison) => `the ${NAMES[c.cheaper.acceleratorId] ?? c.cheaper.acceleratorId} is ${Math.round(c.cheaper.fraction * 100)}% cheaper per token than the ${NAMES[c.cheaper.thanId] ?? c.cheaper.thanId}`;
      io.stdout(`Why are embeddings cheap? Qwen3-Embedding-8B, 1040-token inputs, batch 4 (TEI profile), at the seed's prices of ${seed.date}:\n${priced(seed)}\n\n`);
      io.stdout(renderEmbeddings(seed.rows));
      io.stdout(
        `\nThe forward pass is ${h100.bound}-bound (compute ${(h100.computeSeconds * 1e3).toFixed(0)} ms vs weight load ${(h100.weightLoadSeconds * 1e3).toFixed(1)} ms per batch on the H100), ` +
          `so FLOP/s per dollar decides: at the seed's ${seed.date} prices ${verdict(seed)}.\n\n`,
      );
      io.stdout(`Today (${today.date}) at the catalog's on-demand rows: ${priced(today)}\n\n`);
      io.stdout(renderEmbeddings(today.rows));
      io.stdout(`\nToday's catalog verdict: ${verdict(today)}.\n\n`);
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
