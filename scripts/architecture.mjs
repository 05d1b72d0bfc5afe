// Writes ARCHITECTURE.md: the tree with one line per file, each line the file's own leading doc comment (or the
// description below). Run `node scripts/architecture.mjs` after adding files; src/architecture.test.ts checks that
// the document lists every file and nothing that is gone.
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";

const ROOT = new URL("..", import.meta.url).pathname;
const DESCRIPTIONS = {
  ".ci/run": "CI entry: installs PostgreSQL, Chromium and DejaVu fonts from Debian when missing, then `npm install`, `CI=true npm test` and scripts/pack-install.sh",
  ".npmrc": "npm settings: exact versions when saving dependencies",
  ".gitignore": "build output, local databases and test output stay out of git",
  "biome.jsonc": "Biome, the formatter and linter `npm test` runs (`biome ci`): the house style's settings, and each rule turned off with its reason",
  "package.json": "the one npm package: bin `costcurve`, exports, shipped files, scripts (build, test, accuracy, bench), pinned dependencies, node-llama-cpp as an optional peer",
  "package-lock.json": "the committed lockfile",
  "tsconfig.json": "TypeScript strict, ESM (NodeNext), Node 20",
  "tsconfig.build.json": "build settings: tests and test-support left out of dist/",
  "vitest.config.ts": "test runner settings (TZ=UTC, timeouts)",
  "README.md": "the pitch, the two set-up commands and their real output, the command map",
  "ARCHITECTURE.md": "this file",
  "data/calibration/silicon/README.md": "the silicon measurements (measured TTFT/TPOT at fixed concurrency, six models on six NVIDIA systems, from AIConfigurator's published data) and how rows become fit cases",
  "data/calibration/silicon/silicon-public.csv": "3,302 measured serving configurations (TTFT/TPOT at fixed concurrency) of six models on six NVIDIA systems, the fit and cross-validation cases",
  "examples/embeddings-rtx4090.json": "example scenario: an embedding model on one RTX 4090 (TEI)",
  "examples/llama-70b-h100.json": "example scenario: Llama 3.1 70B on H100s at a fixed concurrency",
  "examples/slo-and-fp8.yaml": "example scenario in YAML: fp8 weights and TTFT/TPOT SLOs",
  "examples/static-batch.yaml": "example scenario in YAML: a static batch (features.batching)",
  "docs/kernel-fit.json": "operator-level fit of every kernel table per system and framework: rows, held-out rows, parameters, held-out median/p90/signed error (written by scripts/fit-kernels.mjs)",
  "bin/costcurve.js": "the executable: runs the compiled CLI, exits quietly on a closed pipe",
  "data/calibration/README.md": "how the calibration measurements map onto scenarios (copied from the product's shared calibration set)",
  "data/calibration/measurements.json": "published measurements (MLPerf, engine docs, community benchmarks) as scenarios with measured values",
  "data/calibration/seed-measurements.json": "the measured seed figures (Tensor Economics E6/E10/E11 and L8) in the same form, used by the fit",
  "docs/scenario.md": "the scenario and prediction contract, with costcurve's optional extensions",
  "docs/efficiency-fit.md": "the efficiency fit: priors, fitted values and per-row residuals",
  "docs/efficiency-fit.json": "the fitted efficiency values that scripts/apply-fit.py copies into src/catalog/efficiency.ts",
  "docs/accuracy.md": "how accurate the engine is: operator fit per kernel table, cross-validated end-to-end errors, band coverage, host parameters (written by scripts/accuracy-doc.mjs)",
  "docs/cost-per-token.md": "the one definition of USD per million tokens (tokenCost): busy-time split between input and output, the input price ratio, blended figures",
  "docs/reliability.md": "each class of bad input and fault (fuzzed scenarios, flags and API queries, misbehaving servers, PostgreSQL killed, kill -9, secrets), cases tried and passed, what the user sees",
  "docs/bench-metrics.md": "benchmark metric definitions (vLLM's) and an alias table for other tools",
  "docs/calibration.md": "machine microbenchmarks, calibration against a run, and the client-overhead measurement",
  "scripts/pack-install.sh": "packs the tarball, installs it into a fresh prefix without the optional node-llama-cpp peer, runs --version, demo and the missing-peer message, prints the installed size",
  "scripts/apply-fit.py": "copies docs/efficiency-fit.json into the catalog, rounded",
  "scripts/node-llama-cpp-no-gpu/package.json": "an empty stand-in for node-llama-cpp's GPU and other-platform binaries (npm overrides, the repo's dev install only)",
  "src/market/fixtures/README.md": "recorded registry responses for the mindshare tests (loopback only)",
  "content/kb": "the shipped knowledge base: one Markdown file per claim, with sources and checks in the front matter",
};

