// `costcurve train`: training FLOPs, wall-clock, cost and energy of a pre-training run (src/app/train.ts), formatted.
import type { Command } from "commander";
import { answerTraining, parseTrainingQuestion } from "../app/train.js";
import { formatDuration, formatPercent, formatUsd } from "../report/format.js";
import { formatKeyValues } from "../report/table.js";
import { formatJson } from "../report/json.js";
import { asUsage, cliText } from "./cli-issues.js";
import { type Io, UsageError } from "./io.js";
import { sci } from "./scaling.js";
import { ComputePrecision } from "../core/precision.js";
import { ENERGY_DEFAULTS } from "../catalog/grid-carbon.js";

/** `costcurve train`: training FLOPs, wall-clock, cost and energy of a pre-training run. */
export function registerTrain(program: Command, io: Io): void {
  program
    .command("train")
    .description("Training compute (6N + 12 L H Q T per token), wall-clock time at an MFU, rental cost and energy")
    .option("--model <id>", "model from the catalog (active parameters are used for MoE)")
    .option("--params <count>", "parameter count, e.g. 70B or 7e10")
    .requiredOption("--tokens <count>", "training tokens, e.g. 15T")
    .requiredOption("--accelerator <id>", "accelerator id from the catalog, e.g. h100-sxm")
    .requiredOption("--count <n>", "number of accelerators")
    .option("--precision <format>", `compute format: ${ComputePrecision.options.join(", ")}`, "bf16")
    .option("--mfu <fraction>", "model FLOPs utilization in (0, 1]; default: published runs on this accelerator family")
    .option("--usd-per-hour <usd>", "price of one accelerator-hour; default: the catalog's on-demand rental")
    .option("--seq-len <tokens>", "sequence length for the attention term", "4096")
    .option("--layers <n>", "layer count for the attention term with --params")
    .option("--attention-width <n>", "heads x head dim for the attention term with --params")
    .option("--draw-fraction <fraction>", "average board power over TDP", String(ENERGY_DEFAULTS.drawFraction.value))
    .option("--pue <ratio>", "facility power usage effectiveness", String(ENERGY_DEFAULTS.pue.value))
    .option("--json", "machine-readable output")
    .action((opts: Record<string, string | boolean | undefined>) => {
      const s = (k: string) => (typeof opts[k] === "string" ? (opts[k] as string) : undefined);
      const q = asUsage(() =>
        parseTrainingQuestion({
          model: s("model"),
          params: s("params"),
          layers: s("layers"),
          attentionWidth: s("attentionWidth"),
          tokens: s("tokens"),
          accelerator: s("accelerator"),
          count: s("count"),
          precision: s("precision"),
          mfu: s("mfu"),
          usdPerHour: s("usdPerHour"),
          seqLen: s("seqLen"),
          drawFraction: s("drawFraction"),
          pue: s("pue"),
        }),
      );
      const answer = answerTraining(q);
      if (!answer.ok) throw new UsageError(answer.issues.map((i) => cliText(i)).join("; "));
      const v = answer.value;
      if (opts.json) {
        io.stdout(formatJson(v) + "\n");
        return;
      }
      const { shape, tokenCount, accelerator, acceleratorCount, sequenceLength, mfuFraction, mfuSource, usdPerHour } = q;
      const peak = { precision: q.precision, flopsPerSecond: q.peakFlopsPerSecond };
      const pairs: [string, string][] = [
        ["model", shape.label],
        ["parameters (per token)", shape.paramCount === shape.totalParamCount ? sci(shape.paramCount) : `${sci(shape.paramCount)} active of ${sci(shape.totalParamCount)}`],
        ["training tokens", `${sci(tokenCount)} (${(tokenCount / shape.paramCount).toFixed(1)} per parameter)`],
        ["FLOPs per token", `${sci(v.flopsPerToken)} (attention ${formatPercent(v.attentionFlopsPerToken / v.flopsPerToken)}${shape.attention ? ` at ${sequenceLength} tokens` : ", not counted"})`],
        ["total FLOPs", sci(v.totalFlops)],
        ["accelerators", `${acceleratorCount} x ${accelerator.name}, ${peak.precision} dense peak ${sci(peak.flopsPerSecond)} FLOP/s`],
        ["MFU", `${formatPercent(mfuFraction)} (${mfuSource})`],
        ["wall-clock", `${formatDuration(v.wallClockSeconds)} (${(v.wallClockSeconds / 86400).toFixed(1)} days)`],
        ["accelerator-hours", sci(v.acceleratorHours)],
        ["cost", `${formatUsd(v.costUsd)} at ${formatUsd(usdPerHour)}/accelerator-hour`],
        ["facility power", `${(v.powerWatts / 1e6).toFixed(3)} MW`],
        ["energy", `${(v.energyKwh / 1e3).toFixed(1)} MWh`],
      ];
      io.stdout(formatKeyValues(pairs));
      for (const w of v.warnings) io.stderr(`warning: ${w}\n`);
    });
}
