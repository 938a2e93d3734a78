import "server-only";
import type { LanguageModelV4CallOptions, LanguageModelV4Prompt, SharedV4Warning } from "@ai-sdk/provider";
import { parseDocumentContext, stripDocumentContext } from "../document-context";
import {
  NEEDS_LANGUAGE_MODEL,
  OFFLINE_OPTIONS_KEY,
  parseOfflineTaskOptions,
  parseTaskMarker,
  type OfflineTaskOptions,
} from "../document-task";
import { extractFields, formatExtractedFields } from "./extract-fields";
import { answer, keyPoints, summarize } from "./offline-tasks";

export type OfflineResult = { text: string; task: OfflineTaskOptions["task"]; warnings: SharedV4Warning[] };

function textOf(message: LanguageModelV4Prompt[number]): string {
  if (message.role === "system") return message.content;
  return message.content.map((part) => (part.type === "text" ? part.text : "")).join("\n");
}

/**
 * The task, from (in order) provider options, the marker in a system message,
 * the purpose the model was created for. Only system messages are searched for
 * the marker: a document quoted in a user message must not choose the task.
 */
function resolveTask(options: LanguageModelV4CallOptions, fallback: OfflineTaskOptions): OfflineTaskOptions {
  const fromOptions = parseOfflineTaskOptions(options.providerOptions?.[OFFLINE_OPTIONS_KEY]);
  if (fromOptions) return fromOptions;
  const system = options.prompt.filter((message) => message.role === "system").map(textOf).join("\n");
  return parseTaskMarker(system) ?? fallback;
}

/** Runs the extractive task the prompt asks for; never calls out, never invents. */
export function runOfflineTask(options: LanguageModelV4CallOptions, fallback: OfflineTaskOptions): OfflineResult {
  const warnings: SharedV4Warning[] = [];
  if (options.tools && options.tools.length > 0) warnings.push({ type: "unsupported", feature: "tools", details: "The offline model never calls tools." });
  const { task, length } = resolveTask(options, fallback);
  const readable = options.prompt.filter((message) => message.role === "system" || message.role === "user");
  const chunks = parseDocumentContext(readable.map(textOf).join("\n"));
  const lastUser = options.prompt.findLast((message) => message.role === "user");
  const question = lastUser ? stripDocumentContext(textOf(lastUser)).replace(/^Question:\s*/im, "") : "";
  const wantsJson = options.responseFormat?.type === "json";

  switch (task) {
    case "summarize":
      return { task, warnings, text: summarize(chunks, length) };
    case "key-points":
      return { task, warnings, text: keyPoints(chunks, length) };
    case "answer":
      return { task, warnings, text: answer(chunks, question) };
    case "extract": {
      const fields = extractFields(chunks);
      // JSON mode gets a fixed shape; it is valid JSON, but only schemas asking for these three lists will accept it.
      const text = wantsJson ? JSON.stringify({ ...fields, note: NEEDS_LANGUAGE_MODEL.extract }) : formatExtractedFields(fields);
      return { task, warnings, text };
    }
    case "translate":
    case "write":
      return { task, warnings, text: NEEDS_LANGUAGE_MODEL[task] };
  }
}
