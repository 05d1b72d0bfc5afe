// The roofline's roofs and points, checked against hand-derived figures.
import { describe, expect, it } from "vitest";
import { predictBody } from "./predict-data.js";
import { rooflineChart, rooflineOf } from "./roofline.js";

const scenario = (concurrency: number) => ({
  model: "meta-llama/Llama-3.3-70B-Instruct",
  hardware: { accelerator: "h100-sxm", count: 8 },
  engine: "vllm",
  workload: { kind: "generate", inputTokens: 1000, outputTokens: 1000, load: { mode: "concurrency", concurrency } },
});

describe("rooflineOf", () => {
  const { inputs } = predictBody(scenario(64));
  const r = rooflineOf(inputs[0]!)!;

  it("takes the roofs from the catalog: H100 SXM bf16 989.4 TFLOP/s over 3.35 TB/s", () => {
    expect(r.computePrecision).toBe("bf16");
    expect(r.peakFlopsPerSecond).toBe(989.4e12);
    expect(r.memoryBandwidthBytesPerSecond).toBe(3.35e12);
    // ridge = 989.4e12 / 3.35e12 = 295.3 FLOP per byte
    expect(r.ridgeFlopsPerByte).toBeCloseTo(295.34, 1);
  });

  it("places decode and prefill where the arithmetic says", () => {
    const [one, batch, prefill] = r.points;
    // batch 1, bf16: each 2-byte weight feeds one multiply-add (2 FLOPs) -> about 1 FLOP/byte (KV reads pull it a little lower)
    expect(one!.flopsPerByte).toBeGreaterThan(0.9);
    expect(one!.flopsPerByte).toBeLessThan(1.1);
    expect(one!.bound).toBe("memory");
    // 64 sequences share each weight read, but each reads its own ~1500-token KV cache: well under 64, well over 1
    expect(batch!.flopsPerByte).toBeGreaterThan(20);
    expect(batch!.flopsPerByte).toBeLessThan(64);
    // attainable = bandwidth x intensity below the ridge
    expect(batch!.attainableFlopsPerSecond).toBeCloseTo(3.35e12 * batch!.flopsPerByte, -6);
    // a 1000-token prefill chunk reuses each weight 1000 times: ~1000 FLOP/byte, past the ridge, on the compute roof
    expect(prefill!.flopsPerByte).toBeGreaterThan(r.ridgeFlopsPerByte);
    expect(prefill!.attainableFlopsPerSecond).toBe(989.4e12);
    expect(prefill!.bound).toBe("compute");
  });

  it("draws an SVG with labelled axes and the workload points", () => {
    const svg = rooflineChart(r);
    expect(svg.startsWith("<svg")).toBe(true);
    expect(svg).toContain("arithmetic intensity (FLOP/byte)");
    expect(svg).toContain("attainable FLOP/s per accelerator");
    expect(svg).toContain("decode, batch 64");
    expect(svg).not.toMatch(/NaN|Infinity|undefined/);
  });

  it("an embedding workload gets one forward-pass point", () => {
    const embed = predictBody({ model: "BAAI/bge-large-en-v1.5", hardware: { accelerator: "l4", count: 1 }, workload: { kind: "embed", inputTokens: 512, outputTokens: 0, load: { mode: "concurrency", concurrency: 32 } } });
    const e = rooflineOf(embed.inputs[0]!)!;
    expect(e.points).toHaveLength(1);
    expect(e.points[0]!.name).toMatch(/^forward pass/);
  });
});

describe("rooflineOf from the evaluation predict kept", () => {
  it("gives the same roofline from the page's evaluation as from its own (nothing re-runs the plan search)", () => {
    const body = predictBody(scenario(64));
    expect(rooflineOf(body.inputs[0]!, body.evaluations[0])).toEqual(rooflineOf(body.inputs[0]!));
  });
});
