/**
 * A small OpenAI-compatible server over llama.cpp (node-llama-cpp): streaming chat completions,
 * completions and embeddings. Every request starts from an empty KV cache (no prompt caching) and
 * generation ignores end-of-sequence by default, so measurements reflect real prefill and decode work.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Token } from "node-llama-cpp";
import { importNodeLlamaCpp } from "./llama-import.js";

export interface LlamaServerOptions {
  modelPath: string;
  /** Port on 127.0.0.1; 0 picks a free one. */
  port?: number;
  /** CPU threads; 1 is the fastest with the prebuilt binary on 2 cores (see notes). */
  threads?: number;
  /** Parallel sequences (continuous batching slots). */
  sequenceCount?: number;
  contextTokens?: number;
  /** Model name reported and accepted; any name is accepted. */
  modelName?: string;
}

export interface RunningLlamaServer {
  url: string;
  close: () => Promise<void>;
}

interface ChatMessage {
  role: string;
  content: string;
}

/** Renders chat messages in the format of the test model's chat template (tiny-model.ts CHAT_TEMPLATE). */
export function renderChat(messages: ChatMessage[]): string {
  return messages.map((m) => `<|${m.role}|>\n${m.content}</s>\n`).join("") + "<|assistant|>\n";
}

async function readBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const parsed: unknown = JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}");
  if (typeof parsed !== "object" || parsed === null) throw new Error("body: expected a JSON object");
  return parsed as Record<string, unknown>;
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
  res.end(text);
}

/** Starts the server; node-llama-cpp is imported lazily so the rest of costcurve never loads it. */
export async function startLlamaServer(options: LlamaServerOptions): Promise<RunningLlamaServer> {
  const { getLlama } = await importNodeLlamaCpp("costcurve serve-gguf");
  const llama = await getLlama({ gpu: false, build: "never", logLevel: "error" as never, maxThreads: options.threads ?? 1 });
  // flash attention off for every context, the embedding context included (it takes the model's default):
  // on this CPU build it slows small models down several times
  const model = await llama.loadModel({ modelPath: options.modelPath, gpuLayers: 0, defaultContextFlashAttention: false });
  const sequenceCount = options.sequenceCount ?? 4;
  const context = await model.createContext({
    sequences: sequenceCount,
    contextSize: options.contextTokens ?? 2048 * sequenceCount,
    threads: options.threads ?? 1,
    flashAttention: false,
  });
  let embeddingContext: Awaited<ReturnType<typeof model.createEmbeddingContext>> | undefined;
  const modelName = options.modelName ?? "tiny";
  const free = Array.from({ length: sequenceCount }, () => context.getSequence());
  const waiting: Array<() => void> = [];
  const acquire = async () => {
    while (free.length === 0) await new Promise<void>((resolve) => waiting.push(resolve));
    return free.pop()!;
  };
  const release = (sequence: (typeof free)[number]) => {
    free.push(sequence);
    waiting.shift()?.();
  };
  let nextId = 0;

  const generate = async (req: IncomingMessage, res: ServerResponse, body: Record<string, unknown>, chat: boolean) => {
    const prompt = chat ? renderChat((body.messages as ChatMessage[] | undefined) ?? []) : String(body.prompt ?? "");
    const maxTokens = Number(body.max_tokens ?? body.max_completion_tokens ?? 16);
    const stream = body.stream === true;
    const includeUsage = (body.stream_options as { include_usage?: boolean } | undefined)?.include_usage === true;
    const ignoreEos = body.ignore_eos !== false;
    const id = `cmpl-${nextId++}`;
    const created = Math.floor(Date.now() / 1000);
    const object = chat ? "chat.completion.chunk" : "text_completion";
    const promptTokens = [...(model.tokens.bos == null ? [] : [model.tokens.bos]), ...model.tokenize(prompt)];
    let aborted = false;
    res.on("close", () => void (aborted = !res.writableFinished));
    const sequence = await acquire();
    let text = "";
    let completionTokens = 0;
    let finish = "length";
    try {
      await sequence.clearHistory();
      if (stream) {
        res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
        if (chat) res.write(`data: ${JSON.stringify({ id, object, created, model: modelName, choices: [{ index: 0, delta: { role: "assistant", content: "" }, finish_reason: null }] })}\n\n`);
      }
      const generated: Token[] = [];
      for await (const token of sequence.evaluate(promptTokens, { temperature: 0, yieldEogToken: ignoreEos })) {
        if (aborted) break;
        if (!ignoreEos && model.isEogToken(token)) {
          finish = "stop";
          break;
        }
        const piece = model.detokenize([token], true, generated);
        generated.push(token);
        completionTokens++;
        text += piece;
        if (stream) {
          const choice = chat ? { index: 0, delta: { content: piece }, finish_reason: null } : { index: 0, text: piece, finish_reason: null };
          res.write(`data: ${JSON.stringify({ id, object, created, model: modelName, choices: [choice] })}\n\n`);
        }
        if (completionTokens >= maxTokens) break;
      }
    } finally {
      release(sequence);
    }
    if (aborted) return;
    const usage = { prompt_tokens: promptTokens.length, completion_tokens: completionTokens, total_tokens: promptTokens.length + completionTokens };
    if (stream) {
      const last = chat ? { index: 0, delta: {}, finish_reason: finish } : { index: 0, text: "", finish_reason: finish };
      res.write(`data: ${JSON.stringify({ id, object, created, model: modelName, choices: [last] })}\n\n`);
      if (includeUsage) res.write(`data: ${JSON.stringify({ id, object, created, model: modelName, choices: [], usage })}\n\n`);
      res.end("data: [DONE]\n\n");
      return;
    }
    const choice = chat ? { index: 0, message: { role: "assistant", content: text }, finish_reason: finish } : { index: 0, text, finish_reason: finish };
    sendJson(res, 200, { id, object: chat ? "chat.completion" : "text_completion", created, model: modelName, choices: [choice], usage });
    void req;
  };

  const embed = async (res: ServerResponse, body: Record<string, unknown>) => {
    embeddingContext ??= await model.createEmbeddingContext({ threads: options.threads ?? 1 });
    const inputs = Array.isArray(body.input) ? body.input.map(String) : [String(body.input ?? "")];
    const data = [];
    let promptTokens = 0;
    for (const [index, input] of inputs.entries()) {
      promptTokens += model.tokenize(input).length;
      const embedding = await embeddingContext.getEmbeddingFor(input);
      data.push({ object: "embedding", index, embedding: [...embedding.vector] });
    }
    sendJson(res, 200, { object: "list", model: modelName, data, usage: { prompt_tokens: promptTokens, total_tokens: promptTokens } });
  };

  const server: Server = createServer((req, res) => {
    const route = req.url?.split("?")[0] ?? "";
    const handle = async () => {
      if (req.method === "GET" && route === "/v1/models") return sendJson(res, 200, { object: "list", data: [{ id: modelName, object: "model" }] });
      if (req.method !== "POST") return sendJson(res, 404, { error: { message: `no route ${req.method} ${route}` } });
      const body = await readBody(req);
      if (route === "/v1/chat/completions") return generate(req, res, body, true);
      if (route === "/v1/completions") return generate(req, res, body, false);
      if (route === "/v1/embeddings") return embed(res, body);
      return sendJson(res, 404, { error: { message: `no route POST ${route}` } });
    };
    handle().catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { error: { message: error instanceof Error ? error.message : String(error) } });
      else res.destroy();
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await embeddingContext?.dispose();
      await context.dispose();
      await model.dispose();
      await llama.dispose();
    },
  };
}
