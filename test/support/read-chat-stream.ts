import "server-only";
import type { UIMessageChunk } from "ai";

export type ChatStreamResult = { chunks: UIMessageChunk[]; text: string; deltas: number; errors: string[]; messageId: string | undefined };

/** Reads a UI message stream response (server-sent events) to its end, as useChat would. */
export async function readChatStream(response: Response): Promise<ChatStreamResult> {
  const body = await response.text();
  const chunks = body
    .split("\n\n")
    .map((event) => event.replace(/^data: /, "").trim())
    .filter((data) => data !== "" && data !== "[DONE]")
    .map((data) => JSON.parse(data) as UIMessageChunk);
  const deltas = chunks.flatMap((chunk) => (chunk.type === "text-delta" ? [chunk.delta] : []));
  const start = chunks.find((chunk) => chunk.type === "start");
  return {
    chunks,
    text: deltas.join(""),
    deltas: deltas.length,
    errors: chunks.flatMap((chunk) => (chunk.type === "error" ? [chunk.errorText] : [])),
    messageId: start?.type === "start" ? start.messageId : undefined,
  };
}

/** A user message as useChat sends it. */
export function userMessage(text: string, id = `msg-${Math.random().toString(36).slice(2, 12)}`) {
  return { id, role: "user" as const, parts: [{ type: "text" as const, text }] };
}
