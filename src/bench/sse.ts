/** A small incremental parser for Server-Sent Events (the WHATWG event-stream format). */

export interface SseEvent {
  event: string;
  data: string;
}

/** Feeds text chunks and returns the complete events they finish; partial lines wait for the next chunk. */
export class SseParser {
  private buffer = "";
  private dataLines: string[] = [];
  private eventName = "";
  /** Lines that are neither a field, a comment nor blank (a sign of a malformed stream). */
  invalidLines = 0;

  feed(text: string): SseEvent[] {
    // the common case, one whole `data:` event per read with nothing pending, skips the line machinery
    if (this.buffer === "" && this.dataLines.length === 0 && this.eventName === "" && text.startsWith("data: ") && text.indexOf("\n") === text.length - 2 && text.endsWith("\n\n") && !text.includes("\r")) {
      return [{ event: "message", data: text.slice(6, -2) }];
    }
    this.buffer += text;
    const events: SseEvent[] = [];
    let start = 0;
    for (;;) {
      const newline = this.buffer.indexOf("\n", start);
      if (newline === -1) break;
      let line = this.buffer.slice(start, newline);
      if (line.endsWith("\r")) line = line.slice(0, -1);
      start = newline + 1;
      this.line(line, events);
    }
    this.buffer = this.buffer.slice(start);
    return events;
  }

  /** Text received after the last newline (non-empty at the end means a truncated stream). */
  get pending(): string {
    return this.buffer;
  }

  private line(line: string, events: SseEvent[]): void {
    if (line === "") {
      if (this.dataLines.length > 0) events.push({ event: this.eventName || "message", data: this.dataLines.join("\n") });
      this.dataLines = [];
      this.eventName = "";
      return;
    }
    if (line.startsWith(":")) return;
    const colon = line.indexOf(":");
    if (colon === -1) {
      this.invalidLines++;
      return;
    }
    const field = line.slice(0, colon);
    let value = line.slice(colon + 1);
    if (value.startsWith(" ")) value = value.slice(1);
    if (field === "data") this.dataLines.push(value);
    else if (field === "event") this.eventName = value;
    else if (field !== "id" && field !== "retry") this.invalidLines++;
  }
}
