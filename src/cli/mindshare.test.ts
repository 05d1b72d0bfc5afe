import { createServer, type Server } from "node:http";
import { mkdtempSync, readFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { AddressInfo } from "node:net";
import { Command } from "commander";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { captureIo, UsageError } from "./io.js";
import { registerMindshare } from "./mindshare.js";

const FIXTURES = join(import.meta.dirname, "../market/fixtures");
const fixture = (name: string) => JSON.parse(readFileSync(join(FIXTURES, name), "utf8")) as unknown;

let server: Server;
let base = "";
let stars = 61234;
const seen: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = req.url ?? "";
    seen.push(url);
    let body: unknown;
    if (url.startsWith("/downloads/range/") && url.endsWith("/openai")) body = fixture("npm-openai.json");
    else if (url === "/api/packages/vllm/overall?mirrors=false") body = fixture("pypi-vllm.json");
    else if (url === "/repos/vllm-project/vllm") body = { ...(fixture("github-vllm.json") as object), stargazers_count: stars };
    else if (url === "/repos/vllm-project/vllm/stats/commit_activity") body = fixture("github-vllm-commit-activity.json");
    else if (url === "/api/models/meta-llama/Llama-3.1-8B-Instruct") body = fixture("hf-llama.json");
    if (body === undefined) {
      res.writeHead(404).end("{}");
      return;
    }
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(body));
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((done) => server.close(() => done())));

const dir = mkdtempSync(join(tmpdir(), "costcurve-mindshare-"));
const env = () => ({
  COSTCURVE_DB: join(dir, "m.db"),
  COSTCURVE_NPM_API: base,
  COSTCURVE_PYPI_API: base,
  COSTCURVE_GITHUB_API: base,
  COSTCURVE_HF_API: base,
});
const ARGS = ["--npm", "openai", "--pypi", "vllm", "--github", "vllm-project/vllm", "--hf", "meta-llama/Llama-3.1-8B-Instruct"];

async function run(args: string[], e: Record<string, string> = env()) {
  const io = captureIo(e, dir);
  const program = new Command().exitOverride();
  registerMindshare(program, io);
  await program.parseAsync(["mindshare", ...args], { from: "user" });
  return { out: io.out.join(""), err: io.err.join("") };
}

describe("costcurve mindshare", () => {
  it("fetches from the (loopback) APIs, summarizes and saves snapshots", async () => {
    const json = JSON.parse((await run([...ARGS, "--json"])).out);
    const row = (source: string) => json.rows.find((r: { source: string }) => r.source === source);
    // npm: sum of the fixture's last 30 daily values; the one before that window for the change.
    const npmDays = (fixture("npm-openai.json") as { downloads: { downloads: number }[] }).downloads.map((d) => d.downloads);
    const last30 = npmDays.slice(-30).reduce((a, b) => a + b, 0);
    const prior30 = npmDays.slice(-60, -30).reduce((a, b) => a + b, 0);
    expect(row("npm").downloads30d).toBe(last30);
    expect(row("npm").downloadsChangeFraction).toBeCloseTo(last30 / prior30 - 1, 9);
    // pypi (without mirrors): days 40-69 at 250k = 7.5M; days 10-39 at 200k = 6.0M; +25%.
    expect(row("pypi").downloads30d).toBe(7_500_000);
    expect(row("pypi").downloadsChangeFraction).toBeCloseTo(0.25, 9);
    // github: last four weeks 80 + 90 + 50 + 60 = 280 commits; stars from the repo endpoint.
    expect(row("github").commits4w).toBe(280);
    expect(row("github").stars).toBe(61234);
    // hf: the hub's 30-day downloads and likes counters.
    expect(row("hf")).toMatchObject({ downloads30d: 5123456, likes: 4567, origin: "live" });
    expect(seen.some((u) => /^\/downloads\/range\/\d{4}-\d{2}-\d{2}:\d{4}-\d{2}-\d{2}\/openai$/.test(u))).toBe(true);
  });

  it("a second fetch accumulates history (stars gained) and the table never prints NaN", async () => {
    stars = 61334;
    const { out } = await run(ARGS);
    expect(out).toMatch(/github\s+vllm-project\/vllm\s+.*61,334\s+100\s+280/);
    expect(out).toMatch(/pypi\s+vllm\s+7,500,000\s+\+25\.0%/);
    expect(out).not.toMatch(/NaN|Infinity|undefined/);
  });

  it("works offline from the saved snapshots and draws readable charts", async () => {
    const { out, err } = await run([...ARGS, "--offline", "--svg", "mindshare.svg"], { ...env(), COSTCURVE_NPM_API: "http://127.0.0.1:9" });
    expect(out).toMatch(/saved/);
    expect(out).not.toMatch(/live/);
    expect(err).toContain("wrote mindshare.svg");
    const svg = readFileSync(join(dir, "mindshare.svg"), "utf8");
    expect(svg).toContain("Weekly downloads");
    expect(svg).toContain("npm:openai");
    expect(svg).toContain("pypi:vllm");
    expect(existsSync(join(dir, "mindshare-commits.svg"))).toBe(true);
  });

  it("falls back to the saved snapshot when a fetch fails, and reports it", async () => {
    const { out, err } = await run(["--npm", "openai"], { ...env(), COSTCURVE_NPM_API: `${base}/broken` });
    expect(err).toMatch(/npm:openai: fetch failed .*HTTP 404/);
    expect(out).toMatch(/npm\s+openai.*saved/);
  });

  it("rejects missing targets, bad ids, and offline targets never fetched", async () => {
    await expect(run([])).rejects.toThrow(/at least one of --npm/);
    await expect(run(["--github", "not-a-repo"])).rejects.toThrow(/OWNER\/REPO/);
    await expect(run(["--pypi", "never-fetched", "--offline"])).rejects.toThrow(UsageError);
  });
});
