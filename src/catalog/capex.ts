import { z } from "zod";
import { Source } from "../core/hardware.js";

/**
 * What a capex figure measures. Companies differ, so figures are only compared within one basis:
 * - purchases-of-property-and-equipment: the cash-flow statement line (cash actually paid in the period);
 * - including-finance-leases: the company's headline capex adding assets acquired under finance leases
 *   (Microsoft) or principal payments on finance leases (Meta);
 * - cash-capex-net: purchases net of proceeds from sales and incentives (Amazon's "cash capital expenditures").
 */
export const CapexBasis = z.enum(["purchases-of-property-and-equipment", "including-finance-leases", "cash-capex-net"]);
export type CapexBasis = z.infer<typeof CapexBasis>;

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** A capex outlook a company stated for a fiscal year (or one quarter of it). */
export const CapexGuidance = z.strictObject({
  company: z.string(),
  fiscalYear: z.number().int(),
  /** Present when the outlook is for one quarter. */
  fiscalQuarter: z.number().int().min(1).max(4).optional(),
  announcedDate: IsoDate,
  lowUsd: z.number().positive(),
  /** Absent for open-ended statements ("over $30 billion"); equal to lowUsd for point estimates. */
  highUsd: z.number().positive().optional(),
  statement: z.string(),
  basis: CapexBasis,
  source: Source,
});
export type CapexGuidance = z.infer<typeof CapexGuidance>;

/** Capex reported for a fiscal quarter (or, without fiscalQuarter, a whole fiscal year). */
export const CapexReported = z.strictObject({
  company: z.string(),
  fiscalYear: z.number().int(),
  fiscalQuarter: z.number().int().min(1).max(4).optional(),
  periodEndDate: IsoDate,
  capexUsd: z.number().nonnegative(),
  /** The finance-lease part, when the company reports it separately. */
  financeLeasesUsd: z.number().nonnegative().optional(),
  basis: CapexBasis,
  source: Source,
});
export type CapexReported = z.infer<typeof CapexReported>;

const B = 1e9;
const D = "2026-11-22";
const src = (url: string, note?: string) => (note ? { url, retrievedDate: D, note } : { url, retrievedDate: D });

const META_PPE = src("https://www.opencapital.sh/stocks/META/metrics/cf_capital_expenditures", "Quarterly purchases of property and equipment from Meta's cash-flow statements (excludes finance-lease principal).");
const metaPpe = (fiscalYear: number, fiscalQuarter: number, periodEndDate: string, billions: number): CapexReported => ({
  company: "Meta",
  fiscalYear,
  fiscalQuarter,
  periodEndDate,
  capexUsd: billions * B,
  basis: "purchases-of-property-and-equipment",
  source: META_PPE,
});

