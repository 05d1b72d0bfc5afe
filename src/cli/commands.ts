// The CLI's command list. Each entry says how `costcurve --help` lists the command and how to load it: a command's
// module (and what it imports: the engine, the store, the web server) loads only when that command runs.
import type { Command } from "commander";
import type { Io } from "./io.js";

/** Every command file exports one register function per command. */
export type RegisterCommand = (program: Command, io: Io) => void;

export interface CommandEntry {
  name: string;
  /** The command's line in `costcurve --help` (commands.test.ts checks it against the loaded command). */
  term: string;
  description: string;
  load: () => Promise<RegisterCommand>;
}

export const COMMANDS: CommandEntry[] = [
  { name: "demo", term: "demo", description: "the main job: embeddings on H100 vs RTX 4090, and Llama 3.3 70B cost per batch on 4x H100", load: async () => (await import("./demo.js")).registerDemo },
  { name: "predict", term: "predict [options] <scenario>", description: "predict throughput, latency and cost of a scenario file (object or array)", load: async () => (await import("./predict.js")).registerPredict },
  { name: "embed", term: "embed [options]", description: "compare accelerators on an embedding workload: compute vs weight-load time, tokens/s, USD per 1M tokens", load: async () => (await import("./embed.js")).registerEmbed },
  { name: "models", term: "models [options]", description: "list the shipped model catalog (parameters, attention, KV cache per token)", load: async () => (await import("./catalog-lists.js")).registerModels },
  { name: "accelerators", term: "accelerators [options]", description: "list the accelerator catalog (dense peaks, memory, links, price)", load: async () => (await import("./catalog-lists.js")).registerAccelerators },
  {
    name: "optimize",
    term: "optimize [options] <scenario.json>",
    description: "cheapest accelerator, count, parallelism, precision and concurrency meeting TTFT/TPOT limits",
    load: async () => (await import("./optimize.js")).registerOptimize,
  },
  { name: "frontier", term: "frontier [options]", description: "cost-versus-interactivity frontier: output tokens/s per accelerator (and $/1M) against tokens/s per user", load: async () => (await import("./frontier.js")).registerFrontier },
  {
    name: "accuracy",
    term: "accuracy [options] [measurements.json]",
    description: "score `predict` against published measurements (per row and per field, median and p90 error)",
    load: async () => (await import("./accuracy.js")).registerAccuracy,
  },
  {
    name: "bench",
    term: "bench [options]",
    description: "Benchmark an OpenAI-compatible endpoint: TTFT, TPOT, ITL, E2E, throughput and goodput per load level (vLLM metric definitions)",
    load: async () => (await import("./bench.js")).registerBench,
  },
  {
    name: "machine",
    term: "machine [options]",
    description: "Microbenchmark this machine (memory bandwidth, llama.cpp GEMM FLOP/s, decode overhead) and optionally save it as an accelerator and efficiency profile",
    load: async () => (await import("./machine.js")).registerMachine,
  },
  {
    name: "calibrate",
    term: "calibrate [options] [results-dir]",
    description: "Compare a costcurve bench run with the engine's prediction per load level, fit an efficiency profile and save it to the store",
    load: async () => (await import("./calibrate.js")).registerCalibrate,
  },
  {
    name: "serve-gguf",
    term: "serve-gguf [options] <file>",
    description: "Serve a GGUF model over OpenAI-compatible HTTP (chat, completions, embeddings) with llama.cpp on the CPU, no prompt caching, ignore_eos by default",
    load: async () => (await import("./serve-gguf.js")).registerServeGguf,
  },
  { name: "train", term: "train [options]", description: "Training compute (6N + 12 L H Q T per token), wall-clock time at an MFU, rental cost and energy", load: async () => (await import("./train.js")).registerTrain },
  { name: "scaling", term: "scaling [options]", description: "Compute-optimal parameters and tokens for a FLOP budget (Chinchilla fits) and the inference-adjusted optimum", load: async () => (await import("./scaling.js")).registerScaling },
  { name: "capex", term: "capex [options]", description: "AI capex read: guidance announced vs capex reported in cash-flow statements, and the gap", load: async () => (await import("./capex.js")).registerCapex },
  {
    name: "mindshare",
    term: "mindshare [options]",
    description: "Open-source mindshare: npm/PyPI downloads, GitHub stars and commits, Hugging Face downloads and likes",
    load: async () => (await import("./mindshare.js")).registerMindshare,
  },
  { name: "prices", term: "prices [options] [model]", description: "Hosted API list prices (USD per 1M tokens): all models on a date, one model, or its history", load: async () => (await import("./prices.js")).registerPrices },
  { name: "bill", term: "bill [options]", description: "Effective hosted-API bill (USD) with caching, batch, long-context steps, tokenizer inflation and overheads", load: async () => (await import("./bill.js")).registerBill },
  { name: "breakeven", term: "breakeven [options]", description: "Monthly token volume above which self-hosting an open model beats a hosted API, by utilization", load: async () => (await import("./breakeven.js")).registerBreakeven },
  { name: "index", term: "index [options]", description: "Margin compression index: API list price over the modeled cost floor of a matched open model, over time", load: async () => (await import("./index-command.js")).registerIndex },
  { name: "kb", term: "kb", description: "Knowledge base: claims about AI economics, searchable, with checks re-computed by the engine and price book", load: async () => (await import("./kb.js")).registerKb },
  { name: "web", term: "web [options]", description: "Serve the web app: interactive calculators and charts, plus a JSON API under /api", load: async () => (await import("./web.js")).registerWeb },
];

/** The command argv names: its first word that is not an option (after `help`, the word that follows). */
export function commandNameOf(argv: string[]): string | undefined {
  const words = argv.filter((a) => !a.startsWith("-"));
  return words[0] === "help" ? words[1] : words[0];
}
