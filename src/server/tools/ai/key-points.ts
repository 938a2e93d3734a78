import "server-only";
import { generateText } from "ai";
import { outputName } from "@/shared/output-names";
import { markdownResult, resultNotes } from "./ai-tool-support";
import { defineAiTool } from "./define-ai-tool";
import { buildKeyPointsCall, keyPointsOptions } from "./summary-calls";

/** The most important points of each document as a Markdown list, one citation per point. */
export const createKeyPointsTool = defineAiTool({
  id: "ai.key-points",
  title: "Key points",
  description: "The main points of a PDF, scan or text file as a bulleted list, each with its page.",
  maxFiles: 10,
  options: keyPointsOptions,
  purpose: "summarize",
  zipName: "key-points.zip",
  async perDocument(input, { model, offline, options, signal, report }) {
    report(`Finding the key points of ${input.name}`);
    const { call, context } = buildKeyPointsCall(options, input.passages);
    const { text } = await generateText({ model, ...call, abortSignal: signal });
    const data = markdownResult(`Key points of ${input.name}`, resultNotes(input, context, offline), text);
    return { name: outputName(input.name, "key-points", "md"), mimeType: "text/markdown", data };
  },
});

export const keyPointsTool = createKeyPointsTool();
