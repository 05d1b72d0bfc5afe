// Embeddings: accelerators compared on an embedding workload; the inputs parsed (named like the flags and query
// parameters), the engine profile defaulting to the one every surface uses for embedding models.
import { findAccelerator } from "../catalog/accelerators/index.js";
import { defaultEngineFor } from "../catalog/engine-defaults.js";
import { chooseRental, type RentalUsed } from "../catalog/rental.js";
import { compareEmbeddings, type EmbeddingQuery, type EmbeddingRow } from "../catalog/embeddings.js";
import type { TypedIssue } from "../core/issues.js";
import type { Issue } from "../core/result.js";
import type { Answer } from "./prices.js";
import * as v from "./values.js";

/** The comparison's inputs as text (the CLI's flags, the web form's fields). */
export interface EmbedText {
  model: string;
  accelerator: string;
  seq: string;
  batch: string;
  usdPerHour?: string | undefined;
  utilization: string;
  /** Without one, the embedding default (defaultEngineFor("embed"), TEI). */
  engine?: string | undefined;
}

/** Parses the inputs (throws InputError naming `accelerator`, `seq`, `batch`, `usd-per-hour`, `utilization`). */
export function parseEmbeddingQuery(o: EmbedText): EmbeddingQuery {
  const accelerators = v.parseList("accelerator", o.accelerator);
  return {
    model: o.model,
    accelerators,
    sequenceTokens: v.parseWhole("seq", o.seq, v.INPUT_LIMITS.sequenceTokens),
    batch: v.parseWhole("batch", o.batch, v.INPUT_LIMITS.batchSequences),
    engine: o.engine === undefined ? defaultEngineFor("embed") : v.parseEngine("engine", o.engine),
    usdPerHour: o.usdPerHour === undefined ? undefined : v.checkPriceIds("usd-per-hour", v.parsePrice("usd-per-hour", o.usdPerHour), accelerators),
    utilization: v.parseFraction("utilization", o.utilization),
  };
}

/** The catalog's messages already name the scenario field they are about (scenario.hardware.accelerator: ...). */
const described = (i: Issue): TypedIssue => ({ code: "described", path: [], kind: i.code, text: i.message });

export interface EmbeddingsAnswer {
  rows: EmbeddingRow[];
  /** The price each row uses, named: the given one ("user"), else the catalog's newest on-demand row with its date. */
  prices: Record<string, RentalUsed>;
  warnings: TypedIssue[];
}

/** One row per accelerator; the comparison's problems as issues (no finite row at all is one too). */
export function answerEmbeddings(q: EmbeddingQuery): Answer<EmbeddingsAnswer> {
  const result = compareEmbeddings(q);
  if (!result.ok) {
    const issues = result.issues.map(described);
    return { ok: false, issues: issues.length ? issues : [{ code: "described", path: [], kind: "no_result", text: "no accelerator gave a finite result for these inputs" }] };
  }
  const prices: Record<string, RentalUsed> = {};
  for (const row of result.value) {
    const acc = findAccelerator(row.accelerator);
    const given = typeof q.usdPerHour === "number" ? q.usdPerHour : q.usdPerHour?.[row.accelerator];
    if (acc) prices[row.accelerator] = chooseRental(acc, "on-demand", { usdPerHour: given, who: "given" });
  }
  return { ok: true, value: { rows: result.value, prices, warnings: result.warnings.map(described) } };
}
