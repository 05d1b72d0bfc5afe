/** `costcurve serve-gguf FILE [--port P] [--threads N]`: costcurve's OpenAI-compatible server over llama.cpp, for benchmarking a local GGUF model. */
import type { Command } from "commander";
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { type RunningLlamaServer, startLlamaServer } from "../bench/llama-server.js";
import { type Io, UsageError } from "./io.js";
import { requireNodeLlamaCpp } from "./llama-peer.js";
import { wholeInRangeOption } from "./options.js";

interface ServeFlags {
  port: string;
  threads: string;
  parallel: string;
  model?: string;
}

/** Starts the server and resolves once it listens; `stop` (default: SIGINT/SIGTERM) closes it. */
export async function serveGguf(file: string, flags: ServeFlags, io: Io, stop?: Promise<void>): Promise<void> {
  const modelPath = resolve(io.cwd, file);
  if (!existsSync(modelPath)) throw new UsageError(`FILE: ${file} not found (looked at ${modelPath}); give a .gguf model file`);
  const port = wholeInRangeOption("--port", flags.port, 0, 65535);
  const threads = wholeInRangeOption("--threads", flags.threads, 1, 1024);
  const sequenceCount = wholeInRangeOption("--parallel", flags.parallel, 1, 256);
  await requireNodeLlamaCpp("costcurve serve-gguf");
  let server: RunningLlamaServer;
  try {
    server = await startLlamaServer({ modelPath, port, threads, sequenceCount, modelName: flags.model ?? "local" });
  } catch (error) {
    throw new UsageError(`serve-gguf: llama.cpp could not load ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  io.stdout(`serving ${file} at ${server.url}/v1 (model name "${flags.model ?? "local"}", ${threads} thread(s), ${sequenceCount} parallel sequence(s)); Ctrl-C stops\n`);
  await (stop ??
    new Promise<void>((done) => {
      process.once("SIGINT", () => done());
      process.once("SIGTERM", () => done());
    }));
  await server.close();
}

/** Registers `costcurve serve-gguf`. */
export function registerServeGguf(program: Command, io: Io): void {
  program
    .command("serve-gguf")
    .description("Serve a GGUF model over OpenAI-compatible HTTP (chat, completions, embeddings) with llama.cpp on the CPU, no prompt caching, ignore_eos by default")
    .argument("<file>", "GGUF model file")
    .option("--port <port>", "port on 127.0.0.1 (0 picks a free one)", "8080")
    .option("--threads <n>", "CPU threads (1 is fastest with node-llama-cpp's prebuilt build on small machines)", "1")
    .option("--parallel <n>", "parallel sequences (continuous batching slots)", "4")
    .option("--model <name>", "model name the server reports", "local")
    .action(async (file: string, flags: ServeFlags) => serveGguf(file, flags, io));
}
