import type { Command } from "commander";
import { type Allocation, LOSS_FITS, type LossFit, computeOptimal, inferenceAdjustedOptimal, ruleOfThumbAllocation } from "../core/scaling.js";
import { formatTable } from "../report/table.js";
import { formatJson } from "../report/json.js";
import type { Column } from "../report/cell.js";
import { type Io, UsageError } from "./io.js";
import { positiveQuantityOption, quantityOption } from "./options.js";

/** A number in scientific notation with 3 significant digits: 3.79e+25 -> "3.79e25". */
export function sci(value: number): string {
  return Number.isFinite(value) ? value.toExponential(2).replace("e+", "e") : "-";
}

interface Row {
  fit: string;
  approach: string;
  paramCount: number;
  tokenCount: number;
  tokensPerParam: number;
  loss: number;
  trainingFlops: number;
  inferenceFlops: number | null;
  totalFlops: number | null;
}

const COLUMNS: Column<Row>[] = [
  { key: "fit" },
  { key: "approach" },
  { key: "paramCount", header: "params", format: (v: number) => sci(v) },
  { key: "tokenCount", header: "tokens", format: (v: number) => sci(v) },
  { key: "tokensPerParam", header: "tokens/param", format: (v: number) => v.toFixed(1) },
  { key: "loss", header: "loss", unit: "nats", format: (v: number) => v.toFixed(4) },
  { key: "trainingFlops", header: "train FLOPs", format: (v: number) => sci(v) },
  { key: "inferenceFlops", header: "inference FLOPs", format: (v: number) => sci(v) },
  { key: "totalFlops", header: "lifetime FLOPs", format: (v: number) => sci(v) },
];

function row(fit: LossFit, approach: string, a: Allocation, inferenceTokens: number | undefined): Row {
  const inferenceFlops = inferenceTokens === undefined ? null : 2 * a.paramCount * inferenceTokens;
  return {
    fit: fit.id, approach, paramCount: a.paramCount, tokenCount: a.tokenCount, tokensPerParam: a.tokensPerParam, loss: a.loss,
    trainingFlops: a.trainingFlops, inferenceFlops, totalFlops: inferenceFlops === null ? null : a.trainingFlops + inferenceFlops,
  };
}

/** Rows for a budget: compute-optimal and 20x-rule allocations per fit, plus the inference-adjusted optimum. */
export function scalingRows(budgetFlops: number, fits: LossFit[], inferenceTokens?: number): Row[] {
  const rows: Row[] = [];
  for (const fit of fits) {
    rows.push(row(fit, "compute-optimal", computeOptimal(fit, budgetFlops), inferenceTokens));
    rows.push(row(fit, "20 tokens/param", ruleOfThumbAllocation(fit, budgetFlops), inferenceTokens));
    if (inferenceTokens !== undefined && inferenceTokens > 0) {
      rows.push(row(fit, "inference-adjusted", inferenceAdjustedOptimal(fit, budgetFlops, inferenceTokens), inferenceTokens));
    }
  }
  return rows;
}

/** `costcurve scaling`: Chinchilla compute-optimal allocation and the Sardana et al. inference-adjusted optimum. */
export function registerScaling(program: Command, io: Io): void {
  program
    .command("scaling")
    .description("Compute-optimal parameters and tokens for a FLOP budget (Chinchilla fits) and the inference-adjusted optimum")
    .requiredOption("--budget-flops <flops>", "training budget C = 6ND in FLOPs, e.g. 5.76e23")
    .option("--inference-tokens <count>", "lifetime inference tokens (Sardana et al. 2023), e.g. 2T")
    .option("--fit <name>", "hoffmann (Hoffmann et al. 2022) or epoch (Besiroglu et al. 2024); default both")
    .option("--json", "machine-readable output")
    .action((opts: { budgetFlops: string; inferenceTokens?: string; fit?: string; json?: boolean }) => {
      const budgetFlops = positiveQuantityOption("--budget-flops", opts.budgetFlops);
      let inferenceTokens: number | undefined;
      if (opts.inferenceTokens !== undefined) {
        inferenceTokens = quantityOption("--inference-tokens", opts.inferenceTokens);
        if (inferenceTokens < 0) throw new UsageError(`--inference-tokens: must be >= 0, got "${opts.inferenceTokens}"`);
      }
      let fits = Object.values(LOSS_FITS);
      if (opts.fit !== undefined) {
        const fit = LOSS_FITS[opts.fit as LossFit["id"]];
        if (!fit) throw new UsageError(`--fit: expected one of ${Object.keys(LOSS_FITS).join(", ")}, got "${opts.fit}"`);
        fits = [fit];
      }
      const rows = scalingRows(budgetFlops, fits, inferenceTokens);
      if (opts.json) {
        io.stdout(formatJson({ budgetFlops, inferenceTokens: inferenceTokens ?? null, fits: fits.map((f) => ({ ...f })), rows }) + "\n");
        return;
      }
      io.stdout(formatTable(COLUMNS, rows));
      io.stdout("\nL(N, D) = E + A/N^alpha + B/D^beta; compute-optimal under C = 6ND in closed form.\n");
      for (const f of fits) io.stdout(`${f.id}: E=${f.irreducibleLoss} A=${f.paramCoefficient} B=${f.tokenCoefficient} alpha=${f.paramExponent} beta=${f.tokenExponent}. ${f.note}\n`);
      if (inferenceTokens !== undefined) io.stdout("inference-adjusted: same loss as compute-optimal, minimizing 6 N D_train + 2 N D_inference (Sardana et al. 2023).\n");
    });
}
