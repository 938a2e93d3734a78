import "server-only";
import { createUIMessageStream, createUIMessageStreamResponse, type UIMessage } from "ai";
import { STREAM_RESPONSE_HEADERS } from "@/server/ai/stream-response-headers";
import type { DocumentReadiness } from "./prepare-chat-documents";

/** What the assistant says instead of an answer while documents are not ready, or cannot be used. */
export function describeUnready({ preparing, failed }: Pick<DocumentReadiness, "preparing" | "failed">): string {
  const lines: string[] = [];
  for (const file of preparing) {
    lines.push(`“${file.name}” is still being prepared (${file.progress}%). Ask again in a moment — scanned pages take a few seconds each to read.`);
  }
  for (const file of failed) lines.push(`“${file.name}” cannot be used: ${file.error}`);
  return lines.join("\n\n");
}

/** A one-message reply in the same UI message stream format as an answer, so useChat shows it like one. */
export function respondWithNotice(text: string, originalMessages: UIMessage[], messageId: string): Response {
  const stream = createUIMessageStream({
    originalMessages,
    generateId: () => messageId,
    execute: ({ writer }) => {
      writer.write({ type: "start", messageId });
      writer.write({ type: "text-start", id: "notice" });
      writer.write({ type: "text-delta", id: "notice", delta: text });
      writer.write({ type: "text-end", id: "notice" });
      writer.write({ type: "finish" });
    },
  });
  return createUIMessageStreamResponse({ stream, headers: STREAM_RESPONSE_HEADERS });
}
