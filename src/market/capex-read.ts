// The capex read: what companies said they would spend, what their cash-flow statements show they spent,
// and the gap (drawn so far, still to draw, or deferred), from the shipped dataset plus the user's rows.
import { z } from "zod";
import { CAPEX_GUIDANCE, CAPEX_REPORTED, CapexGuidance, CapexReported, type CapexBasis } from "../catalog/capex.js";
import type { Store } from "../store/store.js";
import { type BarChartSpec, renderBarChart } from "../report/chart/bar-chart.js";

/** A user row as stored: a guidance statement or a reported figure. */
export const UserCapexRow = z.discriminatedUnion("type", [CapexGuidance.extend({ type: z.literal("guidance") }), CapexReported.extend({ type: z.literal("reported") })]);
export type UserCapexRow = z.infer<typeof UserCapexRow>;

/** The store key user capex rows live under, one snapshot per row (append-only). */
export const CAPEX_SNAPSHOT_KEY = "capex:user-row";

export interface CapexData {
  guidance: CapexGuidance[];
  reported: CapexReported[];
}

/** Appends validated user rows to the store; returns how many were added. */
export async function addUserCapexRows(store: Store, rows: unknown[]): Promise<number> {
  const parsed = rows.map((row, i) => {
    const r = UserCapexRow.safeParse(row);
    if (!r.success) throw new Error(`row ${i + 1}: ${r.error.issues.map((x) => `${x.path.join(".") || "(row)"}: ${x.message}`).join("; ")}`);
    return r.data;
  });
  for (const row of parsed) await store.addSnapshot(CAPEX_SNAPSHOT_KEY, row);
  return parsed.length;
}

/** The shipped dataset plus the rows users added through the store (skipping stored rows that no longer parse). */
export async function loadCapexData(store: Store | null): Promise<CapexData> {
  const guidance = [...CAPEX_GUIDANCE];
  const reported = [...CAPEX_REPORTED];
  if (store) {
    for (const snapshot of await store.listSnapshots(CAPEX_SNAPSHOT_KEY)) {
      const row = UserCapexRow.safeParse(snapshot.payload);
      if (!row.success) continue;
      const { type, ...rest } = row.data;
      if (type === "guidance") guidance.push(rest as CapexGuidance);
      else reported.push(rest as CapexReported);
    }
  }
  return { guidance, reported };
}

export interface CapexSummary {
  company: string;
  /** "FY2025" or "FY2026 Q1". */
  period: string;
  basis: CapexBasis;
  firstGuidanceUsd: number;
  firstGuidanceDate: string;
  latestGuidanceUsd: number;
  latestGuidanceDate: string;
  revisionCount: number;
  /** Sum of reported quarters (or the full-year figure) on the same basis; null when nothing is reported. */
  drawnUsd: number | null;
  quartersReported: number;
  /** Latest guidance minus drawn: still to draw while the period runs, deferred (or, negative, overshoot) once done. */
  gapUsd: number | null;
  /** incomplete-data: some earlier quarter of the period is missing from the dataset, so no gap is computed. */
  status: "no-reports" | "incomplete-data" | "in-progress" | "complete";
  /** Latest minus first guidance: positive means raised, negative means pushed out. */
  guidanceChangeUsd: number;
}

/** Midpoint of a guidance range; the floor for open-ended "over $X" statements. */
export function guidanceMidpoint(g: CapexGuidance): number {
  return g.highUsd === undefined ? g.lowUsd : (g.lowUsd + g.highUsd) / 2;
}

