/**
 * A small HTTP/1.1 client made for timing streamed responses: plain-TCP sockets hand every read straight to
 * the response parser (node:net's `onread`, one shared buffer, no stream machinery), so the arrival time of
 * each read is taken a few microseconds after the kernel delivers it even with hundreds of streams open.
 * Keep-alive connections are pooled per target; TLS goes through node:tls with the same parser.
 */
import * as net from "node:net";
import * as tls from "node:tls";

/** What the caller learns about one exchange, in order: head, body pieces, then end or failure. */
export interface ResponseHandler {
  onHead(status: number, headers: ReadonlyMap<string, string>): void;
  /** Decoded UTF-8 text of the body bytes that one socket read delivered, with that read's arrival time. */
  onBody(text: string, arrivalMs: number): void;
  onEnd(arrivalMs: number): void;
  /** `refused`: nothing listens there; `dropped`: the connection failed or closed before the body ended. */
  onFailure(kind: "refused" | "dropped", message: string): void;
}

export interface Exchange {
  /** Stops the exchange and closes its connection (no handler call follows). */
  abort(): void;
}

const MAX_HEAD_BYTES = 64 * 1024;
/** One receive buffer for every plain-TCP socket: each read is parsed before the next read can happen. */
const SHARED_READ_BUFFER = Buffer.allocUnsafe(256 * 1024);

type BodyMode = { kind: "length"; remaining: number } | { kind: "chunked" } | { kind: "close" } | { kind: "none" };

/** One HTTP/1.1 connection running one exchange at a time. */
class Connection {
  readonly socket: net.Socket;
  private handler: ResponseHandler | null = null;
  responded = false;
  private head = "";
  private body: BodyMode | null = null;
  private chunkLineBytes = 0;
  private chunkSize = 0;
  private chunkDigits = 0;
  private chunkSizeEnded = false;
  private trailerLineEmpty = true;
  private chunkRemaining = 0;
  private chunkState: "size" | "data" | "crlf" | "trailer" = "size";
  private keepAlive = true;
  private decoder = new TextDecoder("utf-8");
  /** The decoder may hold the first bytes of a character split across reads. */
  private decoderHolds = false;
  private text = "";

  constructor(
    url: URL,
    tlsOptions: tls.ConnectionOptions,
    private readonly release: (connection: Connection, reusable: boolean) => void,
  ) {
    const port = Number(url.port) || (url.protocol === "https:" ? 443 : 80);
    const host = url.hostname.replace(/^\[|\]$/g, "");
    if (url.protocol === "https:") {
      this.socket = tls.connect({ ...tlsOptions, host, port, servername: net.isIP(host) ? undefined : host, ALPNProtocols: ["http/1.1"] });
      this.socket.on("data", (data: Buffer) => this.received(data, data.length));
    } else {
      this.socket = net.connect({ host, port, noDelay: true, onread: { buffer: SHARED_READ_BUFFER, callback: (n) => this.onRead(n) } });
    }
    this.socket.setNoDelay(true);
    this.socket.on("error", (error: NodeJS.ErrnoException) => {
      const refused = error.code === "ECONNREFUSED" && !this.responded;
      this.fail(refused ? "refused" : "dropped", error.code ?? error.message);
    });
    this.socket.on("end", () => {
      if (this.body?.kind === "close") return this.complete(performance.now());
      this.fail("dropped", "connection closed by the server");
    });
    this.socket.on("close", () => this.fail("dropped", "connection closed"));
  }

  /** Starts an exchange: writes the request head and body in one write. */
  start(request: string, handler: ResponseHandler): void {
    this.handler = handler;
    this.responded = false;
    this.head = "";
    this.body = null;
    this.chunkState = "size";
    this.chunkLineBytes = this.chunkSize = this.chunkDigits = 0;
    this.chunkSizeEnded = false;
    this.decoderHolds = false;
    this.socket.write(request);
  }

  /** Drops the exchange without telling its handler and closes the socket (the close event releases it). */
  close(): void {
    this.handler = null;
    this.socket.destroy();
  }

  private fail(kind: "refused" | "dropped", message: string): void {
    const handler = this.handler;
    this.handler = null;
    this.release(this, false);
    if (!this.socket.destroyed) this.socket.destroy();
    handler?.onFailure(kind, message);
  }

  private complete(nowMs: number): void {
    const handler = this.handler;
    this.handler = null;
    this.flushDecoder();
    this.flushText(nowMs, handler);
    this.release(this, this.keepAlive && !this.socket.destroyed && this.body?.kind !== "close");
    handler?.onEnd(nowMs);
  }

  private flushText(nowMs: number, handler: ResponseHandler | null): void {
    if (this.text === "") return;
    const text = this.text;
    this.text = "";
    handler?.onBody(text, nowMs);
  }

