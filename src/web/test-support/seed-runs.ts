// A SQLite store holding two benchmark runs on different hardware (two concurrency levels each), for the Benchmark runs page.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openStore } from "../../store/open-store.js";

const stats = (mean: number) => ({ mean, p50: mean, p90: mean * 1.2, p99: mean * 1.5, count: 100 });

function level(concurrency: number, outputTokensPerSecond: number, ttft: number, tpot: number) {
  return {
    level: `c=${concurrency}`,
    load: { kind: "concurrency", concurrency },
    endpoint: "chat",
    interrupted: false,
    requestsCompleted: 100,
    requestsFailed: 0,
    durationSeconds: 60,
    requestsPerSecond: outputTokensPerSecond / 200,
    outputTokensPerSecond,
    inputTokensPerSecond: outputTokensPerSecond * 5,
    goodputRequestsPerSecond: outputTokensPerSecond / 200,
    totalInputTokens: 100_000,
    totalOutputTokens: 20_000,
    ttftSeconds: stats(ttft),
    tpotSeconds: stats(tpot),
    itlSeconds: stats(tpot),
    e2eSeconds: stats(ttft + 200 * tpot),
    sendDelaySeconds: stats(0.001),
    errors: {},
    localTokenCountRequests: 0,
    slo: {},
  };
}

/**
 * Creates a fresh SQLite file with run "demo-run" (Llama 3.1 8B on 1x H100 SXM, c=1 and c=16, the newest) and
 * "b200-run" (Llama 3.3 70B on 2x B200, c=1 and c=32) and returns its path.
 */
export async function seedRunsStore(): Promise<string> {
  const path = join(mkdtempSync(join(tmpdir(), "costcurve-web-")), "store.db");
  const store = await openStore({ COSTCURVE_DB: path });
  try {
    await store.saveBenchRun({
      id: "demo-run",
      startedAt: "2026-11-20T10:00:00.000Z",
      label: "vLLM on 1x H100, Llama 3.1 8B",
      metadata: { model: "meta-llama/Llama-3.1-8B", hardware: { accelerator: "h100-sxm", count: 1 }, engine: "vllm" },
    });
    await store.saveBenchLevel("demo-run", 0, level(1, 120, 0.03, 0.0075));
    await store.saveBenchLevel("demo-run", 1, level(16, 1500, 0.06, 0.0105));
    // an older run on other hardware, to switch to: Llama 3.3 70B on 2x B200
    await store.saveBenchRun({
      id: "b200-run",
      startedAt: "2026-11-18T09:00:00.000Z",
      label: "SGLang on 2x B200, Llama 3.3 70B",
      metadata: { model: "meta-llama/Llama-3.3-70B-Instruct", hardware: { accelerator: "b200", count: 2 }, engine: "sglang" },
    });
    await store.saveBenchLevel("b200-run", 0, level(1, 60, 0.08, 0.016));
    await store.saveBenchLevel("b200-run", 1, level(32, 1400, 0.3, 0.022));
  } finally {
    await store.close();
  }
  return path;
}
