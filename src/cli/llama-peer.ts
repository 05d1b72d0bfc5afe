/** The CLI's check for the optional node-llama-cpp peer: its absence is a usage error naming the install command. */
import { MissingPeerError, importNodeLlamaCpp } from "../bench/llama-import.js";
import { UsageError } from "./io.js";

/** Loads node-llama-cpp before a command starts work; `load` is replaceable for tests. */
export async function requireNodeLlamaCpp(feature: string, load?: Parameters<typeof importNodeLlamaCpp>[1]): Promise<void> {
  try {
    await importNodeLlamaCpp(feature, load);
  } catch (error) {
    if (error instanceof MissingPeerError) throw new UsageError(error.message);
    throw error;
  }
}
