// `costcurve web`: prints its URL, serves pages on 127.0.0.1, stops when asked; bad flags name the flag.
import { describe, expect, it } from "vitest";
import { captureIo, UsageError } from "./io.js";
import { main } from "./main.js";
import { runWeb } from "./web.js";

async function waitFor(check: () => string | undefined): Promise<string> {
  for (let i = 0; i < 200; i++) {
    const value = check();
    if (value) return value;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error("timed out waiting for the server");
}

describe("costcurve web", () => {
  it("prints the URL on 127.0.0.1, serves the Predict page and the API, and stops on abort", async () => {
    const io = captureIo();
    const stop = new AbortController();
    const running = runWeb(io, { port: "0" }, stop.signal);
    const line = await waitFor(() => io.out.join("").match(/listening on (http:\/\/127\.0\.0\.1:\d+)\//)?.[1]);
    const page = await fetch(`${line}/predict`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("<h1>Predict</h1>");
    const api = await fetch(`${line}/api/accelerators`);
    expect(((await api.json()) as { accelerators: unknown[] }).accelerators.length).toBeGreaterThan(10);
    stop.abort();
    await running;
    await expect(fetch(`${line}/predict`)).rejects.toThrow();
    expect(io.err.join("")).toBe("");
  });

  it("warns when bound beyond this machine", async () => {
    const io = captureIo();
    const stop = new AbortController();
    const running = runWeb(io, { port: "0", host: "0.0.0.0" }, stop.signal);
    await waitFor(() => (io.out.join("").includes("listening") ? "yes" : undefined));
    stop.abort();
    await running;
    expect(io.err.join("")).toContain("reachable from other machines");
  });

  it("--port must be a whole number 0-65535, and a port in use is named", async () => {
    const never = new AbortController().signal;
    await expect(runWeb(captureIo(), { port: "http" }, never)).rejects.toThrow(UsageError);
    await expect(runWeb(captureIo(), { port: "70000" }, never)).rejects.toThrow(/--port: expected a whole number from 0 to 65535, got "70000"/);
    const io = captureIo();
    expect(await main(["web", "--port", "-5"], io)).toBe(1);
    expect(io.err.join("")).toMatch(/--port/);

    const first = captureIo();
    const stop = new AbortController();
    const running = runWeb(first, { port: "0" }, stop.signal);
    const port = await waitFor(() => first.out.join("").match(/:(\d+)\//)?.[1]);
    await expect(runWeb(captureIo(), { port }, new AbortController().signal)).rejects.toThrow(new RegExp(`--port: ${port} is already in use`));
    stop.abort();
    await running;
  });
});