  /** The onread callback: the bytes are in the shared buffer; returning true keeps the socket reading. */
  private onRead(n: number): boolean {
    this.received(SHARED_READ_BUFFER, n);
    return true;
  }

  /** Parses `n` bytes of `buffer`; body text is decoded and handed over once per read. */
  private received(buffer: Buffer, n: number): void {
    const nowMs = performance.now();
    if (!this.handler) {
      // bytes while idle: the peer broke the protocol; this connection cannot be trusted again
      this.socket.destroy();
      return;
    }
    this.responded = true;
    let offset = 0;
    while (offset < n && this.handler) {
      if (this.body === null) offset = this.readHead(buffer, offset, n);
      else offset = this.readBody(buffer, offset, n, nowMs);
    }
    const handler = this.handler;
    if (handler) this.flushText(nowMs, handler);
  }

  private readHead(buffer: Buffer, offset: number, n: number): number {
    const start = this.head.length;
    this.head += buffer.toString("latin1", offset, n);
    const end = this.head.indexOf("\r\n\r\n", Math.max(0, start - 3));
    if (end === -1) {
      if (this.head.length > MAX_HEAD_BYTES) this.fail("dropped", "response head larger than 64 KiB");
      return n;
    }
    const consumed = offset + (end + 4 - start);
    const lines = this.head.slice(0, end).split("\r\n");
    const status = /^HTTP\/1\.([01]) (\d{3})/.exec(lines[0] ?? "");
    if (!status) {
      this.fail("dropped", `not an HTTP/1.x response: ${JSON.stringify((lines[0] ?? "").slice(0, 40))}`);
      return n;
    }
    const headers = new Map<string, string>();
    for (const line of lines.slice(1)) {
      const colon = line.indexOf(":");
      if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
    }
    const code = Number(status[2]);
    // an interim 1xx response is followed by the real one
    if (code >= 100 && code < 200) {
      this.head = "";
      return consumed;
    }
    const connection = (headers.get("connection") ?? "").toLowerCase();
    this.keepAlive = status[1] === "1" ? connection !== "close" : connection === "keep-alive";
    const length = headers.get("content-length");
    if (code === 204 || code === 304) this.body = { kind: "none" };
    else if ((headers.get("transfer-encoding") ?? "").toLowerCase().includes("chunked")) this.body = { kind: "chunked" };
    else if (length !== undefined && /^\d+$/.test(length)) this.body = { kind: "length", remaining: Number(length) };
    else this.body = { kind: "close" };
    this.decoder = new TextDecoder("utf-8");
    this.decoderHolds = false;
    this.head = "";
    this.handler?.onHead(code, headers);
    if (this.body.kind === "none" || (this.body.kind === "length" && this.body.remaining === 0)) this.complete(performance.now());
    return consumed;
  }

  /**
   * Appends the UTF-8 text of bytes [from, to). A piece ending in an ASCII byte ends on a character boundary,
   * so it is decoded directly; otherwise the streaming decoder keeps a split character for the next read.
   */
  private decode(buffer: Buffer, from: number, to: number): void {
    if (to <= from) return;
    if (!this.decoderHolds && buffer[to - 1]! < 0x80) {
      this.text += buffer.toString("utf8", from, to);
      return;
    }
    this.text += this.decoder.decode(buffer.subarray(from, to), { stream: true });
    this.decoderHolds = buffer[to - 1]! >= 0x80;
  }

  private flushDecoder(): void {
    if (!this.decoderHolds) return;
    this.text += this.decoder.decode();
    this.decoderHolds = false;
  }

  private readBody(buffer: Buffer, offset: number, n: number, nowMs: number): number {
    const body = this.body!;
    if (body.kind === "close") {
      this.decode(buffer, offset, n);
      return n;
    }
    if (body.kind === "length") {
      const take = Math.min(body.remaining, n - offset);
      this.decode(buffer, offset, offset + take);
      body.remaining -= take;
      if (body.remaining === 0) this.complete(nowMs);
      return offset + take;
    }
    if (body.kind === "none") {
      this.fail("dropped", "bytes after a response without a body");
      return n;
    }
    return this.readChunked(buffer, offset, n, nowMs);
  }

