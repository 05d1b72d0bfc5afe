// Issues in the web's words: the same typed issue names a query parameter on the web and a flag in the CLI.
import { describe, expect, it } from "vitest";
import { InputError, parseShare } from "../app/values.js";
import type { TypedIssue } from "../core/issues.js";
import { cliText } from "../cli/cli-issues.js";
import { asHttp, jsonWarningText, webText } from "./input-errors.js";
import { HttpError } from "./http.js";

describe("web issue text", () => {
  const issue: TypedIssue = { code: "exceeds_context_window", path: ["requestCount"], modelId: "gpt-4o-mini", requestTokens: 360e6, contextWindowTokens: 128000 };
  const names = { requestCount: "requests" };

  it("names the parameter where the CLI names the flag", () => {
    expect(webText(issue, names)).toMatch(/^requests: one request would hold 360,000,000 tokens/);
    expect(cliText(issue, { requestCount: "--requests" })).toMatch(/^--requests: one request would hold/);
  });

  it("words JSON warnings as the CLI prints them (the API returns the CLI's bytes)", () => {
    expect(jsonWarningText(issue, names)).toBe(cliText(issue, { requestCount: "--requests" }));
  });

  it("turns the app's InputError into a 400 naming the parameter", () => {
    try {
      asHttp(() => parseShare("cache-hit", "2"));
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(HttpError);
      expect((error as HttpError).status).toBe(400);
      expect((error as HttpError).message).toMatch(/^cache-hit: expected a fraction between 0 and 1/);
    }
    expect(() =>
      asHttp(() => {
        throw new InputError([{ code: "too_large", path: ["count"], max: 1e9, received: 2e9 }]);
      }),
    ).toThrow(/^count: must be at most 1,000,000,000, got 2,000,000,000$/);
  });
});
