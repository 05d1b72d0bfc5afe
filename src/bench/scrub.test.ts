import { describe, expect, test } from "vitest";
import { REDACTED, scrubberFor, secretScrubber, targetSecrets, urlWithoutCredentials } from "./scrub.js";

const KEY = "sk-test-9b1f0c7e2d";

describe("secrets", () => {
  test("URL credentials and credential-like query values are dropped; a plain URL is kept byte for byte", () => {
    expect(urlWithoutCredentials("http://127.0.0.1:8000")).toBe("http://127.0.0.1:8000");
    expect(urlWithoutCredentials("https://user:pw@host.example/v1?api-key=abc&api-version=2024-10-21")).toBe("https://host.example/v1?api-key=%5Bredacted%5D&api-version=2024-10-21");
  });

  test("given secrets are replaced inside every string and key; numbers and short strings are left alone", () => {
    const value = { a: `HTTP 401: bad key ${KEY}`, [KEY]: [1, `x${KEY}y`], n: 3, c1: "c1" };
    expect(secretScrubber([KEY, "c1", ""])(value)).toEqual({ a: `HTTP 401: bad key ${REDACTED}`, [REDACTED]: [1, `x${REDACTED}y`], n: 3, c1: "c1" });
  });

  test("a target's secrets: the key, credential headers, the URL password (raw and decoded) and credential query values", () => {
    const secrets = targetSecrets({ url: "http://alice:Pa%24sWoRd@h:1/v1?api_key=q-secret-1&x=plain", apiKey: KEY, headers: { "x-api-key": "hdr-secret-2", "x-source": "costcurve" } });
    expect(secrets).toEqual(expect.arrayContaining([KEY, "hdr-secret-2", "Pa%24sWoRd", "Pa$sWoRd", "q-secret-1"]));
    expect(secrets).not.toContain("costcurve");
    expect(secrets).not.toContain("plain");
  });

  test("echoed tokens and URL credentials are taken out even when they are not the target's own", () => {
    const scrub = scrubberFor({ url: "http://127.0.0.1:1" });
    const basic = Buffer.from("bob:hunter2-other").toString("base64");
    const text = `denied: Bearer sk-live-abcdef123456 / Basic ${basic} from https://carol:pw-3@h.example/x?token=t0ken-4&v=1 with sk-proj-ZZZZ999999`;
    const out = scrub({ message: text });
    expect(out.message).toBe(`denied: Bearer ${REDACTED} / Basic ${REDACTED} from https://h.example/x?token=${REDACTED}&v=1 with ${REDACTED}`);
    // ordinary words survive
    expect(scrub("Basic auth failed; token count 12")).toBe("Basic auth failed; token count 12");
  });
});
