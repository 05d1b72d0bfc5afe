import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { captureIo } from "./io.js";
import { main } from "./main.js";

const dir = mkdtempSync(join(tmpdir(), "costcurve-out-"));

// each command must fail before any work: a request to port 9 would be refused, the sweep would take seconds
const run = async (argv: string[], env: Record<string, string> = {}) => {
  const io = captureIo({ COSTCURVE_DB: ":memory:", ...env }, dir);
  const started = performance.now();
  const code = await main(argv, io);
  return { code, err: io.err.join(""), seconds: (performance.now() - started) / 1000 };
};

describe("output paths are checked before the work starts", () => {
  test.each([
    [["bench", "--url", "http://127.0.0.1:9", "--model", "m", "--out", "/proc/x"], "--out: cannot create the folder /proc/x"],
    [["bench", "--url", "http://127.0.0.1:9", "--model", "m", "--save-result", "/proc/nodir/r.json"], "--save-result: cannot create the folder /proc/nodir"],
    [["frontier", "--model", "meta-llama/Llama-3.3-70B-Instruct", "--accelerators", "h100-sxm", "--svg", "/proc/nodir/x.svg"], "--svg: cannot create the folder /proc/nodir"],
    [["kb", "export", "/proc/kbx/y"], "DIR: cannot create the folder /proc/kbx"],
  ])("%j fails fast naming the flag", { timeout: 10_000 }, async (argv, message) => {
    const r = await run(argv);
    expect(r.code).toBe(1);
    expect(r.err).toContain(message);
    expect(r.err).not.toContain("internal error");
    expect(r.seconds).toBeLessThan(2);
  });

  test("a file where a folder must be, and a folder where a file must be, are named", async () => {
    const file = join(dir, "plain");
    writeFileSync(file, "");
    expect((await run(["bench", "--url", "http://127.0.0.1:9", "--model", "m", "--out", join(file, "sub")])).err).toContain(`--out: ${file} exists and is not a folder`);
    mkdirSync(join(dir, "d.svg"));
    expect((await run(["frontier", "--model", "meta-llama/Llama-3.3-70B-Instruct", "--accelerators", "h100-sxm", "--svg", join(dir, "d.svg")])).err).toContain(`--svg: ${join(dir, "d.svg")} exists and is not a regular file`);
  });

  test("missing parents are made one level at a time", async () => {
    const r = await run(["kb", "export", join(dir, "a", "b", "c")]);
    expect(r.code, r.err).toBe(0);
    expect(existsSync(join(dir, "a", "b", "c"))).toBe(true);
  });
});

describe("bench input that must stop before any request", () => {
  test("--url with a scheme other than http or https", async () => {
    const r = await run(["bench", "--url", "ftp://127.0.0.1:9", "--model", "m"]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('--url: the scheme must be http or https, got "ftp"');
  });

  test.each([["sk-abc\r"], ["sk-abc\n"], ["sk a"]])("an API key %j is refused naming the variable, and the command ends", { timeout: 10_000 }, async (key) => {
    const r = await run(["bench", "--url", "http://127.0.0.1:9", "--requests", "1"], { OPENAI_API_KEY: key });
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/OPENAI_API_KEY: the API key contains/);
    expect(r.err).not.toContain("internal error");
  });
});
