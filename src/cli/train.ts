import type { Command } from "commander";
import { countParameters } from "../core/parameters.js";
import { parseArchitecture } from "../core/architecture.js";
import { type AttentionShape, estimateTraining } from "../core/training.js";
import { defaultUsdPerHour } from "../core/hardware.js";
import { ComputePrecision, peakFor } from "../core/precision.js";
import { findAccelerator, nearestAcceleratorIds } from "../catalog/accelerators/index.js";
import { resolveModelId, nearestModelIds } from "../catalog/models/index.js";
import { defaultTrainingMfu } from "../catalog/training-mfu.js";
import { ENERGY_DEFAULTS } from "../catalog/grid-carbon.js";
import { didYouMean } from "../prices/suggest.js";
import { formatDuration, formatPercent, formatUsd } from "../report/format.js";
import { formatKeyValues } from "../report/table.js";
import { formatJson } from "../report/json.js";
import { type Io, UsageError } from "./io.js";
import { positiveOption, positiveQuantityOption, rangeOption, wholeOption } from "./options.js";
import { FLAG_LIMITS } from "./flag-limits.js";
import { sci } from "./scaling.js";

interface ModelShape {
  label: string;
  paramCount: number;
  totalParamCount: number;
  attention?: Omit<AttentionShape, "sequenceLength">;
}

function modelShape(opts: { model?: string; params?: string; layers?: string; attentionWidth?: string }): ModelShape {
  if (opts.model !== undefined && opts.params !== undefined) throw new UsageError("give either --model or --params, not both");
  if (opts.model !== undefined) {
    const resolved = resolveModelId(opts.model);
    if (!resolved) {
      throw new UsageError(`--model: unknown model "${opts.model}"${didYouMean(nearestModelIds(opts.model))}`);
    }
    const arch = parseArchitecture(resolved.entry.config);
    if (!arch.ok) throw new UsageError(`--model: cannot read the architecture of ${resolved.entry.id}: ${arch.issues.map((i) => i.message).join("; ")}`);
    const counts = countParameters(arch.value);
    const a = arch.value;
    return {
      label: resolved.entry.id,
      paramCount: counts.activeCount,
      totalParamCount: counts.totalCount,
      attention: { layerCount: a.layerCount, attentionWidth: a.headCount * a.headDim },
    };
  }
  if (opts.params === undefined) throw new UsageError("give --model <id> or --params <count> (e.g. --params 70B)");
  const paramCount = positiveQuantityOption("--params", opts.params, FLAG_LIMITS.parameters);
  const shape: ModelShape = { label: `${sci(paramCount)} parameters`, paramCount, totalParamCount: paramCount };
  if (opts.layers !== undefined || opts.attentionWidth !== undefined) {
    if (opts.layers === undefined || opts.attentionWidth === undefined) throw new UsageError("--layers and --attention-width go together");
    shape.attention = { layerCount: wholeOption("--layers", opts.layers), attentionWidth: wholeOption("--attention-width", opts.attentionWidth) };
  }
  return shape;
}

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
      const shape = modelShape({ model: s("model"), params: s("params"), layers: s("layers"), attentionWidth: s("attentionWidth") });
      const tokenCount = positiveQuantityOption("--tokens", s("tokens")!, FLAG_LIMITS.trainingTokens);
      const accelerator = findAccelerator(s("accelerator")!);
      if (!accelerator) {
        throw new UsageError(`--accelerator: unknown accelerator "${s("accelerator")}"${didYouMean(nearestAcceleratorIds(s("accelerator")!))}`);
      }
      const acceleratorCount = wholeOption("--count", s("count")!, FLAG_LIMITS.acceleratorCount);
      const precision = ComputePrecision.safeParse(s("precision"));
      if (!precision.success) throw new UsageError(`--precision: expected one of ${ComputePrecision.options.join(", ")}, got "${s("precision")}"`);
      const peak = peakFor(accelerator.denseFlopsPerSecond, precision.data);
      if (!peak) throw new UsageError(`--precision: ${accelerator.id} has no ${precision.data} (or wider) peak`);
      const mfuDefault = defaultTrainingMfu(accelerator.family, peak.precision);
      const mfuFraction = s("mfu") === undefined ? mfuDefault.mfuFraction : rangeOption("--mfu", s("mfu")!, 0, 1, false);
      const usdPerHour = s("usdPerHour") === undefined ? defaultUsdPerHour(accelerator) : positiveOption("--usd-per-hour", s("usdPerHour")!, "a price in USD per hour > 0");
      const sequenceLength = wholeOption("--seq-len", s("seqLen")!, FLAG_LIMITS.sequenceTokens);
      const result = estimateTraining({
        paramCount: shape.paramCount,
        tokenCount,
        attention: shape.attention ? { ...shape.attention, sequenceLength } : undefined,
        acceleratorCount,
        peakFlopsPerSecond: peak.flopsPerSecond,
        mfuFraction,
        usdPerHour,
        tdpWatts: accelerator.tdpWatts,
        drawFraction: rangeOption("--draw-fraction", s("drawFraction")!, 0, 1, false),
        pue: rangeOption("--pue", s("pue")!, 1, 3, true),
      });
      if (!result.ok) throw new UsageError(result.issues.map((i) => i.message).join("; "));
      const v = result.value;
      const mfuSource = s("mfu") !== undefined ? "given" : `${mfuDefault.basis}: ${mfuDefault.rows.map((r) => r.run).join(", ")}`;
      if (opts.json) {
        io.stdout(formatJson({
          model: shape.label, paramCount: shape.paramCount, totalParamCount: shape.totalParamCount, tokenCount,
          tokensPerParam: tokenCount / shape.paramCount, sequenceLength: shape.attention ? sequenceLength : null,
          accelerator: accelerator.id, acceleratorCount, precision: peak.precision, peakFlopsPerSecond: peak.flopsPerSecond,
          mfuFraction, mfuSource, usdPerHour, ...v, warnings: result.warnings.map((w) => w.message),
        }) + "\n");
        return;
      }
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
      for (const w of result.warnings) io.stderr(`warning: ${w.message}\n`);
    });
}
