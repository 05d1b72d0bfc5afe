// `costcurve scaling`: compute-optimal allocations for a FLOP budget (src/app/scaling.ts), as a table or JSON.
import type { Command } from "commander";
import { answerScaling, parseScalingQuestion, type ScalingRow, scalingRows } from "../app/scaling.js";
import { formatTable } from "../report/table.js";
import { formatJson } from "../report/json.js";
import type { Column } from "../report/cell.js";
import { asUsage } from "./cli-issues.js";
import type { Io } from "./io.js";

/** A number in scientific notation with 3 significant digits: 3.79e+25 -> "3.79e25". */
export function sci(value: number): string {
  return Number.isFinite(value) ? value.toExponential(2).replace("e+", "e") : "-";
}

type Row = ScalingRow;

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

export { scalingRows };

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
      const q = asUsage(() => parseScalingQuestion(opts));
      const answer = answerScaling(q);
      const { rows, fits } = { rows: answer.rows, fits: q.fits };
      const inferenceTokens = q.inferenceTokens;
      if (opts.json) {
        io.stdout(formatJson(answer) + "\n");
        return;
      }
      io.stdout(formatTable(COLUMNS, rows));
      io.stdout("\nL(N, D) = E + A/N^alpha + B/D^beta; compute-optimal under C = 6ND in closed form.\n");
      for (const f of fits) io.stdout(`${f.id}: E=${f.irreducibleLoss} A=${f.paramCoefficient} B=${f.tokenCoefficient} alpha=${f.paramExponent} beta=${f.tokenExponent}. ${f.note}\n`);
      if (inferenceTokens !== undefined) io.stdout("inference-adjusted: same loss as compute-optimal, minimizing 6 N D_train + 2 N D_inference (Sardana et al. 2023).\n");
    });
}
