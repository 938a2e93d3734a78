import "server-only";
import { generateText } from "ai";
import { outputName } from "@/shared/output-names";
import { markdownResult, resultNotes } from "./ai-tool-support";
import { defineAiTool } from "./define-ai-tool";
import { buildSummaryCall, summarizeOptions } from "./summary-calls";

/** A summary of each document as Markdown, every statement cited with its page. */
export const createSummarizeTool = defineAiTool({
  id: "ai.summarize",
  title: "Summarize",
  description: "A short, medium or long summary of a PDF, scan or text file, with page references.",
  maxFiles: 10,
  options: summarizeOptions,
  purpose: "summarize",
  zipName: "summaries.zip",
  async perDocument(input, { model, offline, options, signal, report }) {
    report(`Summarizing ${input.name}`);
    const { call, context } = buildSummaryCall(options, input.passages);
    const { text } = await generateText({ model, ...call, abortSignal: signal });
    const data = markdownResult(`Summary of ${input.name}`, resultNotes(input, context, offline), text);
    return { name: outputName(input.name, "summary", "md"), mimeType: "text/markdown", data };
  },
});

export const summarizeTool = createSummarizeTool();
