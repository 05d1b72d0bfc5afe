/**
 * A scripted OpenAI-compatible server on 127.0.0.1 with exact timing and fault modes, for testing the
 * benchmark client against known answers and for measuring the client's own overhead.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type FakeFault = "drop" | "malformed" | "empty" | "hang" | "error_event" | "no_done";

export interface FakeBehaviour {
  /** HTTP status to answer with instead of a stream (e.g. 500, 429). */
  status: number;
  /** Seconds from the request's arrival to the first content chunk. */
  firstTokenDelaySeconds: number;
  /** Seconds between content chunks. */
  tokenIntervalSeconds: number;
  /** Content chunks to send; null sends max_tokens of them. */
  outputTokens: number | null;
  /** Send a role-only chunk at once (the trap: it carries no text and must not count as first token). */
  roleChunk: boolean;
  /** The first N tokens go out as reasoning_content instead of content. */
  reasoningTokens: number;
  /** Include usage in the final chunk when the request asks for it. */
  usage: boolean;
  fault: FakeFault | null;
  /** Content chunks sent before the fault strikes. */
  faultAfterTokens: number;
  /** Fields that replace or join the usage object's (a misbehaving server: negative or huge counts, cached_tokens). */
  usageOverride?: Record<string, unknown>;
}

export const DEFAULT_BEHAVIOUR: FakeBehaviour = {
  status: 200,
  firstTokenDelaySeconds: 0.05,
  tokenIntervalSeconds: 0.01,
  outputTokens: null,
  roleChunk: true,
  reasoningTokens: 0,
  usage: true,
  fault: null,
  faultAfterTokens: 0,
};

/** Reads a behaviour from a model name like "fake:ttft=0.1,itl=0.01,tokens=20,role=0,usage=0,fault=drop@5,status=500". */
export function behaviourFromModel(model: string): FakeBehaviour {
  const b = { ...DEFAULT_BEHAVIOUR };
  if (!model.startsWith("fake:")) return b;
  for (const part of model.slice(5).split(",")) {
    const [key, value = ""] = part.split("=");
    if (key === "ttft") b.firstTokenDelaySeconds = Number(value);
    else if (key === "itl") b.tokenIntervalSeconds = Number(value);
    else if (key === "tokens") b.outputTokens = Number(value);
    else if (key === "role") b.roleChunk = value !== "0";
    else if (key === "usage") b.usage = value !== "0";
    else if (key === "reasoning") b.reasoningTokens = Number(value);
    else if (key === "status") b.status = Number(value);
    else if (key === "fault") {
      const [fault, after = "0"] = value.split("@");
      b.fault = fault as FakeFault;
      b.faultAfterTokens = Number(after);
    }
  }
  return b;
}

export interface FakeServerOptions {
  port?: number;
  /** Model ids that GET /v1/models lists (default one scripted model name). */
  models?: string[];
  /** Chooses the behaviour per request (index counts requests from 0); default: from the model name. */
  script?: (body: Record<string, unknown>, index: number) => FakeBehaviour;
  /** Called as each content chunk goes out with how late it is behind its scheduled time (seconds). */
  onEmit?: (latenessSeconds: number) => void;
  /**
   * Stamp every content chunk with its send time, `"costcurve_sent_ns"`: process.hrtime (CLOCK_MONOTONIC,
   * shared by every process on the host) in nanoseconds, taken just before the write, so a client in another
   * process can tell its own delay (arrival - send) from the server's lateness.
   */
  stampSendTime?: boolean;
  /**
   * Default true: events go out within microseconds of their time, by spinning the event loop through the
   * last millisecond. False: timers only, so events may be up to ~1 ms late but the server leaves the CPU
   * to the client under test (the overhead benchmark, where send times are stamped anyway).
   */
  preciseTiming?: boolean;
}

export interface RunningFakeServer {
  url: string;
  /** Headers of every request received (tests check what the client sent). */
  requests: Array<{ path: string; headers: IncomingMessage["headers"]; body: Record<string, unknown> }>;
  close: () => Promise<void>;
}

