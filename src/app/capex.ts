// capex: hyperscaler and neocloud AI capex, guidance announced vs capex reported, per company and period; the shipped
// rows plus the store's, an unknown company as an issue.
import { type CapexSummary, loadCapexData, summarizeCapex } from "../market/capex-read.js";
import type { Store } from "../store/store.js";
import type { Answer } from "./prices.js";

export type CapexData = Awaited<ReturnType<typeof loadCapexData>>;

export interface CapexAnswer {
  /** The rows read (shipped and the store's), for charts. */
  data: CapexData;
  summary: CapexSummary[];
  guidance: CapexData["guidance"];
  reported: CapexData["reported"];
}

/** Guidance, reported capex and the gap, for one company (case-insensitive) or all; `company` is checked against the rows. */
export async function answerCapex(store: Store | null, company?: string): Promise<Answer<CapexAnswer>> {
  const data = await loadCapexData(store);
  const names = [...new Set([...data.guidance, ...data.reported].map((r) => r.company))].sort();
  if (company !== undefined && !names.some((n) => n.toLowerCase() === company.toLowerCase())) {
    return { ok: false, issues: [{ code: "described", path: ["company"], kind: "unknown_company", text: `unknown company "${company}"; known: ${names.join(", ")}` }] };
  }
  const match = (c: string) => company === undefined || c.toLowerCase() === company.toLowerCase();
  return { ok: true, value: { data, summary: summarizeCapex(data, company), guidance: data.guidance.filter((g) => match(g.company)), reported: data.reported.filter((r) => match(r.company)) } };
}