/** Stated capex outlooks, oldest first per company. */
export const CAPEX_GUIDANCE: CapexGuidance[] = [
  {
    company: "Meta",
    fiscalYear: 2025,
    announcedDate: "2025-01-29",
    lowUsd: 60 * B,
    highUsd: 65 * B,
    basis: "including-finance-leases",
    statement: "Full-year 2025 capital expenditures, including principal payments on finance leases, of $60-65 billion.",
    source: src("https://www.shacknews.com/article/144096/facebook-meta-increases-2025-capital-expenditure", "Quoted as the prior outlook in the Q1 2025 release; first given with Q4 2024 results."),
  },
  {
    company: "Meta",
    fiscalYear: 2025,
    announcedDate: "2025-04-30",
    lowUsd: 64 * B,
    highUsd: 72 * B,
    basis: "including-finance-leases",
    statement: "Full year 2025 capital expenditures, including principal payments on finance leases, in the range of $64-72 billion, increased from our prior outlook of $60-65 billion.",
    source: src("https://www.shacknews.com/article/144096/facebook-meta-increases-2025-capital-expenditure"),
  },
  {
    company: "Meta",
    fiscalYear: 2025,
    announcedDate: "2025-07-30",
    lowUsd: 66 * B,
    highUsd: 72 * B,
    basis: "including-finance-leases",
    statement: "2025 capital expenditures expected in the range of $66-72 billion (narrowed from $64-72 billion).",
    source: src("https://www.stocktitan.net/news/META/meta-reports-second-quarter-2025-unff3e28iwry.html"),
  },
  {
    company: "Meta",
    fiscalYear: 2025,
    announcedDate: "2025-10-29",
    lowUsd: 70 * B,
    highUsd: 72 * B,
    basis: "including-finance-leases",
    statement: "2025 capital expenditures expected between $70 billion and $72 billion, up from $66-72 billion; 2026 dollar growth 'notably larger'.",
    source: src("https://techeconomy.ng/?p=170170"),
  },
  {
    company: "Alphabet",
    fiscalYear: 2025,
    announcedDate: "2025-02-04",
    lowUsd: 75 * B,
    highUsd: 75 * B,
    basis: "purchases-of-property-and-equipment",
    statement: "About $75 billion of capital expenditures in 2025.",
    source: src("https://www.pymnts.com/google/2025/pichai-ai-overviews-top-2-billion-users-and-boost-search-by-10/", "Quoted as the earlier 2025 forecast when it was raised in July."),
  },
  {
    company: "Alphabet",
    fiscalYear: 2025,
    announcedDate: "2025-07-23",
    lowUsd: 85 * B,
    highUsd: 85 * B,
    basis: "purchases-of-property-and-equipment",
    statement: "We are increasing our investment in capital expenditures in 2025 to approximately $85 billion.",
    source: src("https://www.northaxiswealth.cc/news/detail/5464"),
  },
  {
    company: "Alphabet",
    fiscalYear: 2025,
    announcedDate: "2025-10-29",
    lowUsd: 91 * B,
    highUsd: 93 * B,
    basis: "purchases-of-property-and-equipment",
    statement: "2025 capital expenditures of $91-93 billion, the third upward revision of the year.",
    source: src("https://www.globaldatacenterhub.com/p/google-q3-2025-93-billion-capex-marks"),
  },
  {
    company: "Microsoft",
    fiscalYear: 2026,
    fiscalQuarter: 1,
    announcedDate: "2025-07-30",
    lowUsd: 30 * B,
    basis: "including-finance-leases",
    statement: "Capital expenditures of over $30 billion in the first quarter of fiscal 2026.",
    source: src("https://reportify.ai/news/1150306592680579072"),
  },
  {
    company: "Oracle",
    fiscalYear: 2026,
    announcedDate: "2025-06-11",
    lowUsd: 25 * B,
    highUsd: 25 * B,
    basis: "purchases-of-property-and-equipment",
    statement: "About $25 billion of capex in fiscal 2026, which 'may turn out to be understated' (CFO Safra Catz).",
    source: src("https://www.thestack.technology/oracle-battles-with-insatiable-demand-for-capacity-as-it-puts-capex-on-steroids/"),
  },
  {
    company: "Oracle",
    fiscalYear: 2026,
    announcedDate: "2025-09-09",
    lowUsd: 35 * B,
    highUsd: 35 * B,
    basis: "purchases-of-property-and-equipment",
    statement: "Fiscal 2026 capex of around $35 billion, primarily revenue-generating data center equipment.",
    source: src("https://www.marketbeat.com/earnings/reports/2025-9-8-oracle-co-stock"),
  },
  {
    company: "Oracle",
    fiscalYear: 2026,
    announcedDate: "2025-12-10",
    lowUsd: 50 * B,
    highUsd: 50 * B,
    basis: "purchases-of-property-and-equipment",
    statement: "Fiscal 2026 capex raised to approximately $50 billion, about $15 billion above the prior estimate.",
    source: src("https://wallstreetwaves.com/will-oracles-increasing-cloud-investments-propel-its-next-growth-stage"),
  },
  {
    company: "CoreWeave",
    fiscalYear: 2025,
    fiscalQuarter: 2,
    announcedDate: "2025-05-14",
    lowUsd: 3 * B,
    highUsd: 3.5 * B,
    basis: "purchases-of-property-and-equipment",
    statement: "Q2 2025 capex of $3 billion to $3.5 billion.",
    source: src("https://www.econotimes.com/CoreWeave-Plans-23B-AI-Infrastructure-Push-Despite-Short-Term-Market-Jitters-1710349"),
  },
  {
    company: "CoreWeave",
    fiscalYear: 2025,
    announcedDate: "2025-05-14",
    lowUsd: 20 * B,
    highUsd: 23 * B,
    basis: "purchases-of-property-and-equipment",
    statement: "Plans to invest between $20 billion and $23 billion in 2025.",
    source: src("https://www.econotimes.com/CoreWeave-Plans-23B-AI-Infrastructure-Push-Despite-Short-Term-Market-Jitters-1710349"),
  },
  {
    company: "CoreWeave",
    fiscalYear: 2025,
    announcedDate: "2025-11-10",
    lowUsd: 12 * B,
    highUsd: 14 * B,
    basis: "purchases-of-property-and-equipment",
    statement: "2025 capex lowered to $12-14 billion after a third-party data center developer's powered-shell delay; 2026 'well in excess of double' 2025.",
    source: src("https://longbridge.cn/news/265246511"),
  },
];