/**
 * Runs callbacks at performance.now() >= their time, never early: one timer for the earliest entry,
 * then setImmediate turns for the last millisecond (libuv timers have 1 ms granularity and can fire
 * early). One queue for all streams keeps 256 streams as cheap as one. Without `precise` it only uses
 * timers, so a load test with an event due every few microseconds does not spin a core.
 */
class Scheduler {
  private queue: Array<{ atMs: number; fn: () => void }> = [];
  private timer: ReturnType<typeof setTimeout> | null = null;
  private immediate: ReturnType<typeof setImmediate> | null = null;
  private running = false;

  /** precise: setImmediate turns for the last millisecond; otherwise timers only (up to ~1 ms late, no busy-wait). */
  constructor(private readonly precise: boolean) {}

  at(atMs: number, fn: () => void): void {
    let low = 0;
    let high = this.queue.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.queue[mid]!.atMs <= atMs) low = mid + 1;
      else high = mid;
    }
    this.queue.splice(low, 0, { atMs, fn });
    // a new earliest entry re-arms the wake-up; inside run() the loop itself picks it up
    if (low === 0 && !this.running) this.run();
  }

  private run = (): void => {
    if (this.timer) clearTimeout(this.timer);
    if (this.immediate) clearImmediate(this.immediate);
    this.timer = this.immediate = null;
    this.running = true;
    try {
      while (this.queue.length > 0 && this.queue[0]!.atMs <= performance.now()) this.queue.shift()!.fn();
    } finally {
      this.running = false;
    }
    if (this.queue.length === 0) return;
    const remaining = this.queue[0]!.atMs - performance.now();
    if (remaining >= 1) this.timer = setTimeout(this.run, Math.floor(remaining));
    else if (this.precise) this.immediate = setImmediate(this.run);
    else this.timer = setTimeout(this.run, 1);
  };
}

function words(text: string): number {
  return text.split(/\s+/).filter((w) => w !== "").length;
}

function serveEmbeddings(at: Scheduler["at"], res: ServerResponse, body: Record<string, unknown>, b: FakeBehaviour, startMs: number): void {
  at(startMs + b.firstTokenDelaySeconds * 1000, () => {
    const input = Array.isArray(body.input) ? body.input.map(String) : [String(body.input ?? "")];
    const data = b.fault === "empty" ? [] : input.map((_, index) => ({ object: "embedding", index, embedding: [0.5, -0.5, 0.25] }));
    const promptTokens = input.reduce((s, t) => s + words(t), 0);
    const text = JSON.stringify({ object: "list", data, ...(b.usage ? { usage: { prompt_tokens: promptTokens, total_tokens: promptTokens } } : {}) });
    res.writeHead(200, { "content-type": "application/json" });
    res.end(text);
  });
}

