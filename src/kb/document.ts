// A knowledge-base node as a Markdown file: YAML front matter (id, kind, title, tags, sources, links, checks) and a body.
import { parse as parseYaml, stringify as stringifyYaml } from "yaml";
import { z } from "zod";
import { fail, ok, type Issue, type Result } from "../core/result.js";
import { zodIssue } from "../core/validate.js";
import { IsoDate } from "../core/calendar-date.js";
import type { KbNode } from "../store/records.js";
import { parseChecks } from "./parse-check.js";

export const KB_KINDS = ["thesis", "reading", "methodology", "watch"] as const;
export type KbKind = (typeof KB_KINDS)[number];

const Id = z.string().regex(/^[a-z0-9][a-z0-9._-]*$/, "lower-case letters, digits, '.', '_' and '-', starting with a letter or digit");
/** Only web links: a javascript: or data: URL can never reach a rendered page through a source. */
const WebUrl = z.string().regex(/^https?:\/\/[^\s<>"]+$/i, "expected an http(s) URL");

export const FrontMatter = z.strictObject({
  id: Id.optional(),
  kind: z.enum(KB_KINDS),
  title: z.string().trim().min(1),
  tags: z.array(z.string().trim().min(1)).default([]),
  sources: z.array(z.strictObject({ url: WebUrl, title: z.string().optional(), date: IsoDate.optional(), retrievedDate: IsoDate.optional(), note: z.string().optional() })).default([]),
  links: z.array(Id).default([]),
  checks: z.array(z.unknown()).default([]),
});

const FENCE = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

function withOrigin(issues: Issue[], origin: string): Issue[] {
  return issues.map((i) => ({ ...i, message: `${origin}: ${i.message}` }));
}

/** File name without directory and .md extension, used as the id when the front matter has none. */
export function idFromFileName(fileName: string): string {
  return (fileName.split(/[\\/]/).at(-1) ?? fileName).replace(/\.md$/i, "").toLowerCase();
}

/** Parses a Markdown file with front matter into a node; malformed metadata or checks are issues naming the field. */
export function parseKbMarkdown(text: string, origin: string): Result<KbNode> {
  const match = FENCE.exec(text.replace(/^\uFEFF/, ""));
  if (!match) return fail({ code: "no_front_matter", message: `${origin}: expected front matter between --- lines at the top (kind, title, ...)` });
  let raw: unknown;
  try {
    raw = parseYaml(match[1]!);
  } catch (error) {
    return fail({ code: "bad_yaml", message: `${origin}: front matter is not valid YAML: ${(error as Error).message.split("\n")[0]}` });
  }
  const parsed = FrontMatter.safeParse(raw ?? {});
  if (!parsed.success)
    return fail(
      ...withOrigin(
        parsed.error.issues.map((i) => zodIssue(i, "front matter")),
        origin,
      ),
    );
  const checks = parseChecks(parsed.data.checks);
  if (!checks.ok) return fail(...withOrigin(checks.issues, origin));
  const fm = parsed.data;
  const id = fm.id ?? idFromFileName(origin);
  if (!Id.safeParse(id).success) return fail({ code: "bad_id", message: `${origin}: id "${id}" must use lower-case letters, digits, '.', '_' and '-'` });
  const body = text
    .slice(match[0].length)
    .replace(/^\s*\n/, "")
    .trimEnd();
  return ok({ id, kind: fm.kind, title: fm.title, body, tags: fm.tags, sources: fm.sources, links: fm.links, checks: fm.checks });
}

/** Writes a node back as Markdown with front matter; parseKbMarkdown reads it back unchanged. */
export function formatKbMarkdown(node: KbNode): string {
  const front: Record<string, unknown> = { id: node.id, kind: node.kind, title: node.title, tags: node.tags };
  if (node.sources.length) front.sources = node.sources;
  if (node.links.length) front.links = node.links;
  if (node.checks?.length) front.checks = node.checks;
  return `---\n${stringifyYaml(front, { lineWidth: 0 })}---\n\n${node.body}\n`;
}
