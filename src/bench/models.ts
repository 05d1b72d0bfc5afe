/** The served model's name from the server's /v1/models list, as `vllm bench serve` finds it when --model is absent. */
import { z } from "zod";

const ModelList = z.object({ data: z.array(z.object({ id: z.string().min(1) })).min(1) });

/** GET <base>/v1/models (or <base>/models when the base ends in /v1) and the first model's id. */
export async function discoverModel(baseUrl: string, headers: Record<string, string>, timeoutSeconds = 30): Promise<{ ok: true; value: string; all: string[] } | { ok: false; message: string }> {
  const url = new URL(baseUrl);
  const path = url.pathname.replace(/\/+$/, "");
  url.pathname = path.endsWith("/v1") ? `${path}/models` : `${path}/v1/models`;
  url.username = "";
  url.password = "";
  let response: Response;
  try {
    response = await fetch(url, { headers, signal: AbortSignal.timeout(timeoutSeconds * 1000) });
  } catch (error) {
    return { ok: false, message: `GET ${url.pathname} failed: ${error instanceof Error ? error.message : String(error)}` };
  }
  if (!response.ok) return { ok: false, message: `GET ${url.pathname} answered HTTP ${response.status}` };
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    return { ok: false, message: `GET ${url.pathname} did not answer JSON` };
  }
  const parsed = ModelList.safeParse(body);
  if (!parsed.success) return { ok: false, message: `GET ${url.pathname} listed no model ({"data": [{"id": ...}]} expected)` };
  return { ok: true, value: parsed.data.data[0]!.id, all: parsed.data.data.map((m) => m.id) };
}
