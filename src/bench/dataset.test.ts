import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "vitest";
import { loadPromptsFromFile, parseDatasetSpec, randomPrompts } from "./dataset.js";
import { latencyStats } from "./histogram.js";
import { poissonArrivalSeconds, seededRandom } from "./rng.js";

test("random spec parsing and validation", () => {
  expect(parseDatasetSpec("random:input=500,output=50,spread=0.2")).toEqual({ ok: true, value: { kind: "random", inputTokens: 500, outputTokens: 50, spreadFraction: 0.2 } });
  expect(parseDatasetSpec("random")).toEqual({ ok: true, value: { kind: "random", inputTokens: 1000, outputTokens: 200, spreadFraction: 0 } });
  expect(parseDatasetSpec("random:spread=1").ok).toBe(false);
  expect(parseDatasetSpec("random:tokens=5").ok).toBe(false);
  expect(parseDatasetSpec("sharegpt:").ok).toBe(false);
});

test("random prompts: seeded, word counts within the spread", () => {
  // spread 0.1 around 100 -> lengths in [90, 110]
  const a = randomPrompts({ inputTokens: 100, outputTokens: 20, spreadFraction: 0.1 }, 50, 4);
  expect(randomPrompts({ inputTokens: 100, outputTokens: 20, spreadFraction: 0.1 }, 50, 4)).toEqual(a);
  for (const p of a) {
    expect(p.text.split(" ").length).toBe(p.inputTokensEstimate);
    expect(p.inputTokensEstimate).toBeGreaterThanOrEqual(90);
    expect(p.inputTokensEstimate).toBeLessThanOrEqual(110);
    expect(p.outputTokens).toBeGreaterThanOrEqual(18);
    expect(p.outputTokens).toBeLessThanOrEqual(22);
  }
});

test("sharegpt and jsonl files", () => {
  const dir = mkdtempSync(join(tmpdir(), "costcurve-ds-"));
  const share = join(dir, "s.jsonl");
  // reply of 40 characters -> 40 / 4 = 10 output tokens (local estimate)
  writeFileSync(
    share,
    `${JSON.stringify({
      conversations: [
        { from: "human", value: "hello there" },
        { from: "gpt", value: "x".repeat(40) },
      ],
    })}\n${JSON.stringify({ conversations: [{ from: "human", value: "alone" }] })}\n`,
  );
  expect(loadPromptsFromFile({ kind: "sharegpt", path: share }, 200)).toEqual([{ text: "hello there", inputTokensEstimate: 3, outputTokens: 10 }]);
  const jsonl = join(dir, "p.jsonl");
  writeFileSync(jsonl, '{"prompt":"abcd efgh","output_tokens":7}\n{"prompt":"q"}\n');
  expect(loadPromptsFromFile({ kind: "jsonl", path: jsonl }, 200).map((p) => p.outputTokens)).toEqual([7, 200]);
});

test("HDR statistics: exact below 2048 us, 3 significant digits above", () => {
  // 1..100 ms: mean 50.5 ms, p50 = 50 ms, p99 = 99 ms (each within 0.1%)
  const values = Array.from({ length: 100 }, (_, i) => (i + 1) / 1000);
  const s = latencyStats(values);
  expect(s.count).toBe(100);
  expect(s.mean!).toBeCloseTo(0.0505, 4);
  expect(s.p50!).toBeCloseTo(0.05, 4);
  expect(s.p99!).toBeCloseTo(0.099, 4);
  expect(latencyStats([0.000123]).p50).toBe(0.000123);
});

test("Poisson arrivals have mean gap 1 / rate", () => {
  // 4000 gaps at 5 requests/s: mean 0.2 s, standard error 0.2 / sqrt(4000) = 0.0032
  const t = poissonArrivalSeconds(4000, 5, seededRandom(1));
  expect(t.at(-1)! / 4000).toBeCloseTo(0.2, 1);
  expect(Math.abs(t.at(-1)! / 4000 - 0.2)).toBeLessThan(4 * 0.0032);
});
