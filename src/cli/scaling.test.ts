import { Command } from "commander";
import { describe, expect, it } from "vitest";
import { captureIo, UsageError } from "./io.js";
import { registerScaling } from "./scaling.js";

async function run(args: string[]) {
  const io = captureIo();
  const program = new Command().exitOverride();
  registerScaling(program, io);
  await program.parseAsync(["scaling", ...args], { from: "user" });
  return io.out.join("");
}

describe("costcurve scaling", () => {
  it("prints both fits at Gopher's budget: Epoch ~72B/1.3T, Hoffmann ~32B/3T, 20x rule 69.3B", async () => {
    const out = await run(["--budget-flops", "5.76e23"]);
    expect(out).toMatch(/epoch\s+compute-optimal\s+7\.2\de10/);
    expect(out).toMatch(/hoffmann\s+compute-optimal\s+3\.2\de10/);
    expect(out).toMatch(/20 tokens\/param\s+6\.93e10\s+1\.39e12\s+20\.0/);
    expect(out).not.toMatch(/NaN|Infinity|undefined/);
  });

  it("adds the inference-adjusted row with fewer parameters and JSON output", async () => {
    const out = JSON.parse(await run(["--budget-flops", "1e23", "--inference-tokens", "20T", "--fit", "epoch", "--json"]));
    const rows = out.rows as { approach: string; paramCount: number; tokensPerParam: number; totalFlops: number }[];
    const opt = rows.find((r) => r.approach === "compute-optimal")!;
    const adj = rows.find((r) => r.approach === "inference-adjusted")!;
    expect(adj.paramCount).toBeLessThan(opt.paramCount);
    expect(adj.tokensPerParam).toBeGreaterThan(opt.tokensPerParam);
    expect(adj.totalFlops).toBeLessThan(opt.totalFlops);
  });

  it("rejects a bad budget and an unknown fit", async () => {
    await expect(run(["--budget-flops", "-5"])).rejects.toThrow(UsageError);
    await expect(run(["--budget-flops", "lots"])).rejects.toThrow(/--budget-flops/);
    await expect(run(["--budget-flops", "1e23", "--fit", "kaplan"])).rejects.toThrow(/hoffmann, epoch/);
  });
});