/** One line per company, period and basis that has guidance: announced vs drawn vs deferred. */
export function summarizeCapex(data: CapexData, company?: string): CapexSummary[] {
  const match = (c: string) => company === undefined || c.toLowerCase() === company.toLowerCase();
  const groups = new Map<string, CapexGuidance[]>();
  for (const g of data.guidance.filter((x) => match(x.company))) {
    const key = `${g.company}|${g.fiscalYear}|${g.fiscalQuarter ?? 0}|${g.basis}`;
    groups.set(key, [...(groups.get(key) ?? []), g]);
  }
  const out: CapexSummary[] = [];
  for (const list of groups.values()) {
    const sorted = [...list].sort((a, b) => a.announcedDate.localeCompare(b.announcedDate));
    const first = sorted[0]!;
    const latest = sorted[sorted.length - 1]!;
    const same = data.reported.filter((r) => r.company === first.company && r.fiscalYear === first.fiscalYear && r.basis === first.basis);
    let drawnUsd: number | null = null;
    let quartersReported = 0;
    let complete = false;
    let contiguous = true;
    if (first.fiscalQuarter !== undefined) {
      const q = same.find((r) => r.fiscalQuarter === first.fiscalQuarter);
      if (q) [drawnUsd, quartersReported, complete] = [q.capexUsd, 1, true];
    } else {
      const year = same.find((r) => r.fiscalQuarter === undefined);
      const quarters = same.filter((r) => r.fiscalQuarter !== undefined);
      if (year) [drawnUsd, quartersReported, complete] = [year.capexUsd, 4, true];
      else if (quarters.length > 0) {
        drawnUsd = quarters.reduce((s, r) => s + r.capexUsd, 0);
        const present = new Set(quarters.map((r) => r.fiscalQuarter));
        quartersReported = present.size;
        complete = quartersReported === 4;
        contiguous = [...present].every((q) => q! <= quartersReported);
      }
    }
    const latestUsd = guidanceMidpoint(latest);
    out.push({
      company: first.company,
      period: `FY${first.fiscalYear}${first.fiscalQuarter ? ` Q${first.fiscalQuarter}` : ""}`,
      basis: first.basis,
      firstGuidanceUsd: guidanceMidpoint(first),
      firstGuidanceDate: first.announcedDate,
      latestGuidanceUsd: latestUsd,
      latestGuidanceDate: latest.announcedDate,
      revisionCount: sorted.length - 1,
      drawnUsd,
      quartersReported,
      gapUsd: drawnUsd === null || !contiguous ? null : latestUsd - drawnUsd,
      status: drawnUsd === null ? "no-reports" : !contiguous ? "incomplete-data" : complete ? "complete" : "in-progress",
      guidanceChangeUsd: latestUsd - guidanceMidpoint(first),
    });
  }
  return out.sort((a, b) => a.company.localeCompare(b.company) || a.period.localeCompare(b.period));
}

/** Calendar quarter label of a period end date: 2025-09-30 -> "2025 Q3". */
export function calendarQuarter(isoDate: string): string {
  const month = Number(isoDate.slice(5, 7));
  return `${isoDate.slice(0, 4)} Q${Math.ceil(month / 3)}`;
}

/** Bar chart of reported quarterly capex by calendar quarter, one series per company and basis. */
export function capexChart(data: CapexData, company?: string): string {
  const rows = data.reported.filter((r) => r.fiscalQuarter !== undefined && (company === undefined || r.company.toLowerCase() === company.toLowerCase()));
  const categories = [...new Set(rows.map((r) => calendarQuarter(r.periodEndDate)))].sort();
  const seriesKeys = [...new Set(rows.map((r) => `${r.company} (${r.basis})`))].sort();
  const series = seriesKeys.map((name) => ({
    name,
    values: categories.map((q) => {
      const hit = rows.find((r) => `${r.company} (${r.basis})` === name && calendarQuarter(r.periodEndDate) === q);
      return hit ? hit.capexUsd / 1e9 : null;
    }),
  }));
  const spec: BarChartSpec = {
    title: "Reported capex by quarter",
    subtitle: "Billions of USD per calendar quarter, as each company reports it (bases differ: see legend)",
    footnote: "Source: company earnings releases and 10-Q/10-K cash-flow statements (costcurve capex dataset)",
    categories,
    series,
    y: { title: "capex", unit: "USD billions" },
    categoryTitle: "calendar quarter",
    valueLabels: false,
    width: Math.max(800, categories.length * 70),
  };
  return renderBarChart(spec);
}