function describe(path) {
  if (DESCRIPTIONS[path]) return DESCRIPTIONS[path];
  if (path.endsWith(".json") && path.includes("/fixtures/"))
    return `recorded response: ${path
      .split("/")
      .pop()
      .replace(/\.json$/, "")}`;
  const shot = /^docs\/screenshots\/(.+)-(\d+)\.png$/.exec(path);
  if (shot) return `the web app's ${shot[1]} page at ${shot[2]} px wide (${shot[2] === "390" ? "390x844, dark mode" : "1440x900"}), written by src/web/browser.test.ts with COSTCURVE_SCREENSHOTS=docs`;
  const text = readFileSync(ROOT + path, "utf8");
  if (/\.test\.ts$/.test(path)) {
    const named = text.match(/describe\(\s*["'`]([^"'`]+)["'`]/);
    const lead = text.match(/^\/\/\s*(.+)/m);
    return `tests: ${lead && lead.index < 200 ? lead[1] : named ? named[1] : path.split("/").pop().replace(".test.ts", "")}`;
  }
  const doc = text.match(/\/\*\*\s*\n?\s*\*?\s*([^\n]+?)(?:\s*\*\/|\n)/);
  const line = text.match(/^\/\/\s*(.+)/m);
  const candidates = [doc && { at: doc.index, text: doc[1] }, line && { at: line.index, text: line[1] }].filter(Boolean).sort((a, b) => a.at - b.at);
  return candidates[0]?.text.replace(/\*\/$/, "").trim() ?? "";
}

const files = execFileSync("git", ["ls-files"], { cwd: ROOT, encoding: "utf8" }).split("\n").filter(Boolean);
const listed = files.filter((f) => !f.startsWith("content/kb/")).concat(files.some((f) => f.startsWith("content/kb/")) ? ["content/kb"] : []);
// The map of how a question flows through the layers: the first thing a reader sees.
const FLOW = [
  "## How a question flows",
  "",
  "```",
  "argv (src/cli/<command>.ts)        HTTP query/body (src/web/data/*, pages/*)     library (src/index.ts)",
  "   flags parsed                       parameters parsed                             typed input",
  "        \\__________________  ____________________/_____________________________________/",
  "                           \\/",
  "   src/app/<question>.ts   parse<Question>(text) -> question | InputError(issues)",
  "                           answer<Question>(book, question) -> {ok, value} | {ok: false, issues}",
  "                                |              |               |               |",
  "   src/core (engine: predict, evaluation, cost)  src/catalog (models, GPUs, profiles)  src/prices (book, bill)",
  "   src/store, src/kb, src/market, src/bench      src/report (tables, charts, issue-text)",
  "                           /\\",
  "        __________________/  \\____________________",
  "       /                                           \\",
  "   CLI: issues in flag words (cli-issues.ts),      web: issues in parameter words (web/input-errors.ts),",
  "   tables, --json, --svg                           JSON (the CLI's bytes), pages, charts",
  "```",
  "",
  "A question is answered once, in src/app; the shells only parse text, pick a vocabulary for issues and format.",
  "`predict` keeps its evaluation (src/core/evaluation.ts): `--explain`, the bound sentence and the web roofline format it.",
  "",
];
const lines = [
  "# Architecture",
  "",
  ...FLOW,
  "One pure engine and thin shells around it. Imports point down the layers (checked by src/layers.test.ts for every folder):",
  "core (pure: no node:*, no I/O) <- catalog <- prices <- store, report; bench, kb, market <- app <- cli, web (nothing below the shells imports them).",
  "",
];
let folder = "";
const undescribed = [];
const dirOf = (path) => (path.includes("/") ? path.slice(0, path.lastIndexOf("/")) : ".");
for (const path of listed.sort((a, b) => dirOf(a).localeCompare(dirOf(b)) || a.localeCompare(b))) {
  const dir = dirOf(path);
  if (dir !== folder) {
    lines.push("", `## ${dir === "." ? "(root)" : dir}/`, "");
    folder = dir;
  }
  const description = describe(path);
  if (!description) undescribed.push(path);
  lines.push(`- \`${path}\`: ${description}`);
}
if (undescribed.length) throw new Error(`no description for ${undescribed.join(", ")}: add a leading doc comment or an entry in DESCRIPTIONS`);
writeFileSync(ROOT + "ARCHITECTURE.md", lines.join("\n") + "\n");
console.log(`ARCHITECTURE.md: ${listed.length} entries`);
