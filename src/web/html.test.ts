import { describe, expect, it } from "vitest";
import { escapeHtml, html, queryString, sourceLink, trusted } from "./html.js";

describe("html", () => {
  it("escapes every interpolated value and leaves trusted markup alone", () => {
    const name = `<img src=x onerror="alert('1')">&`;
    expect(html`<p title="${name}">${name}</p>${trusted("<b>ok</b>")}`.value).toBe('<p title="&lt;img src=x onerror=&quot;alert(&#39;1&#39;)&quot;&gt;&amp;">&lt;img src=x onerror=&quot;alert(&#39;1&#39;)&quot;&gt;&amp;</p><b>ok</b>');
  });

  it("joins arrays and drops null, undefined and false", () => {
    expect(html`${["a", "<", null, undefined, false, 3]}`.value).toBe("a&lt;3");
    expect(escapeHtml("\"'")).toBe("&quot;&#39;");
  });

  it("builds query strings without empty values", () => {
    expect(queryString({ model: "a/b", count: 8, empty: "", none: undefined })).toBe("?model=a%2Fb&count=8");
    expect(queryString({})).toBe("");
  });

  it("links sources only over http and https: a javascript: or data: URL is text", () => {
    expect(sourceLink("https://openai.com/api/pricing/").value).toBe('<a href="https://openai.com/api/pricing/" rel="noreferrer">https://openai.com/api/pricing/</a>');
    for (const bad of ["javascript:alert(1)", " JavaScript:alert(1)", "data:text/html,x", "vbscript:x", "not a url"]) {
      expect(sourceLink(bad).value, bad).not.toContain("<a");
    }
  });
});
