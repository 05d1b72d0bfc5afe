/**
 * Server-Sent Events (the WHATWG event-stream format) through eventsource-parser: LF, CR and CRLF line ends, a
 * leading BOM skipped, unknown fields and comments ignored, as the spec says a browser's EventSource does.
 */
import { type EventSourceParser, createParser } from "eventsource-parser";

export interface SseEvent {
  event: string;
  data: string;
}

/** Feeds text chunks and returns the complete events they finish; partial lines wait for the next chunk. */
export class SseParser {
  private readonly parser: EventSourceParser;
  private events: SseEvent[] = [];
  private first = true;
  private lastChar = "";
  /** Fields the spec ignores (unknown names, a bad retry): counted for diagnosis, never a failure. */
  ignoredFieldCount = 0;

  constructor() {
    this.parser = createParser({
      onEvent: (e) => void this.events.push({ event: e.event ?? "message", data: e.data }),
      onError: () => void this.ignoredFieldCount++,
    });
  }

  feed(text: string): SseEvent[] {
    if (this.first && text !== "") {
      this.first = false;
      // http1 decodes UTF-8 without dropping a BOM; the spec strips one U+FEFF at the start of the stream
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    if (text !== "") this.lastChar = text.at(-1)!;
    this.parser.feed(text);
    const done = this.events;
    this.events = [];
    return done;
  }

  /**
   * Ends the stream: returns the events that only its end completes (a final CR-only line end is held back until
   * the next character shows whether an LF follows) and whether an event was left unfinished (data with no blank
   * line after it: a truncated stream, whose event the spec discards and a benchmark reports).
   */
  end(): { events: SseEvent[]; unfinished: boolean } {
    if (this.lastChar === "\r") this.parser.feed("\n");
    const events = this.events;
    this.events = [];
    this.parser.feed("\n\n");
    const unfinished = this.events.length > 0;
    this.events = [];
    this.parser.reset();
    return { events, unfinished };
  }
}
