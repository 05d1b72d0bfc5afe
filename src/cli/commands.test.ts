// The command list that --help prints without loading any command matches each command as it loads.
import { Command, Help } from "commander";
import { describe, expect, it } from "vitest";
import { COMMANDS, commandNameOf } from "./commands.js";
import { captureIo } from "./io.js";

describe("command list", () => {
  it.each(COMMANDS.map((c) => [c.name, c] as const))("%s: name, term and description as the loaded command says", async (_name, entry) => {
    const program = new Command("costcurve");
    (await entry.load())(program, captureIo());
    const loaded = program.commands.find((c) => c.name() === entry.name);
    expect(loaded).toBeDefined();
    expect(new Help().subcommandTerm(loaded!)).toBe(entry.term);
    expect(loaded!.description()).toBe(entry.description);
  });

  it("finds the command word after options and after help", () => {
    expect(commandNameOf(["predict", "x.json", "--json"])).toBe("predict");
    expect(commandNameOf(["--help"])).toBeUndefined();
    expect(commandNameOf(["help", "bill"])).toBe("bill");
  });
});
