import "server-only";
import { generateText } from "ai";
import { z } from "zod";
import { buildDocumentPrompt } from "@/server/ai/build-document-prompt";
import type { DocumentChunk } from "@/server/ai/document-context";
import { NEEDS_LANGUAGE_MODEL } from "@/server/ai/document-task";
import { outputName } from "@/shared/output-names";
import { ToolInputError } from "../tool-error";
import { markdownResult, resultNotes } from "./ai-tool-support";
import { defineAiTool } from "./define-ai-tool";

const translateOptions = z.object({
  targetLanguage: z.string().trim().min(2).max(40).default("English").describe("The language to translate into, e.g. English, German, Japanese."),
});

// Pages per request, by characters: a translation is about as long as its
// source, so input and output together stay well inside 8k-token models.
const BATCH_CHARS = 6_000;

/** Pages in order, grouped into requests of at most BATCH_CHARS (a longer page goes alone). */
function batches(passages: readonly DocumentChunk[]): DocumentChunk[][] {
  const groups: DocumentChunk[][] = [];
  let current: DocumentChunk[] = [];
  let size = 0;
  for (const passage of passages) {
    if (current.length > 0 && size + passage.text.length > BATCH_CHARS) {
      groups.push(current);
      current = [];
      size = 0;
    }
    current.push(passage);
    size += passage.text.length;
  }
  return current.length > 0 ? [...groups, current] : groups;
}

/** Each document translated page by page (several requests for long ones), as Markdown. Needs a language model. */
export const createTranslateTool = defineAiTool({
  id: "ai.translate",
  title: "Translate",
  description: "Translate a PDF, scan or text file into another language, page by page. Needs a language model.",
  maxFiles: 5,
  options: translateOptions,
  purpose: "translate",
  zipName: "translations.zip",
  setUp({ offline }) {
    // Refused before any file is read: the offline model cannot translate, and a job must not pretend it did.
    if (offline) throw new ToolInputError(NEEDS_LANGUAGE_MODEL.translate);
  },
  async perDocument(input, { model, options, signal, report }) {
    const parts: string[] = [];
    const groups = batches(input.passages);
    for (const [index, group] of groups.entries()) {
      report(`Translating ${input.name} (part ${index + 1} of ${groups.length})`);
      // The whole batch always fits: the budget is set above it, so no page is dropped silently.
      const prompt = buildDocumentPrompt({ task: "translate", targetLanguage: options.targetLanguage, chunks: group, maxContextChars: BATCH_CHARS * 2 });
      const { text } = await generateText({ model, ...prompt.options, maxOutputTokens: 4_000, abortSignal: signal });
      parts.push(text.trim());
    }
    const data = markdownResult(`${input.name} in ${options.targetLanguage}`, resultNotes(input, null, false), parts.join("\n\n"));
    return { name: outputName(input.name, options.targetLanguage.toLowerCase().replace(/[^a-z]+/g, "-"), "md"), mimeType: "text/markdown", data };
  },
});

export const translateTool = createTranslateTool();
