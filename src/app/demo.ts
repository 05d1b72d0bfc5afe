// The demo's embeddings analysis: the seed's comparison (Qwen3-Embedding-8B, H100 vs RTX 4090) at the seed's own
// stated, dated prices, and the same comparison at today's catalog prices, each price named (provider, kind, date).
import { findAccelerator } from "../catalog/accelerators/index.js";
import type { EmbeddingRow } from "../catalog/embeddings.js";
import { chooseRental, type RentalUsed } from "../catalog/rental.js";
import type { TypedIssue } from "../core/issues.js";
import { answerEmbeddings } from "./embed.js";
import type { Answer } from "./prices.js";

/** The date of the seed's analysis (Tensor Economics, "Why are embeddings so cheap?"), whose rental rows it uses. */
export const SEED_PRICE_DATE = "2025-09-24";

const MODEL = "Qwen/Qwen3-Embedding-8B";
const ACCELERATORS = ["h100-sxm", "rtx-4090"] as const;

/** One priced comparison: the rows, the rental row each accelerator was priced at, and which is cheaper per token. */
export interface PricedComparison {
  date: string;
  rows: EmbeddingRow[];
  prices: Record<string, RentalUsed>;
  cheaper: { acceleratorId: string; thanId: string; fraction: number };
  warnings: TypedIssue[];
}

export interface EmbeddingsDemo {
  model: string;
  sequenceTokens: number;
  batch: number;
  /** At the seed's dated prices (H100 $2.00/h, RTX 4090 $0.37/h on 2025-09-24). */
  seed: PricedComparison;
  /** At the catalog's on-demand rows in force today. */
  today: PricedComparison;
}

function compareAt(date: string): Answer<PricedComparison> {
  const prices: Record<string, RentalUsed> = {};
  for (const id of ACCELERATORS) prices[id] = chooseRental(findAccelerator(id)!, "on-demand", { date });
  const usdPerHour = Object.fromEntries(Object.entries(prices).map(([id, r]) => [id, r.usdPerHour]));
  const answer = answerEmbeddings({ model: MODEL, accelerators: [...ACCELERATORS], sequenceTokens: 1040, batch: 4, engine: "tei", utilization: 1, usdPerHour });
  if (!answer.ok) return answer;
  const [a, b] = ACCELERATORS.map((id) => answer.value.rows.find((r) => r.accelerator === id)!) as [EmbeddingRow, EmbeddingRow];
  const [cheap, dear] = a.usdPerMillionTokens <= b.usdPerMillionTokens ? [a, b] : [b, a];
  return {
    ok: true,
    value: { date, rows: answer.value.rows, prices, cheaper: { acceleratorId: cheap.accelerator, thanId: dear.accelerator, fraction: 1 - cheap.usdPerMillionTokens / dear.usdPerMillionTokens }, warnings: answer.value.warnings },
  };
}

/** The seed's embeddings analysis at its own dated prices and at today's catalog prices. */
export function embeddingsDemo(todayDate: string): Answer<EmbeddingsDemo> {
  const seed = compareAt(SEED_PRICE_DATE);
  if (!seed.ok) return seed;
  const today = compareAt(todayDate);
  if (!today.ok) return today;
  return { ok: true, value: { model: MODEL, sequenceTokens: 1040, batch: 4, seed: seed.value, today: today.value } };
}
