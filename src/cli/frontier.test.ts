import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { captureIo } from "./io.js";
import { sweepProgress } from "./sweep-progress.js";
import { runMain } from "./test-support/run-main.js";

const dir = mkdtempSync(join(tmpdir(), "costcurve-frontier-"));

describe("costcurve frontier", () => {
  it("prints per-accelerator Pareto frontiers and writes readable charts", async () => {
    const svg = join(dir, "f.svg");
    const png = join(dir, "f.png");
    const r = await runMain("frontier", "--model", "meta-llama/Llama-3.3-70B-Instruct", "--accelerators", "h100-sxm,b200", "--input", "1000", "--output", "500", "--usd-per-hour", "h100-sxm=2,b200=4", "--json", "--svg", svg, "--png", png);
    expect(r.code).toBe(0);
    const f = JSON.parse(r.out);
    for (const id of ["h100-sxm", "b200"]) {
      const points = f.frontiers[id];
      expect(points.length).toBeGreaterThan(3);
      // Pareto: faster per user means less per accelerator along the frontier.
      for (let i = 1; i < points.length; i++) {
        expect(points[i].outputTokensPerSecondPerUser).toBeGreaterThanOrEqual(points[i - 1].outputTokensPerSecondPerUser);
        expect(points[i].outputTokensPerSecondPerAccelerator).toBeLessThanOrEqual(points[i - 1].outputTokensPerSecondPerAccelerator);
      }
    }
    const text = readFileSync(svg, "utf8");
    expect(text).toMatch(/Output tokens\/s per user/);
    expect(text).toMatch(/Output tokens\/s per accelerator/);
    expect(existsSync(png) && readFileSync(png).subarray(1, 4).toString()).toBe("PNG");
  });

  it("names bad flags", async () => {
    expect((await runMain("frontier", "--model", "meta-llama/Llama-3.3-70B-Instruct", "--accelerators", "h100")).err).toMatch(/--accelerators: unknown accelerator "h100"; did you mean/);
    expect((await runMain("frontier", "--model", "meta-llama/Llama-3.3-70B-Instruct", "--accelerators", "h100-sxm", "--precision", "fp7")).err).toMatch(/--precision: .*"fp7"/);
    expect((await runMain("frontier", "--model", "meta-llama/Llama-3.3-70B-Instruct", "--accelerators", "h100-sxm", "--svg", "x.jpg")).err).toMatch(/--svg: the file name must end in \.svg, got "x\.jpg"/);
    expect((await runMain("frontier", "--model", "nope", "--accelerators", "h100-sxm")).err).toMatch(/unknown model "nope"/);
  });
});

describe("costcurve optimize", () => {
  const scenario = join(dir, "s.json");
  writeFileSync(
    scenario,
    JSON.stringify({
      model: "meta-llama/Llama-3.1-8B-Instruct",
      hardware: { accelerator: "h100-sxm", count: 1 },
      engine: "vllm",
      workload: { kind: "generate", inputTokens: 1000, outputTokens: 200, load: { mode: "slo", ttftSeconds: 1, tpotSeconds: 0.04, percentile: 99 } },
    }),
  );

  it("ranks configurations by cost, names prices and latency statistics, and says what binds", async () => {
    const r = await runMain("optimize", scenario, "--accelerators", "h100-sxm,l40s,a100-sxm-80gb", "--max-count", "8", "--json");
    expect(r.code).toBe(0);
    const o = JSON.parse(r.out);
    const costs = o.rows.map((x: { usdPerMillionTokens: number }) => x.usdPerMillionTokens);
    expect(costs).toEqual([...costs].sort((a: number, b: number) => a - b));
    for (const row of o.rows) {
      expect(["ttft", "tpot", "capacity", "max-batch"]).toContain(row.binding);
      expect(row.scenario.parallelism).toEqual({ tp: row.tp, pp: row.pp, ep: row.ep, dp: row.dp });
      expect(row.price.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    const human = await runMain("optimize", scenario, "--accelerators", "h100-sxm", "--max-count", "2");
    expect(human.out).toMatch(/TTFT mean/);
    expect(human.out).toMatch(/TPOT mean/);
    expect(human.out).toMatch(/meets p99 TTFT <= 1 s and TPOT <= 0\.04 s/);
    expect(human.out).toMatch(/prices: h100-sxm \$\d+\.\d\d\/h on-demand, .+, \d{4}-\d{2}-\d{2}/);
    expect(human.out).toMatch(/cheapest: \d+ x h100-sxm .* what binds: /);
  });

  it("takes --precision and --usd-per-hour, and the scenario's own precision and price", async () => {
    const r = await runMain("optimize", scenario, "--accelerators", "h100-sxm", "--max-count", "2", "--precision", "fp8", "--usd-per-hour", "0.5", "--json");
    expect(r.code).toBe(0);
    for (const row of JSON.parse(r.out).rows) expect(row).toMatchObject({ precision: "fp8", price: { usdPerHour: 0.5, kind: "user" } });
    const pinned = join(dir, "pinned.json");
    writeFileSync(pinned, JSON.stringify({ ...JSON.parse(readFileSync(scenario, "utf8")), precision: { weights: "bf16" }, pricing: { usdPerAcceleratorHour: 0.5 } }));
    const p = await runMain("optimize", pinned, "--accelerators", "h100-sxm", "--max-count", "2", "--json");
    expect(p.code).toBe(0);
    for (const row of JSON.parse(p.out).rows) expect(row).toMatchObject({ precision: "bf16", price: { usdPerHour: 0.5 }, scenario: { precision: { weights: "bf16" }, pricing: { usdPerAcceleratorHour: 0.5 } } });
  });

  it("explains an impossible request", async () => {
    const r = await runMain("optimize", scenario, "--accelerators", "l4", "--tpot", "0.001");
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/no configuration of meta-llama\/Llama-3\.1-8B-Instruct meets p99 TTFT <= 1 s and TPOT <= 0\.001 s/);
  });
});

describe("sweep progress", () => {
  it("stays silent under a second and draws a bar on a terminal after that", () => {
    let t = 0;
    const io = { ...captureIo(), interactive: true };
    const progress = sweepProgress(io, "frontier", () => t);
    progress.update(1, 10);
    expect(io.err.join("")).toBe("");
    t = 1500;
    progress.update(5, 10);
    expect(io.err.join("")).toMatch(/frontier \[#{15}\.{15}\] 5\/10 configurations, 1\.5 s/);
    progress.finish("done");
    expect(io.err.join("")).toMatch(/frontier: done in 1\.5 s\n$/);
  });
});
