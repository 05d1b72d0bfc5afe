import { describe, expect, test } from "vitest";
import { SseParser } from "./sse.js";

const parse = (...chunks: string[]) => {
  const p = new SseParser();
  const events = chunks.flatMap((c) => p.feed(c));
  const end = p.end();
  return { events: [...events, ...end.events], unfinished: end.unfinished, ignored: p.ignoredFieldCount };
};

describe("SSE per the WHATWG event-stream format", () => {
  test("split reads, comments, named events and multi-line data", () => {
    const { events, unfinished } = parse('data: {"a":', "1}\r\n\r\n: keep-alive\n\nevent: x\ndata: one\ndata: two\n\n");
    expect(events).toEqual([
      { event: "message", data: '{"a":1}' },
      { event: "x", data: "one\ntwo" },
    ]);
    expect(unfinished).toBe(false);
  });

  test("LF, CR-only and CRLF line ends give the same events, whole or one character at a time", () => {
    const lf = "data: one\n\nevent: e\ndata: two\ndata: three\n\n";
    const expected = [
      { event: "message", data: "one" },
      { event: "e", data: "two\nthree" },
    ];
    for (const text of [lf, lf.replaceAll("\n", "\r"), lf.replaceAll("\n", "\r\n")]) {
      expect(parse(text).events).toEqual(expected);
      expect(parse(...[...text]).events).toEqual(expected);
    }
  });

  test("CR-only: an event waits for the character after its final CR (it may be CRLF), or for the stream's end", () => {
    const p = new SseParser();
    expect(p.feed("data: a\r\r")).toEqual([]);
    expect(p.feed("data: b\r\r")).toEqual([{ event: "message", data: "a" }]);
    expect(p.end()).toEqual({ events: [{ event: "message", data: "b" }], unfinished: false });
  });

  test("a CRLF split between two reads is one line end, not two (no empty event in between)", () => {
    expect(parse("data: a\r", "\ndata: b\r\n\r\n").events).toEqual([{ event: "message", data: "a\nb" }]);
  });

  test("a leading BOM is skipped, only at the start of the stream", () => {
    expect(parse("\uFEFFdata: x\n\n").events).toEqual([{ event: "message", data: "x" }]);
    // a BOM later is part of a field name, so that line is an unknown field, ignored
    expect(parse("data: x\n\n", "\uFEFFdata: y\n\n").events).toEqual([{ event: "message", data: "x" }]);
  });

  test("unknown fields, a line without a colon and id/retry are ignored, not failures", () => {
    const { events, ignored } = parse("foo: bar\ngarbage without colon\nid: 7\nretry: 100\ndata: ok\n\n");
    expect(events).toEqual([{ event: "message", data: "ok" }]);
    expect(ignored).toBe(2);
  });

  test("value spacing: one leading space dropped; `data:` with no value is an empty data line", () => {
    expect(parse("data:  two spaces\n\ndata:x\n\ndata\n\ndata: \n\n").events.map((e) => e.data)).toEqual([" two spaces", "x", "", ""]);
  });

  test("a stream that ends inside an event reports it unfinished (the spec discards that event)", () => {
    expect(parse("data: [DONE]")).toEqual({ events: [], unfinished: true, ignored: 0 });
    expect(parse("data: a\n").unfinished).toBe(true);
    expect(parse("data: a\n\n: trailing comment").unfinished).toBe(false);
  });
});
