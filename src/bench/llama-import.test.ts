import { describe, expect, test } from "vitest";
import { requireNodeLlamaCpp } from "../cli/llama-peer.js";
import { UsageError } from "../cli/io.js";
import { MissingPeerError, NODE_LLAMA_CPP_INSTALL, importNodeLlamaCpp } from "./llama-import.js";

// a real failed resolution (ERR_MODULE_NOT_FOUND), standing in for an install without the optional peer
const absent = () => import(["node-llama-cpp", "not-installed"].join("-")) as never;

describe("node-llama-cpp as an optional peer", () => {
  test("absent: a MissingPeerError naming the feature and the install command", async () => {
    const error = await importNodeLlamaCpp("costcurve machine", absent).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MissingPeerError);
    expect((error as Error).message).toContain("costcurve machine needs node-llama-cpp");
    expect((error as Error).message).toContain("`npm install node-llama-cpp@^3.22.1`");
    expect(NODE_LLAMA_CPP_INSTALL).toBe("npm install node-llama-cpp@^3.22.1");
  });

  test("the CLI turns it into a usage error (exit 1, message as is)", async () => {
    const error = await requireNodeLlamaCpp("costcurve serve-gguf", absent).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toMatch(/^costcurve serve-gguf needs node-llama-cpp/);
  });

  test("other load failures pass through unchanged", async () => {
    const broken = new Error("native binding failed");
    await expect(importNodeLlamaCpp("x", () => Promise.reject(broken))).rejects.toBe(broken);
  });

  test("present (the repo's dev install): the real module loads", async () => {
    const llama = await importNodeLlamaCpp("test");
    expect(typeof llama.getLlama).toBe("function");
  });

  test("package.json: an optional peer, kept as a devDependency, not a dependency", async () => {
    const { readFileSync } = await import("node:fs");
    const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as Record<string, Record<string, unknown>>;
    for (const name of ["node-llama-cpp", "@node-llama-cpp/linux-x64"]) {
      expect(pkg.dependencies?.[name]).toBeUndefined();
      expect(pkg.peerDependencies?.[name]).toBe("^3.22.1");
      expect(pkg.peerDependenciesMeta?.[name]).toEqual({ optional: true });
    }
    expect(pkg.devDependencies?.["node-llama-cpp"]).toBe("3.22.1");
  });
});
