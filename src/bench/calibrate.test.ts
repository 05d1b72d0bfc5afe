import { describe, expect, test } from "vitest";
import { compareLevels, fitProfile, measuredFigures, scaleProfile, scenarioAt } from "./calibrate.js";
import { summaryFrom, syntheticInput, withBursts } from "./test-support/calibration.js";

describe("calibration", () => {
  test("a level's scenario takes the measured mean tokens and the level's load", () => {
    const input = syntheticInput();
    const s = summaryFrom(input, { kind: "concurrency", concurrency: 4 }, "completions", 100, 50);
    // 10 requests x 100 input and 50 output tokens -> 100 and 50 per request, concurrency 4
    expect(scenarioAt(input.scenario, s, 4).workload).toEqual({ kind: "generate", inputTokens: 100, outputTokens: 50, load: { mode: "concurrency", concurrency: 4 } });
    const e = summaryFrom(input, { kind: "concurrency", concurrency: 1 }, "embeddings", 512, 0);
    expect(scenarioAt(input.scenario, e, 1).workload.kind).toBe("embed");
  });

  test("predicting the engine's own numbers gives zero error", () => {
    const input = syntheticInput();
    const summaries = [summaryFrom(input, { kind: "concurrency", concurrency: 1 }, "completions", 64, 64), summaryFrom(input, { kind: "concurrency", concurrency: 1 }, "embeddings", 512, 0)];
    const rows = compareLevels(input, summaries);
    // completions: output tokens/s, TTFT, TPOT; embeddings: input tokens/s
    expect(rows.map((r) => r.metric)).toEqual(["outputTokensPerSecond", "ttftSeconds", "tpotSeconds", "inputTokensPerSecond"]);
    for (const r of rows) expect(Math.abs(r.errorFraction)).toBeLessThan(1e-9);
  });

  test("a rate level is predicted at the concurrency that sustains the rate", () => {
    const input = syntheticInput();
    const c1 = summaryFrom(input, { kind: "concurrency", concurrency: 1 }, "completions", 64, 64);
    // the request rate one sequence sustains, asked for as a Poisson rate, is predicted at concurrency ~1
    const rate = summaryFrom(input, { kind: "rate", requestsPerSecond: c1.requestsPerSecond }, "completions", 64, 64);
    expect(rate.outputTokensPerSecond).toBeCloseTo(c1.outputTokensPerSecond, 3);
  });

  test("the fit recovers the compute, bandwidth and overhead scales the measurements were made with", () => {
    const input = syntheticInput();
    const truth = { compute: 0.5, bandwidth: 0.6, overhead: 2 };
    const measuredWith = { ...input, profile: scaleProfile(input.profile, truth) };
    const summaries = [
      summaryFrom(measuredWith, { kind: "concurrency", concurrency: 1 }, "completions", 16, 64),
      summaryFrom(measuredWith, { kind: "concurrency", concurrency: 2 }, "completions", 256, 32),
      summaryFrom(measuredWith, { kind: "concurrency", concurrency: 1 }, "embeddings", 512, 0),
    ];
    const fit = fitProfile(input, summaries);
    expect(fit.before).toBeGreaterThan(0.1);
    expect(fit.after).toBeLessThan(1e-6);
    expect(fit.scales.compute).toBeCloseTo(0.5, 2);
    expect(fit.scales.bandwidth).toBeCloseTo(0.6, 2);
    expect(fit.scales.overhead).toBeCloseTo(2, 1);
    for (const r of fit.rows) expect(Math.abs(r.errorFraction)).toBeLessThan(1e-3);
  });

  test("median figures: the typical request, unmoved by a burst that slows a few tokens", () => {
    const input = syntheticInput();
    const exact = summaryFrom(input, { kind: "concurrency", concurrency: 1 }, "completions", 16, 64);
    const tpot = exact.tpotSeconds.mean!;
    // 10 requests x 63 gaps, all at the predicted TPOT but 10 of them 4x as long (a neighbour took the CPU for a moment):
    // the mean TPOT rises by 10 x 3 x tpot / 630 = 4.8%, the median gap stays
    const burst = (10 * 3 * tpot) / 630;
    const bursty = withBursts(exact, 10 / 630, 4);
    expect(bursty.tpotSeconds.mean).toBeCloseTo(tpot + burst, 12);
    const byMetric = (rows: ReturnType<typeof compareLevels>) => Object.fromEntries(rows.map((r) => [r.metric, r.errorFraction]));
    const mean = byMetric(compareLevels(input, [bursty]));
    expect(mean.tpotSeconds).toBeCloseTo(tpot / (tpot + burst) - 1, 6);
    expect(mean.outputTokensPerSecond).toBeGreaterThan(0.04);
    const median = byMetric(compareLevels(input, [bursty], "median"));
    for (const metric of ["outputTokensPerSecond", "ttftSeconds", "tpotSeconds"]) expect(Math.abs(median[metric]!)).toBeLessThan(1e-9);
    // embeddings: concurrency x tokens per request / median latency
    const embed = summaryFrom(input, { kind: "concurrency", concurrency: 2 }, "embeddings", 512, 0);
    const latency = (2 * 512) / embed.inputTokensPerSecond;
    expect(measuredFigures({ ...embed, e2eSeconds: { mean: 2 * latency, p50: latency, p90: latency, p99: 5 * latency, count: 10 } }, "median").tokensPerSecond).toBeCloseTo(embed.inputTokensPerSecond, 6);
    // a rate level keeps its measured throughput (the offered rate); a level without latencies has no median throughput
    const rate = summaryFrom(input, { kind: "rate", requestsPerSecond: 0.1 }, "completions", 16, 64);
    expect(measuredFigures(rate, "median").tokensPerSecond).toBe(rate.outputTokensPerSecond);
    expect(measuredFigures({ ...embed, e2eSeconds: { mean: null, p50: null, p90: null, p99: null, count: 0 } }, "median").tokensPerSecond).toBeNull();
  });

  test("median figures: gaps that are not one token each fall back to the median request's TPOT", () => {
    const input = syntheticInput();
    const exact = summaryFrom(input, { kind: "concurrency", concurrency: 1 }, "completions", 16, 64);
    const tpot = exact.tpotSeconds.p50!;
    // 4 tokens per chunk: 15 gaps per request of 63 tokens, each 4 TPOTs long
    const chunked = { ...exact, itlSeconds: { mean: 4 * tpot, p50: 4 * tpot, p90: 4 * tpot, p99: 4 * tpot, count: 150 } };
    expect(measuredFigures(chunked, "median").tpotSeconds).toBe(tpot);
    // one gap per token, but most arrived in one read with the one before (gap ~0): the median gap says nothing
    const merged = { ...exact, itlSeconds: { mean: tpot, p50: 1e-6, p90: 2 * tpot, p99: 4 * tpot, count: 630 } };
    expect(measuredFigures(merged, "median").tpotSeconds).toBe(tpot);
    expect(Math.abs(measuredFigures(merged, "median").tokensPerSecond! / exact.outputTokensPerSecond - 1)).toBeLessThan(1e-9);
    // no TTFT (e.g. no usable stream): the median end-to-end latency; a mean below one output token never runs time backwards
    const e2e = { ...exact, ttftSeconds: { mean: null, p50: null, p90: null, p99: null, count: 0 }, e2eSeconds: { mean: 4, p50: 2, p90: 4, p99: 4, count: 10 } };
    expect(measuredFigures(e2e, "median").tokensPerSecond).toBeCloseTo(64 / 2, 9);
    const empty = { ...exact, totalOutputTokens: 0 };
    expect(measuredFigures(empty, "median").tokensPerSecond).toBe(0);
  });

  test("the median fit recovers the scales through bursts that bias the mean fit", () => {
    const input = syntheticInput();
    const truth = { compute: 0.5, bandwidth: 0.6, overhead: 2 };
    const measuredWith = { ...input, profile: scaleProfile(input.profile, truth) };
    // a fifth of the gaps 4x slower: mean TPOT +60%
    const summaries = [
      withBursts(summaryFrom(measuredWith, { kind: "concurrency", concurrency: 1 }, "completions", 16, 64), 0.2, 4),
      withBursts(summaryFrom(measuredWith, { kind: "concurrency", concurrency: 2 }, "completions", 256, 32), 0.2, 4),
      summaryFrom(measuredWith, { kind: "concurrency", concurrency: 1 }, "embeddings", 512, 0),
    ];
    const median = fitProfile(input, summaries, "median");
    expect(median.after).toBeLessThan(1e-6);
    expect(median.scales.compute).toBeCloseTo(0.5, 2);
    expect(median.scales.bandwidth).toBeCloseTo(0.6, 2);
    const mean = fitProfile(input, summaries, "mean");
    // the means can be matched (step overheads absorb the rest) but only with a bandwidth the machine does not have
    expect(mean.scales.bandwidth).toBeLessThan(0.55);
  });
});
