import { Command, CommanderError } from "commander";
import { StoreUnavailableError } from "../store/store-errors.js";
import { type Io, processIo, UsageError } from "./io.js";
import { COMMANDS, commandNameOf } from "./commands.js";
import { packageVersion } from "./version.js";

/** Runs the CLI with argv (without node and script) and returns the exit code. */
export async function main(argv: string[], io: Io = processIo()): Promise<number> {
  try {
    const program = await programFor(argv, io);
    await program.parseAsync(argv, { from: "user" });
    return 0;
  } catch (error) {
    return reportError(error, io);
  }
}

/**
 * The program with the named command loaded and every other command as a stub (its name, arguments and summary
 * for `--help` and "did you mean"); a stub never runs, since a command that is named is the one loaded.
 */
async function programFor(argv: string[], io: Io): Promise<Command> {
  const program = new Command("costcurve")
    .description("The economics of AI tokens from first principles, checked against measurements.")
    .version(packageVersion(), "-V, --version", "print costcurve's version")
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout(s), writeErr: (s) => io.stderr(s) })
    .showSuggestionAfterError(true);
  const name = commandNameOf(argv);
  const terms = new Map<string, string>();
  for (const entry of COMMANDS) {
    if (entry.name === name) {
      (await entry.load())(program, io);
    } else {
      program.command(entry.name).description(entry.description).allowUnknownOption().allowExcessArguments();
      terms.set(entry.name, entry.term);
    }
  }
  program.configureHelp({ subcommandTerm: (cmd) => terms.get(cmd.name()) ?? defaultTerm(cmd) });
  return program;
}

/** Commander's own term for a loaded command: name, [options] and its arguments. */
function defaultTerm(cmd: Command): string {
  const args = cmd.registeredArguments.map((a) => (a.required ? `<${a.name()}${a.variadic ? "..." : ""}>` : `[${a.name()}${a.variadic ? "..." : ""}]`)).join(" ");
  return [cmd.name(), cmd.options.length ? "[options]" : "", args].filter(Boolean).join(" ");
}

function reportError(error: unknown, io: Io): number {
  if (error instanceof CommanderError) {
    // help and version are "errors" to commander with exit code 0
    return error.exitCode;
  }
  if (error instanceof UsageError || error instanceof StoreUnavailableError) {
    io.stderr(`costcurve: ${error.message}\n`);
    return 1;
  }
  // a bug: the stack says where
  const text = error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : String(error);
  io.stderr(`costcurve: internal error: ${text}\n`);
  return 2;
}
