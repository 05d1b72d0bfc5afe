import { Command } from "commander";
import { describe, expect, it } from "vitest";
import { findAccelerator } from "../catalog/accelerators/index.js";
import { captureIo, UsageError } from "./io.js";
import { registerTrain } from "./train.js";

async function run(args: string[]) {
  const io = captureIo();
  const program = new Command().exitOverride();
  registerTrain(program, io);
  await program.parseAsync(["train", ...args], { from: "user" });
  return { out: io.out.join(""), err: io.err.join("") };
}

describe("costcurve train", () => {
  it("Llama-3-405B-sized run on 16,384 H100s at the default (Llama 3) MFU, by hand", async () => {
    const h100 = findAccelerator("h100-sxm")!;
    const peak = h100.denseFlopsPerSecond.bf16!;
    // FLOPs = 6 x 405e9 x 15.6e12 = 3.7908e25 (no attention term with --params alone).
    // time = 3.7908e25 / (16384 x peak x 0.41); GPU-hours = 16384 x time / 3600; cost = GPU-hours x $2.
    const seconds = 3.7908e25 / (16384 * peak * 0.41);
    const json = JSON.parse((await run(["--params", "405B", "--tokens", "15.6T", "--accelerator", "h100-sxm", "--count", "16384", "--usd-per-hour", "2", "--json"])).out);
    expect(json.totalFlops / 3.7908e25).toBeCloseTo(1, 9);
    expect(json.mfuFraction).toBe(0.41);
    expect(json.mfuSource).toMatch(/Llama 3 405B/);
    expect(json.wallClockSeconds / seconds).toBeCloseTo(1, 9);
    expect(json.costUsd / (((16384 * seconds) / 3600) * 2)).toBeCloseTo(1, 9);
    // With peak = 989e12: 3.7908e25 / 6.6437e18 = 5.706e6 s = 66.0 days.
    if (peak === 989e12) expect(json.wallClockSeconds / 86400).toBeCloseTo(66.0, 0);
    // Energy: 16384 x TDP x 0.7 x 1.2 x seconds.
    expect(json.energyJoules).toBeCloseTo(16384 * h100.tdpWatts * 0.7 * 1.2 * seconds, -6);
  });

  it("adds the attention term with --layers/--attention-width and prints a readable summary", async () => {
    // 12 x 126 x 16384 x 8192 = 2.0294e11 per token on top of 6N = 2.43e12 -> 7.7% attention.
    const { out } = await run(["--params", "405e9", "--tokens", "15.6e12", "--accelerator", "h100-sxm", "--count", "16384", "--layers", "126", "--attention-width", "16384", "--seq-len", "8192", "--mfu", "0.4"]);
    expect(out).toMatch(/FLOPs per token\s+2\.63e12 \(attention 7\.7% at 8192 tokens\)/);
    expect(out).toMatch(/MFU\s+40\.0% \(given\)/);
    expect(out).not.toMatch(/NaN|Infinity|undefined/);
  });

  it("resolves --model through the catalog and trains on active parameters", async () => {
    const json = JSON.parse((await run(["--model", "meta-llama/Llama-3.1-8B", "--tokens", "15T", "--accelerator", "h100-sxm", "--count", "1024", "--json"])).out);
    expect(json.paramCount / 8.03e9).toBeCloseTo(1, 1);
    expect(json.attentionFlopsPerToken).toBeGreaterThan(0);
  });

  it("gives clear errors for negative tokens, MFU outside (0, 1], unknown accelerator and missing size", async () => {
    const base = ["--params", "7B", "--accelerator", "h100-sxm", "--count", "8"];
    await expect(run([...base, "--tokens", "-5"])).rejects.toThrow(/--tokens/);
    await expect(run([...base, "--tokens", "1T", "--mfu", "1.5"])).rejects.toThrow(/--mfu: expected a number in \(0, 1\]/);
    await expect(run([...base, "--tokens", "1T", "--mfu", "0"])).rejects.toThrow(UsageError);
    await expect(run([...base, "--tokens", "1T", "--usd-per-hour", "0"])).rejects.toThrow(/--usd-per-hour: expected a price in USD per hour > 0, got "0"/);
    await expect(run([...base, "--tokens", "1T", "--usd-per-hour", "-2"])).rejects.toThrow(/--usd-per-hour: expected a price in USD per hour > 0/);
    await expect(run(["--params", "7B", "--tokens", "1T", "--accelerator", "h1000", "--count", "8"])).rejects.toThrow(/unknown accelerator "h1000"/);
    await expect(run(["--tokens", "1T", "--accelerator", "h100-sxm", "--count", "8"])).rejects.toThrow(/--params: required/);
    await expect(run(["--model", "no-such-model", "--tokens", "1T", "--accelerator", "h100-sxm", "--count", "8"])).rejects.toThrow(/unknown model/);
  });
});
