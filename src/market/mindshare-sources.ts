// Fetchers for the public JSON APIs behind the mindshare read: npm downloads, pypistats, GitHub, Hugging Face.
// Base URLs come from the environment so tests can point them at a loopback server with recorded fixtures.
import { z } from "zod";

export type MindshareSource = "npm" | "pypi" | "github" | "hf";

export interface SeriesPoint {
  /** ISO date (YYYY-MM-DD) the value belongs to. */
  date: string;
  value: number;
}

/** What one fetch of one package, repo or model returns. */
export interface MindshareSnapshot {
  source: MindshareSource;
  id: string;
  fetchedAt: string;
  /** Daily downloads (npm, pypi) or weekly commits (github), oldest first. */
  series: SeriesPoint[];
  seriesMetric: "downloads-per-day" | "commits-per-week" | null;
  /** Point-in-time counters: stars, forks, likes, downloads over the hub's last 30 days. */
  counters: Record<string, number>;
}

export const MindshareSnapshotSchema = z.strictObject({
  source: z.enum(["npm", "pypi", "github", "hf"]),
  id: z.string(),
  fetchedAt: z.string(),
  series: z.array(z.strictObject({ date: z.string(), value: z.number() })),
  seriesMetric: z.enum(["downloads-per-day", "commits-per-week"]).nullable(),
  counters: z.record(z.string(), z.number()),
});

/** Base URL of each API, overridable with COSTCURVE_NPM_API, COSTCURVE_PYPI_API, COSTCURVE_GITHUB_API, COSTCURVE_HF_API. */
export function apiBases(env: Record<string, string | undefined>): Record<MindshareSource, string> {
  const pick = (name: string, fallback: string) => (env[name]?.trim() || fallback).replace(/\/+$/, "");
  return {
    npm: pick("COSTCURVE_NPM_API", "https://api.npmjs.org"),
    pypi: pick("COSTCURVE_PYPI_API", "https://pypistats.org"),
    github: pick("COSTCURVE_GITHUB_API", "https://api.github.com"),
    hf: pick("COSTCURVE_HF_API", "https://huggingface.co"),
  };
}

export type FetchJson = (url: string, headers?: Record<string, string>) => Promise<unknown>;

/** GET a URL and parse JSON; non-2xx answers throw with the status. */
export const fetchJson: FetchJson = async (url, headers = {}) => {
  const response = await fetch(url, { headers: { accept: "application/json", "user-agent": "costcurve", ...headers } });
  if (response.status === 202) return null; // GitHub statistics still being computed
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.json();
};

const NpmRange = z.object({ downloads: z.array(z.object({ day: z.string(), downloads: z.number() })) });
const PypiOverall = z.object({ data: z.array(z.object({ category: z.string(), date: z.string(), downloads: z.number() })) });
const GithubRepo = z.object({ stargazers_count: z.number(), forks_count: z.number(), subscribers_count: z.number().optional(), open_issues_count: z.number() });
const GithubActivity = z.array(z.object({ week: z.number(), total: z.number() }));
const HfModel = z.object({ downloads: z.number().optional(), likes: z.number().optional() });

function parse<T>(schema: z.ZodType<T>, url: string, body: unknown): T {
  const r = schema.safeParse(body);
  if (!r.success) throw new Error(`${url}: unexpected response shape (${r.error.issues[0]?.path.join(".") ?? "?"}: ${r.error.issues[0]?.message ?? "?"})`);
  return r.data;
}

function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** Fetches one target from its API; `now` fixes the date window (npm: the last 180 days). */
export async function fetchSnapshot(source: MindshareSource, id: string, bases: Record<MindshareSource, string>, now: Date, get: FetchJson = fetchJson, env: Record<string, string | undefined> = {}): Promise<MindshareSnapshot> {
  const fetchedAt = now.toISOString();
  if (source === "npm") {
    const start = isoDay(new Date(now.getTime() - 180 * 86400_000));
    const url = `${bases.npm}/downloads/range/${start}:${isoDay(now)}/${id}`;
    const body = parse(NpmRange, url, await get(url));
    return { source, id, fetchedAt, seriesMetric: "downloads-per-day", series: body.downloads.map((d) => ({ date: d.day, value: d.downloads })), counters: {} };
  }
  if (source === "pypi") {
    const url = `${bases.pypi}/api/packages/${encodeURIComponent(id.toLowerCase())}/overall?mirrors=false`;
    const body = parse(PypiOverall, url, await get(url));
    const series = body.data
      .filter((d) => d.category === "without_mirrors")
      .map((d) => ({ date: d.date, value: d.downloads }))
      .sort((a, b) => a.date.localeCompare(b.date));
    return { source, id, fetchedAt, seriesMetric: "downloads-per-day", series, counters: {} };
  }
  if (source === "github") {
    const headers: Record<string, string> = env.GITHUB_TOKEN ? { authorization: `Bearer ${env.GITHUB_TOKEN}` } : {};
    const repoUrl = `${bases.github}/repos/${id}`;
    const repo = parse(GithubRepo, repoUrl, await get(repoUrl, headers));
    const activityUrl = `${repoUrl}/stats/commit_activity`;
    const raw = await get(activityUrl, headers);
    const activity = raw === null ? [] : parse(GithubActivity, activityUrl, raw);
    const counters: Record<string, number> = { stars: repo.stargazers_count, forks: repo.forks_count, openIssues: repo.open_issues_count };
    if (repo.subscribers_count !== undefined) counters.watchers = repo.subscribers_count;
    return { source, id, fetchedAt, seriesMetric: "commits-per-week", series: activity.map((w) => ({ date: isoDay(new Date(w.week * 1000)), value: w.total })), counters };
  }
  const url = `${bases.hf}/api/models/${id}`;
  const model = parse(HfModel, url, await get(url));
  const counters: Record<string, number> = {};
  if (model.downloads !== undefined) counters.downloads30d = model.downloads;
  if (model.likes !== undefined) counters.likes = model.likes;
  return { source, id, fetchedAt, seriesMetric: null, series: [], counters };
}
