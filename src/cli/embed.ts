// `costcurve embed`: accelerators compared on an embedding workload (src/app/embed.ts), as a table or JSON.
import type { Command } from "commander";
import { answerEmbeddings, type EmbedText, parseEmbeddingQuery } from "../app/embed.js";
import { defaultEngineFor } from "../catalog/engine-defaults.js";
import type { EmbeddingQuery, EmbeddingRow } from "../catalog/embeddings.js";
import { rentalLabel } from "../catalog/rental.js";
import { formatDuration, formatJson, formatRate, formatSignificant, formatTable, formatUsd } from "../report/index.js";
import { asUsage, cliText, usageError } from "./cli-issues.js";
import type { Io } from "./io.js";

/** The comparison's flags (the web's embeddings form sends the same names). */
export type EmbedFlags = EmbedText;

/** Validates the flags into the comparison's query (errors naming the flag). */
export function embeddingQuery(o: EmbedFlags): EmbeddingQuery {
  return asUsage(() => parseEmbeddingQuery(o));
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
    .option("--engine <name>", `serving engine profile (default ${defaultEngineFor("embed")}, the embedding default on every surface)`, defaultEngineFor("embed"))
    .option("--json", "print rows as JSON")
    .action((o: EmbedFlags & { json?: boolean }) => {
      const result = answerEmbeddings(embeddingQuery(o));
      if (!result.ok) throw usageError(result.issues);
      io.stdout(o.json ? formatJson(result.value.rows) + "\n" : renderEmbeddings(result.value.rows));
      if (!o.json)
        io.stdout(
          `prices: ${Object.entries(result.value.prices)
            .map(([id, r]) => `${id} ${rentalLabel(r)}`)
            .join("; ")}\n`,
        );
      for (const w of result.value.warnings) io.stderr(`costcurve: ${cliText(w)}\n`);
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