/** Reported capex, by company and period. */
export const CAPEX_REPORTED: CapexReported[] = [
  metaPpe(2023, 1, "2023-03-31", 6.84),
  metaPpe(2023, 2, "2023-06-30", 6.22),
  metaPpe(2023, 3, "2023-09-30", 6.54),
  metaPpe(2023, 4, "2023-12-31", 7.67),
  metaPpe(2024, 1, "2024-03-31", 6.4),
  metaPpe(2024, 2, "2024-06-30", 8.17),
  metaPpe(2024, 3, "2024-09-30", 8.26),
  metaPpe(2024, 4, "2024-12-31", 14.43),
  metaPpe(2025, 1, "2025-03-31", 12.94),
  metaPpe(2025, 2, "2025-06-30", 16.54),
  metaPpe(2025, 3, "2025-09-30", 18.83),
  {
    company: "Meta",
    fiscalYear: 2024,
    periodEndDate: "2024-12-31",
    capexUsd: 39.2 * B,
    basis: "including-finance-leases",
    source: src("https://parameter.io/meta-stock-why-wall-street-isnt-buying-the-ai-vision", "2024 capital expenditures $39.2 billion."),
  },
  {
    company: "Meta",
    fiscalYear: 2025,
    fiscalQuarter: 1,
    periodEndDate: "2025-03-31",
    capexUsd: 13.69 * B,
    basis: "including-finance-leases",
    source: src("https://www.shacknews.com/article/144096/facebook-meta-increases-2025-capital-expenditure"),
  },
  {
    company: "Meta",
    fiscalYear: 2025,
    fiscalQuarter: 2,
    periodEndDate: "2025-06-30",
    capexUsd: 17.01 * B,
    basis: "including-finance-leases",
    source: src("https://modeledge.ai/api/proxy/0001326801/0001628280-25-036719/meta-06302025xexhibit991.htm", "Meta Q2 2025 earnings release (Exhibit 99.1)."),
  },
  { company: "Meta", fiscalYear: 2025, fiscalQuarter: 3, periodEndDate: "2025-09-30", capexUsd: 19.37 * B, basis: "including-finance-leases", source: src("https://reportify.ai/news/1181139979481649152") },
  { company: "Alphabet", fiscalYear: 2023, periodEndDate: "2023-12-31", capexUsd: 32.25 * B, basis: "purchases-of-property-and-equipment", source: src("https://theglobalpractice.com/?p=169395") },
  {
    company: "Alphabet",
    fiscalYear: 2024,
    periodEndDate: "2024-12-31",
    capexUsd: 52.5 * B,
    basis: "purchases-of-property-and-equipment",
    source: src("https://www.pymnts.com/google/2025/pichai-ai-overviews-top-2-billion-users-and-boost-search-by-10/"),
  },
  {
    company: "Alphabet",
    fiscalYear: 2025,
    fiscalQuarter: 2,
    periodEndDate: "2025-06-30",
    capexUsd: 22.4 * B,
    basis: "purchases-of-property-and-equipment",
    source: src("https://renewablesradar.com/?p=55466", "CFO: capex reached $22.4 billion in Q2; two-thirds servers, the rest data centers and networking."),
  },
  {
    company: "Amazon",
    fiscalYear: 2024,
    fiscalQuarter: 1,
    periodEndDate: "2024-03-31",
    capexUsd: 14.925 * B,
    basis: "purchases-of-property-and-equipment",
    source: src("https://d18rn0p25nwr6d.cloudfront.net/CIK-0001018724/7405206c-e6d0-472a-b883-0d58105920fd.html", "Derived: six months to June 2024 $32,545M minus Q2 2024 $17,620M (10-Q filed 2025-08-01)."),
  },
  {
    company: "Amazon",
    fiscalYear: 2024,
    fiscalQuarter: 2,
    periodEndDate: "2024-06-30",
    capexUsd: 17.62 * B,
    basis: "purchases-of-property-and-equipment",
    source: src("https://d18rn0p25nwr6d.cloudfront.net/CIK-0001018724/7405206c-e6d0-472a-b883-0d58105920fd.html"),
  },
  {
    company: "Amazon",
    fiscalYear: 2025,
    fiscalQuarter: 1,
    periodEndDate: "2025-03-31",
    capexUsd: 25.019 * B,
    basis: "purchases-of-property-and-equipment",
    source: src("https://d18rn0p25nwr6d.cloudfront.net/CIK-0001018724/7405206c-e6d0-472a-b883-0d58105920fd.html", "Derived: six months to June 2025 $57,202M minus Q2 2025 $32,183M."),
  },
  {
    company: "Amazon",
    fiscalYear: 2025,
    fiscalQuarter: 2,
    periodEndDate: "2025-06-30",
    capexUsd: 32.183 * B,
    basis: "purchases-of-property-and-equipment",
    source: src("https://d18rn0p25nwr6d.cloudfront.net/CIK-0001018724/7405206c-e6d0-472a-b883-0d58105920fd.html"),
  },
  {
    company: "Amazon",
    fiscalYear: 2025,
    fiscalQuarter: 1,
    periodEndDate: "2025-03-31",
    capexUsd: 24.3 * B,
    basis: "cash-capex-net",
    source: src("https://reportify.ai/financials/1115749525953318912", "10-Q: cash capital expenditures $24.3 billion (net of proceeds and incentives)."),
  },
  {
    company: "Amazon",
    fiscalYear: 2025,
    fiscalQuarter: 2,
    periodEndDate: "2025-06-30",
    capexUsd: 31.368 * B,
    basis: "cash-capex-net",
    source: src("https://d18rn0p25nwr6d.cloudfront.net/CIK-0001018724/7405206c-e6d0-472a-b883-0d58105920fd.html", "Derived: purchases $32,183M minus proceeds and incentives $815M."),
  },
  {
    company: "Amazon",
    fiscalYear: 2025,
    fiscalQuarter: 3,
    periodEndDate: "2025-09-30",
    capexUsd: 34.2 * B,
    basis: "cash-capex-net",
    source: src("https://reportify.ai/financials/1181706209863012352", "10-Q: cash capital expenditures $34.2 billion."),
  },
  {
    company: "Microsoft",
    fiscalYear: 2025,
    periodEndDate: "2025-06-30",
    capexUsd: 88 * B,
    basis: "including-finance-leases",
    source: src("https://www.etcentric.org/driven-by-ai-and-cloud-microsoft-profit-exceeds-100-billion", "$88 billion invested in data centers over fiscal 2025."),
  },
  {
    company: "Microsoft",
    fiscalYear: 2026,
    fiscalQuarter: 1,
    periodEndDate: "2025-09-30",
    capexUsd: 34.9 * B,
    financeLeasesUsd: 11.1 * B,
    basis: "including-finance-leases",
    source: src("https://reportify.ai/transcripts/1181137959815090176", "Earnings presentation: capital expenditures $34.9B including $11.1B finance leases; cash paid for PP&E $19.4B."),
  },
  { company: "Microsoft", fiscalYear: 2026, fiscalQuarter: 1, periodEndDate: "2025-09-30", capexUsd: 19.4 * B, basis: "purchases-of-property-and-equipment", source: src("https://reportify.ai/transcripts/1181137959815090176") },
  { company: "Oracle", fiscalYear: 2025, periodEndDate: "2025-05-31", capexUsd: 21.2 * B, basis: "purchases-of-property-and-equipment", source: src("https://wallstreetwaves.com/?p=259616", "Fiscal 2025 capex $21.2 billion.") },
  {
    company: "Oracle",
    fiscalYear: 2025,
    fiscalQuarter: 4,
    periodEndDate: "2025-05-31",
    capexUsd: 9.1 * B,
    basis: "purchases-of-property-and-equipment",
    source: src("https://www.thestack.technology/oracle-battles-with-insatiable-demand-for-capacity-as-it-puts-capex-on-steroids/"),
  },
  {
    company: "Oracle",
    fiscalYear: 2026,
    fiscalQuarter: 2,
    periodEndDate: "2025-11-30",
    capexUsd: 12 * B,
    basis: "purchases-of-property-and-equipment",
    source: src("https://wallstreetwaves.com/will-oracles-increasing-cloud-investments-propel-its-next-growth-stage", "About $12 billion in Q2 fiscal 2026."),
  },
];
