// `costcurve web`: serves the web app (pages, charts and the JSON API) over the same library as the CLI.
import type { Command } from "commander";
import { startWebServer } from "../web/server.js";
import { type Io, UsageError } from "./io.js";
import { wholeInRangeOption } from "./options.js";

export interface WebOptions {
  port?: string;
  host?: string;
}

/** Starts the server, prints its URL and resolves when `stop` aborts (the command wires SIGINT/SIGTERM to it). */
export async function runWeb(io: Io, opts: WebOptions, stop: AbortSignal): Promise<void> {
  const port = opts.port === undefined ? 8787 : wholeInRangeOption("--port", opts.port, 0, 65535);
  const host = opts.host ?? "127.0.0.1";
  if (host.trim() === "") throw new UsageError(`--host: expected a host name or address such as 127.0.0.1, got ""`);
  let web;
  try {
    web = await startWebServer({ port, host, env: io.env, cwd: io.cwd, log: io.stderr });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EADDRINUSE") throw new UsageError(`--port: ${port} is already in use on ${host}; choose another (or 0 for any free port)`);
    if (code === "EADDRNOTAVAIL" || code === "ENOTFOUND" || code === "EAI_AGAIN") throw new UsageError(`--host: cannot listen on "${host}" (${code})`);
    if (code === "EACCES") throw new UsageError(`--port: not allowed to listen on ${port} (${code}); use a port above 1023`);
    throw error;
  }
  io.stdout(`costcurve web: listening on ${web.url}/ (Ctrl-C to stop)\n`);
  if (host !== "127.0.0.1" && host !== "localhost" && host !== "::1") io.stderr(`costcurve web: note: bound to ${host}, reachable from other machines; there is no authentication\n`);
  await new Promise<void>((resolve) => {
    if (stop.aborted) return resolve();
    stop.addEventListener("abort", () => resolve(), { once: true });
  });
  await web.close();
}

export function registerWeb(program: Command, io: Io): void {
  program
    .command("web")
    .description("Serve the web app: interactive calculators and charts, plus a JSON API under /api")
    .option("--port <port>", "TCP port (default 8787; 0 = any free port)")
    .option("--host <host>", "address to bind (default 127.0.0.1, this machine only)")
    .action(async (opts: WebOptions) => {
      const controller = new AbortController();
      const stop = () => controller.abort();
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
      try {
        await runWeb(io, opts, controller.signal);
      } finally {
        process.off("SIGINT", stop);
        process.off("SIGTERM", stop);
      }
    });
}
