/**
 * Sends one benchmark request over the pooled HTTP/1.1 client (http1.ts) and timestamps every streamed chunk as it arrives
 * (performance.now, microsecond resolution), measuring from the request's intended send time.
 */
import type { Prompt } from "./dataset.js";
import { type ConnectionPool, type Exchange, type ResponseHandler } from "./http1.js";
import type { Endpoint, ErrorType } from "./schemas.js";
import { type SseEvent, SseParser } from "./sse.js";

export interface Target {
  url: string;
  model: string;
  endpoint: Endpoint;
  /** Sent as a Bearer token; never stored in any result. */
  apiKey: string | undefined;
  timeoutSeconds: number;
  /** Ask the server to keep generating past end-of-sequence (vLLM and llama.cpp `ignore_eos`). */
  ignoreEos: boolean;
  /** Extra request headers (--header); never stored in any result. */
  headers?: Record<string, string>;
  /** Keep the generated text (for counting its tokens with a tokenizer when the server sends no usage). */
  keepText?: boolean;
}

/** What one request measured, in milliseconds on the performance.now() clock. */
export interface RawResult {
  ok: boolean;
  errorType: ErrorType | null;
  httpStatus: number | null;
  errorMessage: string | null;
  sendMs: number;
  /** Arrival time of each chunk carrying content or reasoning text. */
  contentTimesMs: number[];
  /** Arrival of the last byte (or the failure). */
  endMs: number;
  promptTokens: number | null;
  completionTokens: number | null;
  /** Prompt tokens the server says came from its prompt cache (usage.prompt_tokens_details.cached_tokens, llama.cpp's timings.cache_n); null: not reported. */
  cachedPromptTokens: number | null;
  /** The streamed content and reasoning text, when the target asks to keep it; else null. */
  generatedText: string | null;
}

const PATHS: Record<Endpoint, string> = { chat: "chat/completions", completions: "completions", embeddings: "embeddings" };

/** The endpoint's full URL: a base like http://host:8000 or http://host:8000/v1 gets /v1/<endpoint> appended. */
export function endpointUrl(base: string, endpoint: Endpoint): URL {
  const url = new URL(base);
  const path = url.pathname.replace(/\/+$/, "");
  if (path.endsWith(`/${PATHS[endpoint]}`)) return url;
  url.pathname = `${path.endsWith("/v1") ? path : `${path}/v1`}/${PATHS[endpoint]}`;
  return url;
}

/** The JSON body for a prompt; streaming endpoints ask for usage in the final chunk. */
export function requestBody(target: Target, prompt: Prompt): Record<string, unknown> {
  if (target.endpoint === "embeddings") return { model: target.model, input: prompt.text };
  const common = {
    model: target.model,
    max_tokens: prompt.outputTokens,
    stream: true,
    stream_options: { include_usage: true },
    ...(target.ignoreEos ? { ignore_eos: true } : {}),
  };
  if (target.endpoint === "chat") return { ...common, messages: [{ role: "user", content: prompt.text }] };
  return { ...common, prompt: prompt.text };
}

/** Text of a streamed chunk: content or reasoning text for chat, text for completions. */
function chunkText(json: Record<string, unknown>, endpoint: Endpoint): string {
  const choices = json.choices;
  if (!Array.isArray(choices) || choices.length === 0) return "";
  const choice = choices[0] as Record<string, unknown>;
  if (endpoint === "completions") return typeof choice.text === "string" ? choice.text : "";
  const delta = (choice.delta ?? choice.message ?? {}) as Record<string, unknown>;
  const { content, reasoning_content: reasoningContent, reasoning } = delta;
  return (typeof content === "string" ? content : "") + (typeof reasoningContent === "string" ? reasoningContent : "") + (typeof reasoning === "string" ? reasoning : "");
}

class Fault extends Error {
  constructor(
    readonly type: ErrorType,
    message: string,
    readonly status: number | null = null,
  ) {
    super(message);
  }
}

/** Sees every parsed stream event with its arrival time (performance.now ms), e.g. to read server timestamps. */
export type ChunkObserver = (json: Record<string, unknown>, arrivalMs: number) => void;

