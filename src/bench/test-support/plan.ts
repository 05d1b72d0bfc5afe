/** Builds benchmark plans for tests with small defaults. */
import type { Prompt } from "../dataset.js";
import type { BenchPlan } from "../runner.js";
import type { Endpoint, LoadLevel } from "../schemas.js";

export function testPlan(url: string, model: string, overrides: Partial<BenchPlan> & { endpoint?: Endpoint; levels?: LoadLevel[]; apiKey?: string } = {}): BenchPlan {
  const prompts: Prompt[] = [{ text: "the cat sat on the mat", inputTokensEstimate: 6, outputTokens: 10 }];
  const { endpoint = "chat", apiKey, ...rest } = overrides;
  return {
    target: { url, model, endpoint, apiKey, timeoutSeconds: 5, ignoreEos: true },
    levels: [{ kind: "concurrency", concurrency: 1 }],
    prompts,
    requestsPerLevel: 3,
    durationSecondsPerLevel: null,
    slo: {},
    seed: 1,
    datasetLabel: "test",
    outDir: null,
    ...rest,
  };
}
