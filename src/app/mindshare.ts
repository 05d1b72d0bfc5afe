// mindshare: downloads and activity of open-source packages, repos and models (npm, PyPI, GitHub, Hugging Face), each
// fetch saved as a dated snapshot; the targets parsed (named like the flags), the rows and problems as data.
import { type MindshareTarget, collectMindshare, summarizeMindshare } from "../market/mindshare.js";
import type { MindshareSource } from "../market/mindshare-sources.js";
import type { Store } from "../store/store.js";
import * as v from "./values.js";

const ID_PATTERNS: Record<MindshareSource, RegExp> = {
  npm: /^(@[a-z0-9][\w.-]*\/)?[a-z0-9][\w.-]*$/i,
  pypi: /^[a-z0-9][\w.-]*$/i,
  github: /^[\w.-]+\/[\w.-]+$/,
  hf: /^[\w.-]+(\/[\w.-]+)?$/,
};

const WHAT: Record<MindshareSource, string> = { npm: "a package name", pypi: "a package name", github: "OWNER/REPO", hf: "a model id (org/name)" };

/** The targets of each source's comma-separated list (throws InputError naming `npm`, `pypi`, `github` or `hf`). */
export function parseMindshareTargets(lists: Partial<Record<MindshareSource, string | undefined>>): MindshareTarget[] {
  const all: MindshareTarget[] = [];
  for (const source of ["npm", "pypi", "github", "hf"] as const) {
    const list = lists[source];
    if (list === undefined) continue;
    for (const id of v.splitList(list)) {
      if (!ID_PATTERNS[source].test(id)) throw new v.InputError([{ code: "invalid_input", path: [source], expected: WHAT[source], received: id }]);
      all.push({ source, id });
    }
  }
  if (all.length === 0) throw new v.InputError([{ code: "required_one_of", path: ["npm"], others: [["pypi"], ["github"], ["hf"]], hint: "comma-separated lists" }]);
  return all;
}

/** Fetches (or, offline, reads the saved snapshots of) every target; what failed comes back beside the rows. */
export async function answerMindshare(store: Store | null, targets: MindshareTarget[], o: { offline: boolean; env: Record<string, string | undefined>; now: Date }) {
  const { collected, problems } = await collectMindshare({ targets, offline: o.offline, store, env: o.env, now: o.now });
  return { collected, problems, rows: summarizeMindshare(collected) };
}