/** Sends the request and resolves with its measurements; never rejects (faults are results). */
export function sendRequest(target: Target, prompt: Prompt, pool: ConnectionPool, signal: AbortSignal, onChunk?: ChunkObserver): Promise<RawResult> {
  const url = endpointUrl(target.url, target.endpoint);
  const body = JSON.stringify(requestBody(target, prompt));
  const headers: Record<string, string> = { "content-type": "application/json", "content-length": String(Buffer.byteLength(body)), accept: "text/event-stream, application/json" };
  if (target.apiKey) headers.authorization = `Bearer ${target.apiKey}`;
  // the user's headers win over the defaults, except the body's own framing
  for (const [name, value] of Object.entries(target.headers ?? {})) if (name.toLowerCase() !== "content-length") headers[name.toLowerCase()] = value;
  const contentTimesMs: number[] = [];
  let promptTokens: number | null = null;
  let generated = "";
  let completionTokens: number | null = null;
  let cachedPromptTokens: number | null = null;
  const sendMs = performance.now();

  return new Promise<RawResult>((resolve) => {
    let settled = false;
    let exchange: Exchange | null = null;
    const finish = (fault: Fault | null, endMs = performance.now()) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal.removeEventListener("abort", onAbort);
      if (fault) exchange?.abort();
      resolve({
        ok: fault === null,
        errorType: fault?.type ?? null,
        httpStatus: fault?.status ?? null,
        errorMessage: fault?.message ?? null,
        sendMs,
        contentTimesMs,
        endMs: fault === null && contentTimesMs.length > 0 ? Math.max(endMs, contentTimesMs.at(-1)!) : endMs,
        promptTokens,
        completionTokens,
        cachedPromptTokens,
        generatedText: target.keepText ? generated : null,
      });
    };
    const onAbort = () => finish(new Fault("cancelled", "run interrupted"));

    let status = 0;
    let streaming = false;
    let responded = false;
    let errorText = "";
    const parser = new SseParser();
    let whole = "";
    let done = false;
    let finishReason = false;
    let fault: Fault | null = null;
    const handle = (json: Record<string, unknown>, nowMs: number) => {
      if (json.error !== undefined) fault ??= new Fault("stream_error", `server error event: ${JSON.stringify(json.error).slice(0, 200)}`);
      const text = chunkText(json, target.endpoint);
      if (text !== "") {
        contentTimesMs.push(nowMs);
        if (target.keepText) generated += text;
      }
      onChunk?.(json, nowMs);
      const choices = json.choices;
      if (Array.isArray(choices)) for (const c of choices as Array<{ finish_reason?: unknown } | null>) if (c?.finish_reason != null) finishReason = true;
      const usage = json.usage as { prompt_tokens?: unknown; completion_tokens?: unknown; prompt_tokens_details?: { cached_tokens?: unknown } | null } | undefined | null;
      if (usage && usage.prompt_tokens != null) promptTokens = usageCount("prompt_tokens", usage.prompt_tokens, promptTokenBound);
      if (usage && usage.completion_tokens != null) completionTokens = usageCount("completion_tokens", usage.completion_tokens, completionTokenBound);
      const cached = usage?.prompt_tokens_details?.cached_tokens ?? (json.timings as { cache_n?: unknown } | undefined)?.cache_n;
      if (cached != null) cachedPromptTokens = usageCount("cached_tokens", cached, promptTokenBound);
    };
    // a usage count must be a count, and possible for what was sent: at most one prompt token per byte of the prompt plus a
    // chat template's worth, at most max_tokens generated
    const promptTokenBound = Buffer.byteLength(prompt.text) + 4096;
    const completionTokenBound = prompt.outputTokens;
    const usageCount = (field: string, value: unknown, bound: number): number | null => {
      if (typeof value === "number" && Number.isSafeInteger(value) && value >= 0 && value <= bound) return value;
      fault ??= new Fault("invalid_usage", `server usage ${field} = ${JSON.stringify(value)?.slice(0, 40)} is not a count from 0 to ${bound}`);
      return null;
    };
    const consume = (events: SseEvent[], nowMs: number) => {
      for (const event of events) {
        if (event.data === "[DONE]") {
          done = true;
          continue;
        }
        try {
          handle(JSON.parse(event.data) as Record<string, unknown>, nowMs);
        } catch {
          fault ??= new Fault("malformed_sse", `unparseable event data: ${event.data.slice(0, 80)}`);
        }
      }
    };
    const ok = () => status >= 200 && status < 300;
    const handler: ResponseHandler = {
      onHead: (code, responseHeaders) => {
        responded = true;
        status = code;
        streaming = (responseHeaders.get("content-type") ?? "").includes("text/event-stream");
      },
      onBody: (text, nowMs) => {
        if (!ok()) {
          if (errorText.length < 2000) errorText += text;
          return;
        }
        if (!streaming) {
          whole += text;
          return;
        }
        consume(parser.feed(text), nowMs);
      },
      onEnd: (nowMs) => {
        if (!ok()) return finish(new Fault("http_error", `HTTP ${status}: ${errorText.slice(0, 200)}`, status), nowMs);
        if (!streaming) {
          try {
            const json = JSON.parse(whole) as Record<string, unknown>;
            handle(json, nowMs);
            const data = json.data;
            if (target.endpoint === "embeddings" && Array.isArray(data) && data.length > 0) contentTimesMs.push(nowMs);
          } catch {
            return finish(new Fault("malformed_sse", "response body is not JSON"), nowMs);
          }
          if (fault) return finish(fault, nowMs);
          return finish(contentTimesMs.length === 0 ? new Fault("empty_response", "response carried no content") : null, nowMs);
        }
        const end = parser.end();
        consume(end.events, nowMs);
        if (fault) return finish(fault, nowMs);
        if (end.unfinished) return finish(new Fault("malformed_sse", "stream ended inside an event (no blank line after its data)"), nowMs);
        if (!done && !finishReason) return finish(new Fault("connection_dropped", "stream ended before [DONE] or a finish_reason"), nowMs);
        if (completionTokens === 0 && contentTimesMs.length > 0) return finish(new Fault("invalid_usage", `server usage completion_tokens = 0, but ${contentTimesMs.length} chunks of text were streamed`), nowMs);
        finish(contentTimesMs.length === 0 ? new Fault("empty_response", "stream carried no content") : null, nowMs);
      },
      onFailure: (kind, message) => {
        if (kind === "refused") return finish(new Fault("connection_refused", `connection refused: ${url.host}`));
        if (responded && !ok()) return finish(new Fault("http_error", `HTTP ${status}`, status));
        finish(new Fault("connection_dropped", `${responded ? "mid-stream" : "before response"}: ${message}`));
      },
    };
    const timer = setTimeout(() => finish(new Fault("timeout", `no complete response within ${target.timeoutSeconds} s`)), target.timeoutSeconds * 1000);
    if (signal.aborted) return onAbort();
    signal.addEventListener("abort", onAbort, { once: true });
    exchange = pool.request("POST", url, headers, body, handler);
  });
}
