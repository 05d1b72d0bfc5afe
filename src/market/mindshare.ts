// The open-source mindshare read: fetch (or load saved) snapshots, keep them in the store, summarize and chart.
import type { Store } from "../store/store.js";
import { renderXYChart, type XYSeries } from "../report/chart/xy-chart.js";
import { dateMs } from "../report/chart/time-ticks.js";
import { type FetchJson, type MindshareSnapshot, MindshareSnapshotSchema, type MindshareSource, type SeriesPoint, apiBases, fetchJson, fetchSnapshot } from "./mindshare-sources.js";

export interface MindshareTarget {
  source: MindshareSource;
  id: string;
}

export interface CollectedTarget {
  target: MindshareTarget;
  /** live: fetched now and saved; saved: the latest stored snapshot (offline, or the fetch failed). */
  origin: "live" | "saved";
  latest: MindshareSnapshot;
  /** Every stored snapshot of the target, oldest first (counters over time). */
  history: MindshareSnapshot[];
}

export interface CollectProblem {
  target: MindshareTarget;
  message: string;
}

/** Store key of a target's snapshots. */
export function snapshotKey(t: MindshareTarget): string {
  return `mindshare:${t.source}:${t.id.toLowerCase()}`;
}

/** Fetches each target (unless offline), saves it as a snapshot, and falls back to saved snapshots when it cannot. */
export async function collectMindshare(options: {
  targets: MindshareTarget[];
  offline: boolean;
  store: Store | null;
  env: Record<string, string | undefined>;
  now: Date;
  get?: FetchJson;
}): Promise<{ collected: CollectedTarget[]; problems: CollectProblem[] }> {
  const bases = apiBases(options.env);
  const collected: CollectedTarget[] = [];
  const problems: CollectProblem[] = [];
  for (const target of options.targets) {
    let live: MindshareSnapshot | undefined;
    if (!options.offline) {
      try {
        live = await fetchSnapshot(target.source, target.id, bases, options.now, options.get ?? fetchJson, options.env);
        await options.store?.addSnapshot(snapshotKey(target), live, live.fetchedAt);
      } catch (error) {
        problems.push({ target, message: `fetch failed (${(error as Error).message}); using the saved snapshot if any` });
      }
    }
    const history = options.store ? await savedHistory(options.store, target) : live ? [live] : [];
    const latest = live ?? history[history.length - 1];
    if (!latest) {
      problems.push({ target, message: options.offline ? "no saved snapshot (run once online first)" : "nothing fetched and no saved snapshot" });
      continue;
    }
    collected.push({ target, origin: live ? "live" : "saved", latest, history: history.length > 0 ? history : [latest] });
  }
  return { collected, problems };
}

async function savedHistory(store: Store, target: MindshareTarget): Promise<MindshareSnapshot[]> {
  const out: MindshareSnapshot[] = [];
  for (const record of await store.listSnapshots(snapshotKey(target))) {
    const parsed = MindshareSnapshotSchema.safeParse(record.payload);
    if (parsed.success) out.push(parsed.data);
  }
  return out.sort((a, b) => a.fetchedAt.localeCompare(b.fetchedAt));
}

export interface MindshareRow {
  source: MindshareSource;
  id: string;
  origin: "live" | "saved";
  fetchedAt: string;
  /** Downloads over the last 30 days (npm, pypi: summed from the daily series; hf: the hub's 30-day count). */
  downloads30d: number | null;
  /** Change of the last 30 days of downloads over the 30 before, as a fraction. */
  downloadsChangeFraction: number | null;
  stars: number | null;
  /** Change in stars since the oldest saved snapshot. */
  starsGained: number | null;
  commits4w: number | null;
  likes: number | null;
}

function sumLast(series: SeriesPoint[], n: number, skip = 0): number | null {
  if (series.length < n + skip) return null;
  return series.slice(series.length - n - skip, series.length - skip).reduce((s, p) => s + p.value, 0);
}

/** One summary row per collected target. */
export function summarizeMindshare(collected: CollectedTarget[]): MindshareRow[] {
  return collected.map(({ target, origin, latest, history }) => {
    const downloadsSeries = latest.seriesMetric === "downloads-per-day" ? latest.series : [];
    const last = sumLast(downloadsSeries, 30);
    const prior = sumLast(downloadsSeries, 30, 30);
    const stars = latest.counters.stars ?? null;
    const firstStars = history[0]?.counters.stars;
    return {
      source: target.source,
      id: target.id,
      origin,
      fetchedAt: latest.fetchedAt,
      downloads30d: last ?? latest.counters.downloads30d ?? null,
      downloadsChangeFraction: last !== null && prior !== null && prior > 0 ? last / prior - 1 : null,
      stars,
      starsGained: stars !== null && firstStars !== undefined && history.length > 1 ? stars - firstStars : null,
      commits4w: latest.seriesMetric === "commits-per-week" ? sumLast(latest.series, 4) : null,
      likes: latest.counters.likes ?? null,
    };
  });
}

/** Sums a daily series into 7-day buckets ending on its last day, each dated by its last day. */
export function weeklySums(series: SeriesPoint[]): SeriesPoint[] {
  const out: SeriesPoint[] = [];
  for (let end = series.length; end - 7 >= 0; end -= 7) {
    const week = series.slice(end - 7, end);
    out.unshift({ date: week[week.length - 1]!.date, value: week.reduce((s, p) => s + p.value, 0) });
  }
  return out;
}

/** Line chart of weekly downloads (npm, pypi) or weekly commits (github); null when nothing has that series. */
export function mindshareChart(collected: CollectedTarget[], kind: "downloads" | "commits"): string | null {
  const metric = kind === "downloads" ? "downloads-per-day" : "commits-per-week";
  const picked = collected.filter((c) => c.latest.seriesMetric === metric && c.latest.series.length > 0);
  if (picked.length === 0) return null;
  const series: XYSeries[] = picked.map((c) => {
    const points = kind === "downloads" ? weeklySums(c.latest.series) : c.latest.series;
    return { name: `${c.target.source}:${c.target.id}`, points: points.map((p) => ({ x: dateMs(p.date), y: p.value > 0 ? p.value : null })) };
  });
  return renderXYChart({
    title: kind === "downloads" ? "Weekly downloads" : "Weekly commits",
    subtitle: kind === "downloads" ? "npm (api.npmjs.org) and PyPI (pypistats.org, without mirrors), 7-day sums" : "GitHub commit activity, last 52 weeks",
    footnote: `Source: public registry APIs; latest fetch ${picked
      .map((c) => c.latest.fetchedAt.slice(0, 10))
      .sort()
      .pop()}`,
    x: { title: "week ending", scale: "time" },
    y: { title: kind === "downloads" ? "downloads per week" : "commits per week", scale: kind === "downloads" ? "log" : "linear" },
    series,
    legend: true,
  });
}
