// The Benchmark runs page: switching runs predicts the new run's own hardware, and without COSTCURVE_DB or
// DATABASE_URL it reads ./costcurve.db like `costcurve bench runs` (never creating it).
import { copyFileSync, existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { webContext } from "../context.js";
import { seedRunsStore } from "../test-support/seed-runs.js";
import { runsPage, runsQuery } from "./runs-page.js";

let seeded: string;
beforeAll(async () => {
  seeded = await seedRunsStore();
});

const contextFor = (env: Record<string, string | undefined>, cwd: string, path: string) => {
  const url = new URL(`http://127.0.0.1${path}`);
  return { ...webContext(env, cwd), url, query: url.searchParams };
};
const selected = (page: string, name: string) => new RegExp(`name="${name}"[^>]*>(?:(?!</select>).)*?<option value="([^"]+)" selected`, "s").exec(page)?.[1];
const inputValue = (page: string, name: string) => new RegExp(`name="${name}" type="[a-z]+" value="([^"]*)"`).exec(page)?.[1];

describe("Benchmark runs page", () => {
  it("runsQuery drops the previous run's model and hardware when the run changed, keeps them when it did not", () => {
    const switched = runsQuery(new URLSearchParams("run=b200-run&for=demo-run&model=m&accelerator=h100-sxm&count=1&engine=vllm"));
    expect(switched.toString()).toBe("run=b200-run");
    const same = runsQuery(new URLSearchParams("run=demo-run&for=demo-run&count=2"));
    expect(same.toString()).toBe("run=demo-run&count=2");
  });

  it("switching to another run shows and predicts that run's hardware, not the previous run's", async () => {
    const old = "model=meta-llama%2FLlama-3.1-8B&accelerator=h100-sxm&count=1&engine=vllm";
    const page = (await runsPage(contextFor({ COSTCURVE_DB: seeded }, process.cwd(), `/runs?run=b200-run&for=demo-run&${old}`))).main.value;
    expect(selected(page, "accelerator")).toBe("b200");
    expect(inputValue(page, "count")).toBe("2");
    expect(inputValue(page, "model")).toBe("meta-llama/Llama-3.3-70B-Instruct");
    expect(selected(page, "engine")).toBe("sglang");
    expect(page).toContain("on 2x b200 (sglang profile)");
    // the hidden field now names the run the fields describe
    expect(page).toMatch(/name="for" value="b200-run"/);
  });

  it("without a configured store it reads ./costcurve.db in the working directory, and says so when there is none", async () => {
    const empty = mkdtempSync(join(tmpdir(), "costcurve-web-nodb-"));
    const none = (await runsPage(contextFor({}, empty, "/runs"))).main.value;
    expect(none).toContain("./costcurve.db");
    expect(none).toContain("does not exist");
    expect(existsSync(join(empty, "costcurve.db"))).toBe(false);

    const withDb = mkdtempSync(join(tmpdir(), "costcurve-web-db-"));
    copyFileSync(seeded, join(withDb, "costcurve.db"));
    const listed = (await runsPage(contextFor({}, withDb, "/runs"))).main.value;
    expect(listed).toContain("vLLM on 1x H100, Llama 3.1 8B");
    expect(listed).toContain("SGLang on 2x B200, Llama 3.3 70B");
  });
});
