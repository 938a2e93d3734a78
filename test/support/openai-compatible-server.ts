import { createServer, type IncomingHttpHeaders, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

// A scripted stand-in for OpenAI / Ollama / vLLM on 127.0.0.1, speaking the
// wire formats @ai-sdk/openai parses: chat completions and Responses (JSON and
// SSE) and embeddings. Each request takes the next queued reply, or the default text.

export type ScriptedReply =
  | { kind: "text"; text: string }
  | { kind: "unauthorized" }
  | { kind: "rate-limit"; retryAfterSeconds?: number }
  | { kind: "context-length" }
  | { kind: "error"; status: number; code?: string; message?: string };

export type RecordedRequest = { method: string; path: string; headers: IncomingHttpHeaders; body: Record<string, unknown> };

export type OpenAiCompatibleServer = {
  /** e.g. http://127.0.0.1:41234/v1: what OPENAI_BASE_URL would hold. */
  baseUrl: string;
  requests: RecordedRequest[];
  reply(...replies: ScriptedReply[]): void;
  close(): Promise<void>;
};

const ERRORS = {
  unauthorized: { status: 401, code: "invalid_api_key", type: "invalid_request_error", message: "Incorrect API key provided: sk-wrong." },
  "rate-limit": { status: 429, code: "rate_limit_exceeded", type: "requests", message: "Rate limit reached for requests per minute." },
  "context-length": {
    status: 400,
    code: "context_length_exceeded",
    type: "invalid_request_error",
    message: "This model's maximum context length is 8192 tokens. However, your messages resulted in 9120 tokens.",
  },
} as const;

function sendError(res: ServerResponse, reply: Exclude<ScriptedReply, { kind: "text" }>): void {
  const error = reply.kind === "error" ? { status: reply.status, code: reply.code ?? "server_error", type: "server_error", message: reply.message ?? "Scripted failure" } : ERRORS[reply.kind];
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (reply.kind === "rate-limit" && reply.retryAfterSeconds !== undefined) headers["retry-after"] = String(reply.retryAfterSeconds);
  res.writeHead(error.status, headers).end(JSON.stringify({ error: { message: error.message, type: error.type, param: null, code: error.code } }));
}

function sendEvents(res: ServerResponse, events: readonly object[], done: boolean): void {
  res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
  for (const event of events) {
    const type = "type" in event && typeof event.type === "string" ? `event: ${event.type}\n` : "";
    res.write(`${type}data: ${JSON.stringify(event)}\n\n`);
  }
  res.end(done ? "data: [DONE]\n\n" : undefined);
}

const pieces = (text: string) => text.match(/\s*\S+\s*/g) ?? [];
const tokens = (text: string) => Math.ceil(pieces(text).length * 1.3);

function chatCompletion(res: ServerResponse, text: string, model: string, stream: boolean): void {
  const base = { id: "chatcmpl-1", created: 1_700_000_000, model };
  const usage = { prompt_tokens: 42, completion_tokens: tokens(text), total_tokens: 42 + tokens(text) };
  if (!stream) {
    const message = { role: "assistant", content: text };
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ ...base, object: "chat.completion", choices: [{ index: 0, message, finish_reason: "stop" }], usage }));
    return;
  }
  const chunk = (delta: object, finish: string | null) => ({ ...base, object: "chat.completion.chunk", choices: [{ index: 0, delta, finish_reason: finish }] });
  const deltas = pieces(text).map((content) => chunk({ content }, null));
  sendEvents(res, [chunk({ role: "assistant", content: "" }, null), ...deltas, chunk({}, "stop"), { ...base, object: "chat.completion.chunk", choices: [], usage }], true);
}

function response(res: ServerResponse, text: string, model: string, stream: boolean): void {
  const usage = { input_tokens: 42, input_tokens_details: { cached_tokens: 0 }, output_tokens: tokens(text), output_tokens_details: { reasoning_tokens: 0 }, total_tokens: 42 + tokens(text) };
  const message = { type: "message", id: "msg_1", role: "assistant", status: "completed", content: [{ type: "output_text", text, annotations: [] }] };
  const body = { id: "resp_1", object: "response", created_at: 1_700_000_000, model, status: "completed", output: [message], usage };
  if (!stream) {
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(body));
    return;
  }
  const events: object[] = [
    { type: "response.created", response: { ...body, status: "in_progress", output: [], usage: null } },
    { type: "response.output_item.added", output_index: 0, item: { ...message, status: "in_progress", content: [] } },
    { type: "response.content_part.added", item_id: "msg_1", output_index: 0, content_index: 0, part: { type: "output_text", text: "", annotations: [] } },
    ...pieces(text).map((delta) => ({ type: "response.output_text.delta", item_id: "msg_1", output_index: 0, content_index: 0, delta })),
    { type: "response.output_text.done", item_id: "msg_1", output_index: 0, content_index: 0, text },
    { type: "response.output_item.done", output_index: 0, item: message },
    { type: "response.completed", response: body },
  ];
  sendEvents(res, events.map((event, sequence_number) => ({ ...event, sequence_number })), false);
}

/** A deterministic 8-dimensional unit vector per text, so equal texts embed equally. */
function embed(text: string): number[] {
  const vector = Array.from({ length: 8 }, () => 0);
  for (const [index, char] of [...text].entries()) {
    const slot = (char.codePointAt(0) ?? 0) % 8;
    vector[slot] = (vector[slot] ?? 0) + 1 + (index % 3);
  }
  const norm = Math.hypot(...vector) || 1;
  return vector.map((value) => value / norm);
}

export async function startOpenAiCompatibleServer(options: { defaultText?: string } = {}): Promise<OpenAiCompatibleServer> {
  const queue: ScriptedReply[] = [];
  const requests: RecordedRequest[] = [];
  const server = createServer(async (req, res) => {
    let raw = "";
    for await (const chunk of req) raw += String(chunk);
    const body = (raw ? JSON.parse(raw) : {}) as Record<string, unknown>;
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    requests.push({ method: req.method ?? "GET", path, headers: req.headers, body });
    const reply = queue.shift() ?? { kind: "text", text: options.defaultText ?? "Hello from the test server." };
    if (reply.kind !== "text") return sendError(res, reply);
    const model = typeof body.model === "string" ? body.model : "test-model";
    if (path === "/v1/chat/completions") return chatCompletion(res, reply.text, model, body.stream === true);
    if (path === "/v1/responses") return response(res, reply.text, model, body.stream === true);
    if (path === "/v1/embeddings") {
      const inputs = Array.isArray(body.input) ? body.input.map(String) : [String(body.input)];
      const data = inputs.map((input, index) => ({ object: "embedding", index, embedding: embed(input) }));
      return res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ object: "list", data, model, usage: { prompt_tokens: 5, total_tokens: 5 } }));
    }
    sendError(res, { kind: "error", status: 404, code: "not_found", message: `No route ${path}` });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    reply: (...replies) => void queue.push(...replies),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
