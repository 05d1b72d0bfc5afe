/**
 * node-llama-cpp is an optional peer dependency: only `machine`, `serve-gguf` and their tests use it, and its
 * platform binaries are large and platform-restricted, so costcurve installs without it and loads it here on demand.
 */
type NodeLlamaCpp = typeof import("node-llama-cpp");

/** The version range costcurve is tested against (package.json peerDependencies). */
export const NODE_LLAMA_CPP_RANGE = "^3.22.1";

/** The command that installs the optional peer beside costcurve. */
export const NODE_LLAMA_CPP_INSTALL = `npm install node-llama-cpp@${NODE_LLAMA_CPP_RANGE}`;

/** Thrown when node-llama-cpp is not installed; the message names the install command. */
export class MissingPeerError extends Error {
  readonly packageName = "node-llama-cpp";
  readonly installCommand = NODE_LLAMA_CPP_INSTALL;
  constructor(feature: string) {
    super(`${feature} needs node-llama-cpp, an optional peer dependency that is not installed; ` + `install it beside costcurve with \`${NODE_LLAMA_CPP_INSTALL}\` (add -g when costcurve is installed globally)`);
    this.name = "MissingPeerError";
  }
}

function isModuleNotFound(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === "ERR_MODULE_NOT_FOUND" || code === "MODULE_NOT_FOUND";
}

/** Imports node-llama-cpp, or throws MissingPeerError when it is absent; `load` is replaceable for tests. */
export async function importNodeLlamaCpp(feature: string, load: () => Promise<NodeLlamaCpp> = () => import("node-llama-cpp")): Promise<NodeLlamaCpp> {
  try {
    return await load();
  } catch (error) {
    if (isModuleNotFound(error) && String((error as Error).message).includes("node-llama-cpp")) throw new MissingPeerError(feature);
    throw error;
  }
}