  /**
   * Chunked transfer coding, byte by byte outside the data (a size line, the CRLF after each chunk's data,
   * trailer lines): no strings are made for the framing, so a stream of small chunks stays cheap.
   */
  private readChunked(buffer: Buffer, offset: number, n: number, nowMs: number): number {
    if (this.chunkState === "data") {
      const take = Math.min(this.chunkRemaining, n - offset);
      this.decode(buffer, offset, offset + take);
      this.chunkRemaining -= take;
      if (this.chunkRemaining === 0) this.chunkState = "crlf";
      return offset + take;
    }
    for (let i = offset; i < n; i++) {
      const byte = buffer[i]!;
      if (++this.chunkLineBytes > 4096) {
        this.fail("dropped", "malformed chunked encoding (line too long)");
        return n;
      }
      if (byte !== 10) {
        if (this.chunkState === "size" && byte !== 13) {
          const digit = hexDigit(byte);
          if (digit >= 0 && !this.chunkSizeEnded) {
            this.chunkSize = this.chunkSize * 16 + digit;
            this.chunkDigits++;
          } else if (byte === 59 || byte === 32 || byte === 9)
            this.chunkSizeEnded = true; // ';' starts an extension
          else if (!this.chunkSizeEnded) {
            this.fail("dropped", "malformed chunked encoding (bad chunk size)");
            return n;
          }
        } else if (this.chunkState === "crlf" && byte !== 13) {
          this.fail("dropped", "malformed chunked encoding (no CRLF after chunk data)");
          return n;
        } else if (this.chunkState === "trailer" && byte !== 13) this.trailerLineEmpty = false;
        continue;
      }
      // end of a framing line
      this.chunkLineBytes = 0;
      if (this.chunkState === "crlf") this.chunkState = "size";
      else if (this.chunkState === "size") {
        if (this.chunkDigits === 0 || this.chunkDigits > 12) {
          this.fail("dropped", "malformed chunked encoding (bad chunk size)");
          return n;
        }
        const size = this.chunkSize;
        this.chunkSize = this.chunkDigits = 0;
        this.chunkSizeEnded = false;
        if (size === 0) {
          this.chunkState = "trailer";
          this.trailerLineEmpty = true;
        } else {
          this.chunkRemaining = size;
          this.chunkState = "data";
          return i + 1;
        }
      } else if (this.trailerLineEmpty) {
        this.complete(nowMs);
        return i + 1;
      } else this.trailerLineEmpty = true;
    }
    return n;
  }
}

/** The value of an ASCII hex digit, or -1. */
function hexDigit(byte: number): number {
  if (byte >= 48 && byte <= 57) return byte - 48;
  if (byte >= 97 && byte <= 102) return byte - 87;
  if (byte >= 65 && byte <= 70) return byte - 55;
  return -1;
}

/** Keep-alive connections to one origin; each request takes an idle one or opens a new one. */
export class ConnectionPool {
  private readonly idle: Connection[] = [];
  private readonly open = new Set<Connection>();
  private destroyed = false;

  /** `tlsOptions` (https only) e.g. a `ca` to trust besides the system's roots. */
  constructor(
    private readonly origin: URL,
    private readonly tlsOptions: tls.ConnectionOptions = {},
  ) {}

  /** Sends `method path` with `headers` and `body`; the handler sees the response. */
  request(method: string, url: URL, headers: Record<string, string>, body: string, handler: ResponseHandler): Exchange {
    const lines = [`${method} ${url.pathname}${url.search} HTTP/1.1`, `host: ${url.host}`];
    const all: Record<string, string> = { ...headers };
    if ((url.username || url.password) && !Object.keys(all).some((k) => k.toLowerCase() === "authorization")) {
      all.authorization = `Basic ${Buffer.from(`${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`).toString("base64")}`;
    }
    for (const [name, value] of Object.entries(all)) {
      if (/[\r\n]/.test(name) || /[\r\n]/.test(value)) throw new Error(`header ${name}: line breaks are not allowed`);
      lines.push(`${name}: ${value}`);
    }
    const request = `${lines.join("\r\n")}\r\n\r\n${body}`;
    let connection: Connection | null = null;
    let aborted = false;
    const attempt = (allowRetry: boolean) => {
      const reused = this.idle.pop();
      connection = reused ?? this.connect();
      connection.start(request, {
        onHead: (status, responseHeaders) => handler.onHead(status, responseHeaders),
        onBody: (text, arrivalMs) => handler.onBody(text, arrivalMs),
        onEnd: (arrivalMs) => handler.onEnd(arrivalMs),
        // a kept-alive connection the server closed just before this request: try once on a fresh one
        onFailure: (kind, message) => {
          if (aborted) return;
          if (allowRetry && reused && !reused.responded && !this.destroyed) return attempt(false);
          handler.onFailure(kind, message);
        },
      });
    };
    attempt(true);
    return {
      abort: () => {
        aborted = true;
        connection?.close();
      },
    };
  }

  private connect(): Connection {
    const connection = new Connection(this.origin, this.tlsOptions, (c, reusable) => {
      if (reusable && !this.destroyed) {
        if (!this.idle.includes(c)) this.idle.push(c);
        return;
      }
      this.open.delete(c);
      const at = this.idle.indexOf(c);
      if (at !== -1) this.idle.splice(at, 1);
    });
    this.open.add(connection);
    return connection;
  }

  /** Closes every connection. */
  destroy(): void {
    this.destroyed = true;
    for (const connection of this.open) connection.close();
    this.open.clear();
    this.idle.length = 0;
  }
}
