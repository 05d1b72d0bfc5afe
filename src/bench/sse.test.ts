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

test("one whole event per read (the fast path) parses like the same bytes fed in pieces", () => {
  const stream = ['data: {"a":1}\n\n', "data: x\n\n", "data:  two spaces\n\n", "data: \n\n", 'data: {"b":2}\n\n'];
  const whole = new SseParser();
  const perRead = stream.flatMap((chunk) => whole.feed(chunk));
  const pieces = new SseParser();
  const byteAtATime = [...stream.join("")].flatMap((ch) => pieces.feed(ch));
  expect(perRead).toEqual(byteAtATime);
  // "data:  two spaces" keeps the second space; "data: " is an empty data line, still an event
  expect(perRead.map((e) => e.data)).toEqual(['{"a":1}', "x", " two spaces", "", '{"b":2}']);
  // with a partial event pending, the next read goes through the line parser
  const p = new SseParser();
  expect(p.feed("data: par")).toEqual([]);
  expect(p.feed("data: tial\n\n")).toEqual([{ event: "message", data: "pardata: tial" }]);
});
