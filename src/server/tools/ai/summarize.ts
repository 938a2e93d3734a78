import "server-only";
import { generateText } from "ai";
import { getLanguageModel } from "@/server/ai/get-language-model";
import { outputName } from "@/shared/output-names";
import { defineTool, type ToolDefinition } from "../types";
import { AI_TOOL_LIMITS, type GetModel, isOfflineModel, meteredModel, markdownResult, resultNotes } from "./ai-tool-support";
import { DOCUMENT_MIME_TYPES } from "./read-document-pages";
import { runPerInput } from "./run-per-input";
import { buildSummaryCall, summarizeOptions } from "./summary-calls";

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
    run: ({ inputs, options, progress, signal, reportAiTokens }) => {
      const model = meteredModel(getModel, "summarize", reportAiTokens);
      return runPerInput({ inputs, progress, signal }, "summaries.zip", async (input, report) => {
        report(`Summarizing ${input.name}`);
        const { call, context } = buildSummaryCall(options, input.passages);
        const { text } = await generateText({ model, ...call, abortSignal: signal });
        const data = markdownResult(`Summary of ${input.name}`, resultNotes(input, context, isOfflineModel(model)), text);
        return { name: outputName(input.name, "summary", "md"), mimeType: "text/markdown", data };
      });
    },
  });
}

export const summarizeTool = createSummarizeTool();
