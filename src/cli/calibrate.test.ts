import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { scaleProfile } from "../bench/calibrate.js";
import { SYNTHETIC_LLAMA_CONFIG, summaryFrom, syntheticInput, syntheticMachine, withBursts } from "../bench/test-support/calibration.js";
import { openStore } from "../store/open-store.js";
import { captureIo } from "./io.js";
import { saveMachine, storedMachines } from "./machine.js";
import { main } from "./main.js";

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), "costcurve-calibrate-"));
  dirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe("costcurve machine --save and costcurve calibrate", () => {
  test("a saved machine is an accelerator row and a llamacpp profile the scenario resolves against; calibrate compares, fits, saves and charts", async () => {
    const dir = tempDir();
    const env = { COSTCURVE_DB: join(dir, "store.db") };
    const store = await openStore(env, dir);
    try {
      const saved = await saveMachine(store, syntheticMachine(), "test");
      expect(saved).toMatchObject({ version: 1, accelerator: { id: "machine-test", kind: "cpu", family: "local-cpu" }, profile: { family: "local-cpu", engine: "llamacpp" } });
      // 10 GB/s all-thread bandwidth, decode at 8 GB/s -> bandwidthFraction 0.8
      expect(saved.profile.bandwidthFraction).toBeCloseTo(0.8, 9);
      const machines = await storedMachines(store);
      expect(machines.accelerators.map((a) => a.id)).toEqual(["machine-test"]);
    } finally {
      await store.close();
    }

    // measurements made by a machine with half the compute and 60% of the bandwidth the profile says
    const input = syntheticInput();
    const measuredWith = { ...input, profile: scaleProfile(input.profile, { compute: 0.5, bandwidth: 0.6, overhead: 1 }) };
    const results = join(dir, "results");
    mkdirSync(results);
    for (const s of [summaryFrom(measuredWith, { kind: "concurrency", concurrency: 1 }, "completions", 16, 64), summaryFrom(measuredWith, { kind: "concurrency", concurrency: 2 }, "completions", 256, 32)]) {
      writeFileSync(join(results, `summary-${s.level}.json`), JSON.stringify(s));
    }
    writeFileSync(join(dir, "config.json"), JSON.stringify(SYNTHETIC_LLAMA_CONFIG));
    writeFileSync(
      join(dir, "scenario.json"),
      JSON.stringify({
        model: "./config.json",
        hardware: { accelerator: "machine-test", count: 1 },
        engine: "llamacpp",
        precision: { weights: "fp16", activations: "fp16", kvCache: "fp16" },
        workload: { kind: "generate", inputTokens: 1, outputTokens: 1, load: { mode: "concurrency", concurrency: 1 } },
      }),
    );
    const io = captureIo(env, dir);
    const code = await main(["calibrate", "results", "--scenario", "scenario.json", "--name", "mine", "--svg", "chart.svg", "--json"], io);
    expect(io.err.join("")).toBe("");
    expect(code).toBe(0);
    const out = JSON.parse(io.out.join("")) as { rows: Array<{ errorFraction: number }>; fitted: { name: string; version: number; rows: Array<{ errorFraction: number }>; scales: { bandwidth: number } } };
    // c1 and c2: output tokens/s, TTFT and TPOT each
    expect(out.rows).toHaveLength(6);
    expect(Math.max(...out.rows.map((r) => Math.abs(r.errorFraction)))).toBeGreaterThan(0.3);
    expect(out.fitted).toMatchObject({ name: "mine", version: 1 });
    expect(out.fitted.scales.bandwidth).toBeCloseTo(0.6, 2);
    expect(Math.max(...out.fitted.rows.map((r) => Math.abs(r.errorFraction)))).toBeLessThan(0.01);
    expect(readFileSync(join(dir, "chart.svg"), "utf8")).toContain("<svg");

    const check = await openStore(env, dir);
    try {
      const record = await check.getCalibrationProfile("mine");
      expect(record?.profile).toMatchObject({ kind: "calibration", basedOn: "machine-test", profile: { id: "mine", engine: "llamacpp" } });
    } finally {
      await check.close();
    }

    // the human table names the metrics and both errors
    const human = captureIo(env, dir);
    expect(await main(["calibrate", "results", "--scenario", "scenario.json", "--name", "mine"], human)).toBe(0);
    expect(human.out.join("")).toMatch(/TPOT mean[\s\S]*error \(fitted\)|error \(fitted\)[\s\S]*TPOT mean/);
    // a run whose tokens were slowed now and then by outside load: the medians see the profile it was measured
    // with, the means do not; the human table labels the figures as medians, and the saved profile says so
    const bursty = join(dir, "bursty");
    mkdirSync(bursty);
    for (const s of [summaryFrom(measuredWith, { kind: "concurrency", concurrency: 1 }, "completions", 16, 64), summaryFrom(measuredWith, { kind: "concurrency", concurrency: 2 }, "completions", 256, 32)]) {
      writeFileSync(join(bursty, `summary-${s.level}.json`), JSON.stringify(withBursts(s, 0.2, 4)));
    }
    const fitted = async (statistic: string) => {
      const run = captureIo(env, dir);
      expect(await main(["calibrate", "bursty", "--scenario", "scenario.json", "--name", `bursty-${statistic}`, "--statistic", statistic, "--json"], run)).toBe(0);
      return JSON.parse(run.out.join("")) as { statistic: string; fitted: { scales: { bandwidth: number }; rows: Array<{ errorFraction: number }> } };
    };
    const byMedian = await fitted("median");
    expect(byMedian.statistic).toBe("median");
    expect(byMedian.fitted.scales.bandwidth).toBeCloseTo(0.6, 2);
    expect(Math.max(...byMedian.fitted.rows.map((r) => Math.abs(r.errorFraction)))).toBeLessThan(0.01);
    const byMean = await fitted("mean");
    // the mean fit can match the bursty means, but only with a bandwidth the machine does not have
    expect(Math.abs(byMean.fitted.scales.bandwidth / 0.6 - 1)).toBeGreaterThan(0.05);
    const medianTable = captureIo(env, dir);
    expect(await main(["calibrate", "bursty", "--scenario", "scenario.json", "--name", "bursty-median", "--statistic", "median"], medianTable)).toBe(0);
    expect(medianTable.out.join("")).toContain("TPOT median");
    expect(medianTable.out.join("")).toContain("output tokens/s (median request)");
    const saved = await openStore(env, dir);
    try {
      expect((await saved.getCalibrationProfile("bursty-median"))?.profile).toMatchObject({ kind: "calibration", statistic: "median" });
    } finally {
      await saved.close();
    }
  });

  test("errors name the argument", async () => {
    const dir = tempDir();
    const io = captureIo({ COSTCURVE_DB: join(dir, "store.db") }, dir);
    expect(await main(["calibrate", "nowhere", "--scenario", "s.json"], io)).toBe(1);
    expect(io.err.join("")).toContain("RESULTS_DIR: nowhere does not exist");
    const statistic = captureIo({ COSTCURVE_DB: join(dir, "store.db") }, dir);
    expect(await main(["calibrate", "nowhere", "--scenario", "s.json", "--statistic", "p90"], statistic)).toBe(1);
    expect(statistic.err.join("")).toContain('--statistic: "p90" is not one of mean, median');
    const bad = captureIo({}, dir);
    expect(await main(["machine", "--save", "Bad Name"], bad)).toBe(1);
    expect(bad.err.join("")).toContain('--save: "Bad Name" is not a valid name');
    expect(existsSync(join(dir, "store.db"))).toBe(false);
  });
});
