import { describe, expect, test } from "vitest";
import { tinyModelPath } from "../bench/gguf-model.js";
import { captureIo } from "./io.js";
import { main } from "./main.js";
import { serveGguf } from "./serve-gguf.js";

describe("costcurve serve-gguf", () => {
  test("serves the model over OpenAI-compatible HTTP until stopped", async (ctx) => {
    const io = captureIo();
    let stop!: () => void;
    const stopped = new Promise<void>((resolve) => (stop = resolve));
    const running = serveGguf(tinyModelPath("f16"), { port: "0", threads: "1", parallel: "1", model: "tiny" }, io, stopped).catch((error: unknown) => error);
    // wait for the "serving ... at URL" line (or a load failure)
    let url: string | undefined;
    for (let i = 0; i < 600 && url === undefined; i++) {
      url = /at (http:\/\/127\.0\.0\.1:\d+)\/v1/.exec(io.out.join(""))?.[1];
      if (url === undefined) await new Promise((r) => setTimeout(r, 50));
      if (url === undefined && i > 0 && (await Promise.race([running, Promise.resolve("pending")])) !== "pending") break;
    }
    if (url === undefined) {
      const failure = await running;
      if (process.env.CI === "true") throw new Error(`llama.cpp engine failed to load in CI: ${String(failure)}`);
      return ctx.skip();
    }
    const models = (await (await fetch(`${url}/v1/models`)).json()) as { data: Array<{ id: string }> };
    expect(models.data[0]!.id).toBe("tiny");
    const completion = (await (await fetch(`${url}/v1/completions`, { method: "POST", body: JSON.stringify({ model: "tiny", prompt: " the cat", max_tokens: 3 }) })).json()) as { usage: { completion_tokens: number } };
    // ignore_eos by default: exactly max_tokens tokens
    expect(completion.usage.completion_tokens).toBe(3);
    stop();
    await running;
    await expect(fetch(`${url}/v1/models`)).rejects.toThrow();
  }, 60_000);

  test("a missing file or a bad port is a usage error naming the argument", async () => {
    const io = captureIo();
    expect(await main(["serve-gguf", "no-such-model.gguf"], io)).toBe(1);
    expect(io.err.join("")).toContain("FILE: no-such-model.gguf not found");
    const port = captureIo();
    expect(await main(["serve-gguf", tinyModelPath("f16"), "--port", "99999"], port)).toBe(1);
    expect(port.err.join("")).toContain('--port: expected a whole number from 0 to 65535, got "99999"');
  });
});
