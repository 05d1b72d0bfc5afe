// Query parameters that mirror a CLI command's flags (same names, without "--"), validated by zod.
import { z } from "zod";

/** A strict schema of optional string parameters named like the CLI flags; unknown parameters are a 400. */
export function flagParams<K extends string>(names: readonly K[], booleans: readonly string[] = []): z.ZodType<Partial<Record<K, string>>> {
  const shape: Record<string, z.ZodType> = {};
  for (const name of names) shape[name] = booleans.includes(name) ? z.enum(["1", "true", "on"]).optional() : z.string().max(2000).optional();
  return z.strictObject(shape) as unknown as z.ZodType<Partial<Record<K, string>>>;
}

/** "input-tokens" -> "inputTokens". */
export function camel(name: string): string {
  return name.replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase());
}

/** Query values keyed by the CLI runner's option names; boolean flags become true. */
export function toOptions(values: Record<string, string | undefined>, booleans: readonly string[] = []): Record<string, string | boolean> {
  const out: Record<string, string | boolean> = {};
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined) continue;
    out[camel(key)] = booleans.includes(key) ? true : value;
  }
  return out;
}
