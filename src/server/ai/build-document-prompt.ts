import "server-only";
import type { ModelMessage, UserModelMessage } from "ai";
import { documentContextBlock, type DocumentChunk } from "./document-context";
import { buildDocumentSystemPrompt, type DocumentTaskRequest } from "./document-system-prompt";
import { offlineProviderOptions, type OfflineTaskOptions } from "./document-task";
import { fitChunksToBudget, type FittedContext } from "./fit-context";

export { buildDocumentSystemPrompt } from "./document-system-prompt";

export type BuildDocumentPromptInput = DocumentTaskRequest & {
  /** Best first: when they do not all fit, the last ones are dropped. */
  chunks: readonly DocumentChunk[];
  /** The question or writing request, when there is no chat history. */
  question?: string;
  /** A chat so far, ending with the user's new message; the documents go into that message. */
  history?: readonly ModelMessage[];
  /** Cap on the formatted document text sent with this request. */
  maxContextChars?: number;
};

/** Spread into generateText/streamText: `streamText({ model, ...prompt.options })`. */
export type DocumentCallOptions = {
  /** The system prompt (AI SDK 7 calls it `instructions`; `system` is deprecated). */
  instructions: string;
  messages: ModelMessage[];
  /** Tells the offline model the task; real providers ignore the key. */
  providerOptions: Record<string, OfflineTaskOptions>;
};

export type DocumentPrompt = {
  options: DocumentCallOptions;
  /** Which chunks made it into the prompt, for logging and for telling the user what was left out. */
  context: FittedContext;
};

const DEFAULT_REQUESTS = {
  summarize: "Summarize the documents above.",
  "key-points": "List the key points of the documents above.",
  answer: "What do the documents above say?",
  extract: "Extract the requested fields from the documents above.",
  translate: "Translate the documents above.",
  write: "Write about the documents above.",
} as const;

function requestText(input: BuildDocumentPromptInput): string {
  if (!input.question) return DEFAULT_REQUESTS[input.task];
  return input.task === "answer" ? `Question: ${input.question}` : input.question;
}

/** The history with the document context put first in its last user message. */
function withContext(history: readonly ModelMessage[], context: string): ModelMessage[] {
  const lastUser = history.findLastIndex((message) => message.role === "user");
  if (lastUser === -1) return [...history, { role: "user", content: context }];
  return history.map((message, index): ModelMessage => {
    if (index !== lastUser || message.role !== "user") return message;
    const parts = typeof message.content === "string" ? [{ type: "text" as const, text: message.content }] : message.content;
    const merged: UserModelMessage = { ...message, content: [{ type: "text", text: context }, ...parts] };
    return merged;
  });
}

/**
 * Instructions, messages and provider options for one document task. Document
 * text travels only inside the delimited, escaped context of a user message;
 * the system prompt tells the model that it is data, never instructions.
 */
export function buildDocumentPrompt(input: BuildDocumentPromptInput): DocumentPrompt {
  const context = fitChunksToBudget(input.chunks, input.maxContextChars);
  const documents = documentContextBlock(context.included);
  const messages: ModelMessage[] = input.history
    ? withContext(input.history, documents)
    : [{ role: "user", content: [{ type: "text", text: documents }, { type: "text", text: requestText(input) }] }];
  const length = input.task === "summarize" || input.task === "key-points" ? { length: input.length ?? "medium" } : {};
  return {
    options: { instructions: buildDocumentSystemPrompt(input), messages, providerOptions: offlineProviderOptions({ task: input.task, ...length }) },
    context,
  };
}
