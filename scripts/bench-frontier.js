// Frontier sweep speed: >= 10 accelerator types x every valid parallelism x 20 concurrency levels x 3 precisions,
// for DeepSeek-V3 and Llama 3.3 70B; target under 1 second each. Run by scripts/bench.js (npm run bench).
import { computeFrontier, DEFAULT_CONCURRENCY_LEVELS } from "../dist/app/frontier.js";

const ACCELERATORS = ["h100-sxm", "h200-sxm", "b200", "gb200", "gb300", "mi300x", "mi325x", "mi355x", "a100-sxm-80gb", "l40s", "h100-pcie", "rtx-pro-6000"];
let missed = false;
console.log(`\nfrontier sweeps (${ACCELERATORS.length} accelerator types, counts 1/2/4/8 + a whole domain, every valid parallelism, ${DEFAULT_CONCURRENCY_LEVELS.length} concurrency levels, bf16/fp8/fp4; target < 1 s each)`);
for (const model of ["deepseek-ai/DeepSeek-V3", "meta-llama/Llama-3.3-70B-Instruct"]) {
  computeFrontier({ base: { model, inputTokens: 1000, outputTokens: 1000 }, accelerators: ACCELERATORS.slice(0, 2) }); // warm the JIT
  let best = Infinity;
  let result;
  for (let round = 0; round < 3; round++) {
    const start = performance.now();
    result = computeFrontier({ base: { model, inputTokens: 1000, outputTokens: 1000 }, accelerators: ACCELERATORS, precisions: ["bf16", "fp8", "fp4"] });
    best = Math.min(best, performance.now() - start);
  }
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  const ratio = best / 1000;
  console.log(`  ${model.padEnd(36)} ${result.value.evaluatedCount.toLocaleString("en-US").padStart(7)} points in ${best.toFixed(0).padStart(5)} ms  (${(ratio * 100).toFixed(0)}% of the 1 s budget)`);
  if (best > 1000) missed = true;
}
process.exitCode = missed ? 1 : 0;
