import "server-only";
import { generateText } from "ai";
import { getLanguageModel } from "@/server/ai/get-language-model";
import { outputName } from "@/shared/output-names";
import { defineTool, type ToolDefinition } from "../types";
import { AI_TOOL_LIMITS, type GetModel, isOfflineModel, meteredModel, markdownResult, resultNotes } from "./ai-tool-support";
import { DOCUMENT_MIME_TYPES } from "./read-document-pages";
import { runPerInput } from "./run-per-input";
import { buildKeyPointsCall, keyPointsOptions } from "./summary-calls";

/** The most important points of each document as a Markdown list, one citation per point. */
export function createKeyPointsTool(getModel: GetModel = getLanguageModel): ToolDefinition<typeof keyPointsOptions> {
  return defineTool({
    id: "ai.key-points",
    title: "Key points",
    description: "The main points of a PDF, scan or text file as a bulleted list, each with its page.",
    category: "ai",
    accepts: DOCUMENT_MIME_TYPES,
    minFiles: 1,
    maxFiles: 10,
    options: keyPointsOptions,
    limits: AI_TOOL_LIMITS,
    run: ({ inputs, options, progress, signal, reportAiTokens }) => {
      const model = meteredModel(getModel, "summarize", reportAiTokens);
      return runPerInput({ inputs, progress, signal }, "key-points.zip", async (input, report) => {
        report(`Finding the key points of ${input.name}`);
        const { call, context } = buildKeyPointsCall(options, input.passages);
        const { text } = await generateText({ model, ...call, abortSignal: signal });
        const data = markdownResult(`Key points of ${input.name}`, resultNotes(input, context, isOfflineModel(model)), text);
        return { name: outputName(input.name, "key-points", "md"), mimeType: "text/markdown", data };
      });
    },
  });
}

export const keyPointsTool = createKeyPointsTool();
