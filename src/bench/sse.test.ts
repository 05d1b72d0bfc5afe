import { expect, test } from "vitest";
import { SseParser } from "./sse.js";

test("events split across chunks, CRLF, comments and multi-line data", () => {
  const p = new SseParser();
  expect(p.feed('data: {"a":')).toEqual([]);
  expect(p.feed('1}\r\n\r\n: keep-alive\n\nevent: x\ndata: one\ndata: two\n\n')).toEqual([
    { event: "message", data: '{"a":1}' },
    { event: "x", data: "one\ntwo" },
  ]);
  expect(p.invalidLines).toBe(0);
  expect(p.pending).toBe("");
});

test("a line that is not a field is counted as invalid", () => {
  const p = new SseParser();
  p.feed("garbage without colon\n\ndata: [DONE]\n\n");
  expect(p.invalidLines).toBe(1);
});
