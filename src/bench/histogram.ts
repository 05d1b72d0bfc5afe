/** Latency statistics from HDR histograms at microsecond resolution (3 significant digits). */
import * as hdr from "hdr-histogram-js";
import type { LatencyStats } from "./schemas.js";

const MICROSECONDS_PER_SECOND = 1e6;
/** One hour in microseconds: the largest latency tracked; larger values are clamped. */
const HIGHEST_TRACKABLE_MICROSECONDS = 3600 * MICROSECONDS_PER_SECOND;

/** Mean, p50, p90 and p99 of latencies in seconds, read from an HDR histogram (values rounded to 1 us). */
export function latencyStats(valuesSeconds: readonly number[]): LatencyStats {
  if (valuesSeconds.length === 0) return { mean: null, p50: null, p90: null, p99: null, count: 0 };
  const histogram = hdr.build({
    lowestDiscernibleValue: 1,
    highestTrackableValue: HIGHEST_TRACKABLE_MICROSECONDS,
    numberOfSignificantValueDigits: 3,
    useWebAssembly: false,
  });
  for (const seconds of valuesSeconds) {
    const micros = Math.round(seconds * MICROSECONDS_PER_SECOND);
    histogram.recordValue(Math.min(HIGHEST_TRACKABLE_MICROSECONDS, Math.max(0, micros)));
  }
  const at = (percentile: number) => histogram.getValueAtPercentile(percentile) / MICROSECONDS_PER_SECOND;
  const stats = { mean: histogram.mean / MICROSECONDS_PER_SECOND, p50: at(50), p90: at(90), p99: at(99), count: valuesSeconds.length };
  histogram.destroy();
  return stats;
}
