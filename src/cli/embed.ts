import type { Command } from "commander";
import { type EmbeddingQuery, type EmbeddingRow, compareEmbeddings } from "../catalog/embeddings.js";
import { formatDuration, formatJson, formatRate, formatSignificant, formatTable, formatUsd } from "../report/index.js";
import { type Io, UsageError } from "./io.js";
import { engineOption, fractionOption, listOption, priceOption, wholeOption } from "./options.js";
import { FLAG_LIMITS } from "./flag-limits.js";

/** The comparison's flags (the web's embeddings form sends the same names). */
export interface EmbedFlags {
  model: string;
  accelerator: string;
  seq: string;
  batch: string;
  usdPerHour?: string;
  utilization: string;
  engine: string;
}

/** Validates the flags into the comparison's query. */
export function embeddingQuery(o: EmbedFlags): EmbeddingQuery {
  const accelerators = listOption("--accelerator", o.accelerator);
  return {
    model: o.model,
    accelerators,
    sequenceTokens: wholeOption("--seq", o.seq, FLAG_LIMITS.sequenceTokens),
    batch: wholeOption("--batch", o.batch, FLAG_LIMITS.batchSequences),
    engine: engineOption(o.engine),
    usdPerHour: o.usdPerHour === undefined ? undefined : priceOption("--usd-per-hour", o.usdPerHour, accelerators),
    utilization: fractionOption("--utilization", o.utilization),
  };
}

/** `costcurve embed`: the "embeddings are cheap" analysis, one row per accelerator. */
export function registerEmbed(program: Command, io: Io): void {
  program
    .command("embed")
    .description("compare accelerators on an embedding workload: compute vs weight-load time, tokens/s, USD per 1M tokens")
    .requiredOption("--model <id>", "embedding model (catalog id or config.json)")
    .requiredOption("--accelerator <ids>", "accelerator ids, comma-separated")
    .option("--seq <tokens>", "tokens per sequence", "1024")
    .option("--batch <n>", "sequences per batch", "4")
    .option("--usd-per-hour <usd>", "price per accelerator-hour: one number, or id=usd pairs (h100-sxm=2,rtx-4090=0.37); default: catalog prices")
    .option("--utilization <fraction>", "share of hours the accelerator is busy", "1")
    .option("--engine <name>", "serving engine profile", "tei")
    .option("--json", "print rows as JSON")
    .action((o: EmbedFlags & { json?: boolean }) => {
      const result = compareEmbeddings(embeddingQuery(o));
      if (!result.ok) throw new UsageError(result.issues.map((i) => i.message).join("\n") || "embed: no accelerator gave a finite result for these flags");
      io.stdout(o.json ? formatJson(result.value) + "\n" : renderEmbeddings(result.value));
      for (const w of result.warnings) io.stderr(`costcurve: ${w.message}\n`);
    });
}

export function renderEmbeddings(rows: EmbeddingRow[]): string {
  return formatTable(
    [
      { key: "accelerator" },
      { key: "computeSeconds", header: "compute", format: (v: number) => formatDuration(v) },
      { key: "weightLoadSeconds", header: "weight load", format: (v: number) => formatDuration(v) },
      { key: "bound" },
      { key: "tokensPerSecond", header: "throughput", format: (v: number) => formatRate(v, "tokens/s") },
      { key: "usdPerHour", header: "price", unit: "$/h", format: (v: number) => formatUsd(v) },
      { key: "usdPerMillionTokens", header: "cost", unit: "$/1M tokens", format: (v: number) => formatUsd(v) },
      { key: "achievedTflopsPerUsdHour", header: "achieved TFLOP/s per $/h", format: (v: number) => formatSignificant(v, 3) },
    ],
    rows,
  );
}
