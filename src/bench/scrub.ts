/**
 * The one place secrets are taken out of benchmark results before any write (run.json, requests-*.jsonl,
 * summaries, --save-result, the store): the API key, --header values, URL credentials and credential-like
 * query values, and any Bearer, Basic or sk- token a server echoes back.
 */

/** What replaces a secret wherever it would have been written. */
export const REDACTED = "[redacted]";

const SECRET_PARAM = /key|token|secret|sig|auth|pass/i;

/** Secrets shorter than this are not searched for (they would match ordinary text such as level labels). */
const MIN_SECRET_LENGTH = 4;

/** The URL without user name, password, or the values of query parameters that look like credentials. */
export function urlWithoutCredentials(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url;
  }
  let changed = false;
  if (parsed.username || parsed.password) {
    parsed.username = "";
    parsed.password = "";
    changed = true;
  }
  for (const name of [...parsed.searchParams.keys()]) {
    if (SECRET_PARAM.test(name)) {
      parsed.searchParams.set(name, REDACTED);
      changed = true;
    }
  }
  return changed ? parsed.toString() : url;
}

/** What a benchmark target holds that may be secret. */
export interface SecretSource {
  url: string;
  apiKey?: string | undefined;
  headers?: Record<string, string> | undefined;
}

const decoded = (text: string) => {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
};

const SECRET_HEADER = /auth|key|token|secret|cookie|pass|sig/i;

/** Every secret string of a target: the API key, credential header values, the URL's password and credential-like query values (raw and decoded). */
export function targetSecrets(target: SecretSource): string[] {
  const secrets = [target.apiKey ?? ""];
  for (const [name, value] of Object.entries(target.headers ?? {})) {
    // "Bearer abc" is secret whole and without its scheme
    if (SECRET_HEADER.test(name)) secrets.push(value, value.replace(/^\S+\s+/, ""));
  }
  try {
    const url = new URL(target.url);
    secrets.push(url.password, decoded(url.password));
    for (const [name, value] of url.searchParams) if (SECRET_PARAM.test(name)) secrets.push(value, encodeURIComponent(value));
  } catch {
    // not a URL: nothing in it to find
  }
  // longest first, so a secret that contains another is replaced whole
  return [...new Set(secrets.filter((s) => s.length >= MIN_SECRET_LENGTH))].sort((a, b) => b.length - a.length);
}

/** Patterns that are secret whatever the target: URL user info, credential query values, auth tokens echoed by a server. */
const PATTERNS: Array<[RegExp, string]> = [
  [/\b([a-z][a-z0-9+.-]*:\/\/)[^\s/?#@"']*@/gi, "$1"],
  [/([?&][^=&\s"'#]*(?:key|token|secret|sig|auth|pass)[^=&\s"'#]*=)[^&\s"'#]+/gi, `$1${REDACTED}`],
  [/\b(Bearer|Basic|Token)(\s+)[A-Za-z0-9._~+/=-]{8,}/gi, `$1$2${REDACTED}`],
  [/\bsk-[A-Za-z0-9_-]{8,}/g, REDACTED],
];

/** Takes every secret out of one string. */
function scrubText(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) if (out.includes(secret)) out = out.split(secret).join(REDACTED);
  for (const [pattern, replacement] of PATTERNS) out = out.replace(pattern, replacement);
  return out;
}

/** A deep copy of a JSON value with every secret taken out of its strings and keys. */
export type Scrubber = <T>(value: T) => T;

/** The scrubber for these secrets (plus the patterns every scrubber applies). */
export function secretScrubber(secrets: readonly string[]): Scrubber {
  const active = [...new Set(secrets.filter((s) => s.length >= MIN_SECRET_LENGTH))].sort((a, b) => b.length - a.length);
  const walk = (v: unknown): unknown => {
    if (typeof v === "string") return scrubText(v, active);
    if (Array.isArray(v)) return v.map(walk);
    if (v !== null && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [scrubText(k, active), walk(x)]));
    return v;
  };
  return <T>(value: T) => walk(value) as T;
}

/** The scrubber for a benchmark target: what every sink of a run applies before it writes. */
export function scrubberFor(target: SecretSource): Scrubber {
  return secretScrubber(targetSecrets(target));
}
