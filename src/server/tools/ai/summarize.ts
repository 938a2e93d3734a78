import "server-only";
import { generateText } from "ai";
import { z } from "zod";
import { buildDocumentPrompt } from "@/server/ai/build-document-prompt";
import { offlineProviderOptions, SUMMARY_LENGTHS } from "@/server/ai/document-task";
import { getLanguageModel } from "@/server/ai/get-language-model";
import { withExtension } from "../output-names";
import { defineTool, type ToolDefinition } from "../types";
import { AI_TOOL_LIMITS, type GetModel, isOfflineModel, markdownResult, resultNotes } from "./ai-tool-support";
import { DOCUMENT_MIME_TYPES } from "./read-document-pages";
import { runPerInput } from "./run-per-input";

const summarizeOptions = z.object({
  length: z.enum(SUMMARY_LENGTHS).default("medium").describe("Short is about 3 sentences, medium 5, long 8."),
  style: z.enum(["paragraph", "bullets"]).default("paragraph").describe("Flowing text, or a bulleted list."),
});

const MAX_OUTPUT_TOKENS = 2_000;

/** A summary of each document as Markdown, every statement cited with its page. */
export function createSummarizeTool(getModel: GetModel = getLanguageModel): ToolDefinition<typeof summarizeOptions> {
  return defineTool({
    id: "ai.summarize",
    title: "Summarize",
    description: "A short, medium or long summary of a PDF, scan or text file, with page references.",
    category: "ai",
    accepts: DOCUMENT_MIME_TYPES,
    minFiles: 1,
    maxFiles: 10,
    options: summarizeOptions,
    limits: AI_TOOL_LIMITS,
    run: ({ inputs, options, progress, signal }) => {
      const model = getModel("summarize");
      return runPerInput({ inputs, progress, signal }, "summaries.zip", async (input, report) => {
        report(`Summarizing ${input.name}`);
        const bullets = options.style === "bullets";
        const prompt = buildDocumentPrompt({
          task: "summarize",
          length: options.length,
          chunks: input.passages,
          question: bullets ? "Summarize the documents above as a Markdown bullet list, one cited statement per bullet." : undefined,
        });
        // The offline model writes bullets when asked for key points; a real model reads the request above.
        const providerOptions = bullets ? offlineProviderOptions({ task: "key-points", length: options.length }) : prompt.options.providerOptions;
        const { text } = await generateText({ model, ...prompt.options, providerOptions, maxOutputTokens: MAX_OUTPUT_TOKENS, abortSignal: signal });
        const data = markdownResult(`Summary of ${input.name}`, resultNotes(input, prompt.context, isOfflineModel(model)), text);
        return { name: withExtension(input.name, "summary.md"), mimeType: "text/markdown", data };
      });
    },
  });
}

export const summarizeTool = createSummarizeTool();
