// Serving-framework versions: the scenario's engine field (a name, or a name and version), version parsing, order
// and the nearest of a set of versions.
import { z } from "zod";
import { Engine } from "./efficiency.js";

/**
 * An engine name whose failure does not abort a union: a wrong string reports "must be one of ..." (the issue the
 * plain enum gave), while a non-string object input aborts so that the object branch's issues are the ones shown.
 */
const EngineName = z.custom<Engine>().superRefine((value, ctx) => {
  if (Engine.safeParse(value).success) return;
  const isObject = typeof value === "object" && value !== null;
  ctx.addIssue({ code: "invalid_value", values: [...Engine.options], input: value, ...(isObject ? { continue: false } : {}) });
});

/** The scenario's engine: `"vllm"` (version 1 form, unchanged) or `{name: "vllm", version: "0.6.0"}`. */
export const EngineSpec = z.union([EngineName, z.strictObject({ name: EngineName, version: z.string().min(1).optional() })]);
export type EngineSpec = z.infer<typeof EngineSpec>;

/** The engine name of either form. */
export function engineNameOf(spec: EngineSpec): Engine {
  return typeof spec === "string" ? spec : spec.name;
}

/** The requested version of the object form, or undefined. */
export function engineVersionOf(spec: EngineSpec): string | undefined {
  return typeof spec === "string" ? undefined : spec.version;
}

/** Pre-release and post-release tags in PEP 440 order (dev < a < b < rc < final < post). */
const TAG_RANK = { dev: 0, a: 1, b: 2, rc: 3, final: 4, post: 5 } as const;
export type VersionTag = keyof typeof TAG_RANK;

/** A parsed version: numeric release components, a tag and its number (0.6.3.post1, 1.3.0rc20, v0.8.0-rc1). */
export interface EngineVersion {
  text: string;
  release: [number, number, number];
  tag: VersionTag;
  tagNumber: number;
}

const VERSION = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:[.-]?(dev|a|alpha|b|beta|rc|post)[.-]?(\d*))?(?:\+[\w.]+)?$/i;

/** Parses a semver-like version (major[.minor[.patch]] with an optional rc/a/b/dev/post tag); null when it is not one. */
export function parseVersion(text: string): EngineVersion | null {
  const m = VERSION.exec(text.trim());
  if (!m) return null;
  const raw = (m[4] ?? "").toLowerCase();
  const tag: VersionTag = raw === "" ? "final" : raw === "alpha" ? "a" : raw === "beta" ? "b" : (raw as VersionTag);
  return {
    text,
    release: [Number(m[1]), Number(m[2] ?? 0), Number(m[3] ?? 0)],
    tag,
    tagNumber: m[5] ? Number(m[5]) : 0,
  };
}

/** The comparison key: release components, then the tag's rank, then its number. */
function key(v: EngineVersion): number[] {
  return [...v.release, TAG_RANK[v.tag], v.tagNumber];
}

/** Orders two versions: negative when a is older, 0 when equal, positive when newer. Throws on unparsable text. */
export function compareVersions(a: string | EngineVersion, b: string | EngineVersion): number {
  const ka = key(typeof a === "string" ? mustParse(a) : a);
  const kb = key(typeof b === "string" ? mustParse(b) : b);
  for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return ka[i]! - kb[i]!;
  return 0;
}

function mustParse(text: string): EngineVersion {
  const v = parseVersion(text);
  if (!v) throw new Error(`version: cannot parse ${JSON.stringify(text)}`);
  return v;
}

/**
 * How far apart two versions are, as [index of the first differing component (0 major .. 4 tag number; 5 when
 * equal), absolute difference there]. A larger index is closer; at equal index a smaller difference is closer.
 */
export function versionDistance(a: string | EngineVersion, b: string | EngineVersion): [number, number] {
  const ka = key(typeof a === "string" ? mustParse(a) : a);
  const kb = key(typeof b === "string" ? mustParse(b) : b);
  for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return [i, Math.abs(ka[i]! - kb[i]!)];
  return [ka.length, 0];
}

/**
 * The available version nearest the requested one by version order: the one sharing the longest leading run of
 * (major, minor, patch, tag, tag number) with it, then the smallest difference at the first component that differs;
 * a tie goes to the newer. So 0.6.0 among [0.5.14, 0.24.0] is 0.5.14 (minor 5 is 1 away, 24 is 18), and 0.8.5 among
 * [0.8.0, 0.9.0] is 0.8.0 (same minor). Returns undefined when `available` is empty; throws on unparsable text.
 */
export function nearestVersion(requested: string, available: readonly string[]): string | undefined {
  const r = mustParse(requested);
  let best: { text: string; distance: [number, number] } | undefined;
  for (const text of available) {
    const d = versionDistance(r, mustParse(text));
    const closer = !best || d[0] > best.distance[0] || (d[0] === best.distance[0] && d[1] < best.distance[1]);
    const tieNewer = best && d[0] === best.distance[0] && d[1] === best.distance[1] && compareVersions(text, best.text) > 0;
    if (closer || tieNewer) best = { text, distance: d };
  }
  return best?.text;
}
