import { describe, expect, it } from "vitest";
import type { KbNode } from "../store/records.js";
import { renderMarkdown, renderNodeHtml, renderSnippet, safeUrl } from "./render.js";

/** No executable HTML: no <script>, no event handler attribute, no javascript:/data:/vbscript: URL. */
function expectInert(html: string): void {
  expect(html).not.toMatch(/<script/i);
  expect(html).not.toMatch(/<[a-z][^>]*\son[a-z]+\s*=/i);
  expect(html).not.toMatch(/href\s*=\s*["']?\s*(javascript|data|vbscript):/i);
  expect(html).not.toMatch(/<(img|iframe|svg|object|embed|style)/i);
}

describe("renderMarkdown", () => {
  it("renders the supported Markdown", () => {
    const html = renderMarkdown("# Title\n\nSome **bold** and *em* with `code` and [a link](https://example.org).\n\n- one\n- two\n\n1. first\n\n> quoted\n\n```ts\nconst x = 1 < 2;\n```");
    expect(html).toBe(
      [
        "<h1>Title</h1>",
        '<p>Some <strong>bold</strong> and <em>em</em> with <code>code</code> and <a href="https://example.org" rel="noopener noreferrer nofollow">a link</a>.</p>',
        "<ul><li>one</li><li>two</li></ul>",
        "<ol><li>first</li></ol>",
        "<blockquote><p>quoted</p></blockquote>",
        '<pre><code class="language-ts">const x = 1 &lt; 2;</code></pre>',
      ].join("\n"),
    );
  });

  it("links [[node-id]] to other nodes", () => {
    expect(renderMarkdown("see [[decode-batch1-memory-bound]]", { nodeHref: (id) => `/kb/${id}` })).toBe('<p>see <a href="/kb/decode-batch1-memory-bound">decode-batch1-memory-bound</a></p>');
  });

  it.each([
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "[click](javascript:alert(1))",
    "[click](JaVaScRiPt:alert(1))",
    "[click](java\tscript:alert(1))",
    "[click]( javascript:alert(1) )",
    "[click](data:text/html;base64,PHNjcmlwdD4=)",
    "[click](vbscript:msgbox)",
    "<javascript:alert(1)>",
    '[x](https://ok.example" onmouseover="alert(1))',
    "`<script>` and **<b onclick=alert(1)>bold</b>**",
    "# <svg onload=alert(1)>",
    "> <iframe src=javascript:alert(1)>",
    "```\n</code></pre><script>alert(1)</script>\n```",
    "- <style>body{}</style>",
    "\uE0000\uE001 placeholder smuggling <script>",
  ])("script injection in the body stays inert: %s", (input) => {
    const html = renderMarkdown(input);
    expectInert(html);
  });

  it("keeps the text of a refused link and escapes raw HTML visibly", () => {
    expect(renderMarkdown("[click](javascript:alert(1))")).toBe("<p>click</p>");
    expect(renderMarkdown("<script>alert(1)</script>")).toBe("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>");
  });
});

describe("safeUrl", () => {
  it.each([
    ["https://example.org/a?b=1", "https://example.org/a?b=1"],
    ["mailto:a@example.org", "mailto:a@example.org"],
    ["#section", "#section"],
    ["relative/path", "relative/path"],
    ["javascript:alert(1)", null],
    [" \u0001javascript:alert(1)", null],
    ["data:text/html,x", null],
    ["https:\\\\evil", null],
    ["", null],
  ])("%j -> %j", (url, expected) => {
    expect(safeUrl(url)).toBe(expected);
  });
});

describe("renderNodeHtml", () => {
  const evil: KbNode = {
    id: "evil",
    kind: "thesis",
    title: '<script>alert("title")</script>',
    body: "Body with <img src=x onerror=alert(1)> and [x](javascript:alert(2))",
    tags: ['<b onclick="alert(3)">tag</b>'],
    sources: [
      { url: "javascript:alert(4)", title: "<script>bad</script>" },
      { url: 'https://example.org/"><script>alert(5)</script>', title: "ok", date: "2025-01-01" },
    ],
    links: ["other"],
  };

  it("escapes titles, tags, source titles and URLs; refuses non-web source links", () => {
    const html = renderNodeHtml(evil, ["back-1"]);
    expectInert(html);
    expect(html).toContain("<h1>&lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt;</h1>");
    expect(html).toContain("<li>&lt;script&gt;bad&lt;/script&gt;</li>");
    expect(html).toContain('href="https://example.org/&quot;&gt;&lt;script&gt;alert(5)&lt;/script&gt;"');
    expect(html).toContain('<h2>Linked from</h2><ul><li><a href="#kb/back-1">back-1</a></li></ul>');
  });

  it("keeps only the store's <mark> highlights in snippets", () => {
    expect(renderSnippet("a <mark>memory</mark> bound <script>x</script>")).toBe("a <mark>memory</mark> bound &lt;script&gt;x&lt;/script&gt;");
  });
});