function serveStream(at: Scheduler["at"], res: ServerResponse, body: Record<string, unknown>, b: FakeBehaviour, startMs: number, chat: boolean, onEmit?: (latenessSeconds: number) => void, stamp = false): void {
  const maxTokens = Number(body.max_tokens ?? 16);
  const count = b.fault === "empty" ? 0 : (b.outputTokens ?? maxTokens);
  const prompt = chat ? ((body.messages as Array<{ content?: string }> | undefined) ?? []).map((m) => m.content ?? "").join(" ") : String(body.prompt ?? "");
  const wantUsage = b.usage && (body.stream_options as { include_usage?: boolean } | undefined)?.include_usage === true;
  const base = { id: "fake-1", object: chat ? "chat.completion.chunk" : "text_completion", created: 0, model: String(body.model ?? "") };
  res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache", "transfer-encoding": "chunked" });
  res.flushHeaders();
  // each event is one HTTP chunk in one socket write (res.write would cork and writev three pieces, which costs
  // the server as much CPU as the event itself when 256 streams share a core); res.end() writes the last chunk
  const socket = res.socket;
  // the fixed part of every event is serialized once: {"id":...,"model":...,"choices":[
  const head = `data: ${JSON.stringify(base).slice(0, -1)},"choices":[`;
  const send = (choice: Record<string, unknown> | null, extra: Record<string, unknown> = {}) => {
    let fields = "";
    for (const key in extra) fields += `,${JSON.stringify(key)}:${JSON.stringify(extra[key])}`;
    const event = `${head}${choice ? JSON.stringify(choice) : ""}]${fields}}\n\n`;
    if (socket && !socket.destroyed) socket.write(`${Buffer.byteLength(event).toString(16)}\r\n${event}\r\n`);
  };
  if (b.fault === "hang") return;
  if (chat && b.roleChunk) send({ index: 0, delta: { role: "assistant" }, finish_reason: null });
  const faultNow = (k: number) => b.fault !== null && b.fault !== "empty" && k === b.faultAfterTokens;
  const strike = () => {
    if (b.fault === "drop") res.socket?.destroy();
    else if (b.fault === "malformed") res.end('data: {"choices": [oops\n\n');
    else if (b.fault === "error_event") res.end(`data: ${JSON.stringify({ error: { message: "scripted failure", code: 500 } })}\n\n`);
    else if (b.fault === "no_done") res.end();
  };
  const finish = () => {
    send(chat ? { index: 0, delta: {}, finish_reason: "length" } : { index: 0, text: "", finish_reason: "length" });
    if (wantUsage) send(null, { usage: { prompt_tokens: words(prompt), completion_tokens: count, total_tokens: words(prompt) + count, ...b.usageOverride } });
    res.end("data: [DONE]\n\n");
  };
  const token = (k: number) => {
    if (res.destroyed) return;
    if (faultNow(k)) return strike();
    if (k >= count) return finish();
    const piece = ` w${k}`;
    onEmit?.((performance.now() - startMs) / 1000 - (b.firstTokenDelaySeconds + k * b.tokenIntervalSeconds));
    const extra = stamp ? { costcurve_sent_ns: Number(process.hrtime.bigint()) } : {};
    if (!chat) send({ index: 0, text: piece, finish_reason: null }, extra);
    else if (k < b.reasoningTokens) send({ index: 0, delta: { reasoning_content: piece }, finish_reason: null }, extra);
    else send({ index: 0, delta: { content: piece }, finish_reason: null }, extra);
    // the last token is followed at once by the finish chunk, usage and [DONE]
    if (k + 1 >= count && !faultNow(k + 1)) return finish();
    at(startMs + (b.firstTokenDelaySeconds + (k + 1) * b.tokenIntervalSeconds) * 1000, () => token(k + 1));
  };
  at(startMs + b.firstTokenDelaySeconds * 1000, () => token(0));
}

/** Starts the fake server on 127.0.0.1 (port 0 picks a free one). */
export async function startFakeServer(options: FakeServerOptions = {}): Promise<RunningFakeServer> {
  const requests: RunningFakeServer["requests"] = [];
  let index = 0;
  const scheduler = new Scheduler(options.preciseTiming !== false);
  const at = scheduler.at.bind(scheduler);
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const startMs = performance.now();
      if (req.method === "GET" && (req.url ?? "").endsWith("/models")) {
        requests.push({ path: req.url ?? "", headers: req.headers, body: {} });
        const ids = options.models ?? ["fake:ttft=0.005,itl=0.001,tokens=3"];
        res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ object: "list", data: ids.map((id) => ({ id, object: "model", root: id })) }));
        return;
      }
      let body: Record<string, unknown>;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as Record<string, unknown>;
      } catch {
        res.writeHead(400, { "content-type": "application/json" }).end('{"error":{"message":"body is not JSON"}}');
        return;
      }
      const path = req.url ?? "";
      requests.push({ path, headers: req.headers, body });
      const b = options.script ? options.script(body, index++) : behaviourFromModel(String(body.model ?? ""));
      if (b.status !== 200) {
        res.writeHead(b.status, { "content-type": "application/json" }).end(JSON.stringify({ error: { message: `scripted status ${b.status}` } }));
        return;
      }
      if (path.endsWith("/embeddings")) serveEmbeddings(at, res, body, b, startMs);
      else serveStream(at, res, body, b, startMs, path.endsWith("/chat/completions"), options.onEmit, options.stampSendTime === true);
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
