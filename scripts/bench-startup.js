// Start-up time of the CLI as a ratio over `node -e 0` (median of N runs each, interleaved so load drifts hit all alike).
// Usage: node scripts/bench-startup.js [runs]   (after a build). Exits 1 when a ratio is above the target.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const TARGET_RATIO = 2.5;
const runs = Number(process.argv[2] ?? 15);
const root = fileURLToPath(new URL("..", import.meta.url));
const bin = "bin/costcurve.js";
const cases = [
  ["node -e 0", ["-e", "0"]],
  ["costcurve --help", [bin, "--help"]],
  ["costcurve --version", [bin, "--version"]],
  ["costcurve predict examples/llama-70b-h100.json", [bin, "predict", "examples/llama-70b-h100.json"]],
];

function wallSeconds(args) {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: ["ignore", "ignore", "pipe"] });
  if (r.status !== 0) throw new Error(`${args.join(" ")}: exit ${r.status}: ${r.stderr}`);
  return Number(process.hrtime.bigint() - start) / 1e9;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const times = cases.map(() => []);
for (const [, args] of cases) wallSeconds(args); // warm the file cache
for (let i = 0; i < runs; i++) cases.forEach(([, args], c) => times[c].push(wallSeconds(args)));
const base = median(times[0]);
console.log(`start-up, median of ${runs} runs (ratio over node -e 0; target <= ${TARGET_RATIO}x)`);
const missed = [];
cases.forEach(([name], c) => {
  const m = median(times[c]);
  const ratio = m / base;
  console.log(`  ${name.padEnd(48)} ${(m * 1000).toFixed(0).padStart(6)} ms  ratio ${ratio.toFixed(2)}`);
  if (c > 0 && ratio > TARGET_RATIO) missed.push(`${name} ${ratio.toFixed(2)}x`);
});
if (missed.length) {
  console.log(`start-up target missed: ${missed.join("; ")}`);
  process.exitCode = 1;
}
