import { Command, CommanderError } from "commander";
import { type Io, processIo, UsageError } from "./io.js";
import { COMMANDS } from "./commands.js";
import { packageVersion } from "./version.js";

/** Runs the CLI with argv (without node and script) and returns the exit code. */
export async function main(argv: string[], io: Io = processIo()): Promise<number> {
  const program = new Command("costcurve")
    .description("The economics of AI tokens from first principles, checked against measurements.")
    .version(packageVersion(), "-V, --version", "print costcurve's version")
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout(s), writeErr: (s) => io.stderr(s) })
    .showSuggestionAfterError(true);
  for (const register of COMMANDS) register(program, io);
  try {
    await program.parseAsync(argv, { from: "user" });
    return 0;
  } catch (error) {
    return reportError(error, io);
  }
}

function reportError(error: unknown, io: Io): number {
  if (error instanceof CommanderError) {
    // help and version are "errors" to commander with exit code 0
    return error.exitCode;
  }
  if (error instanceof UsageError) {
    io.stderr(`costcurve: ${error.message}\n`);
    return 1;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.stderr(`costcurve: internal error: ${message}\n`);
  return 2;
}
