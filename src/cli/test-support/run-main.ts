// Tests' shorthand: the whole CLI run in-process on captured output.
import { captureIo } from "../io.js";
import { main } from "../main.js";

/** Runs `costcurve ...argv` with captured stdout and stderr; resolves with the exit code and both texts. */
export async function runMain(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = captureIo();
  const code = await main(argv, io);
  return { code, out: io.out.join(""), err: io.err.join("") };
}
