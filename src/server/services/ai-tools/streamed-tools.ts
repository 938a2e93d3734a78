import "server-only";
import type { z } from "zod";
import type { DocumentChunk } from "@/server/ai/document-context";
import { AppError } from "@/server/errors";
import { buildKeyPointsCall, buildSummaryCall, keyPointsOptions, type SummaryCall, summarizeOptions } from "@/server/tools/ai/summary-calls";

// The AI tools whose result can also be streamed on the tool page (one
// document at a time; batches stay jobs). One table, read by the stream
// service and by the catalogue, so the UI learns which tools stream from
// `tool.list` instead of comparing ids in components.

/** How the tool page names and saves a streamed result: the same names as the job's Markdown file. */
export type StreamResultInfo = {
  /** "Streams the summary here". */
  noun: string;
  /** "Summary" → "Summary of report.pdf", the heading of the downloaded file. */
  title: string;
  /** "summary.md" → "report.summary.md". */
  extension: string;
};

/** Builds the model call from passages, with options already checked. */
export type BuildCall = (passages: readonly DocumentChunk[], maxContextChars?: number) => SummaryCall;

type StreamedTool = {
  result: StreamResultInfo;
  /** Parses the options with the tool's schema (defaults filled in); BAD_REQUEST with the first problem. */
  withOptions: (rawOptions: unknown) => BuildCall;
};

function streamedTool<Options>(
  schema: z.ZodType<Options>,
  build: (options: Options, passages: readonly DocumentChunk[], maxContextChars?: number) => SummaryCall,
  result: StreamResultInfo,
): StreamedTool {
  return {
    result,
    withOptions: (rawOptions) => {
      const parsed = schema.safeParse(rawOptions ?? {});
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const where = issue?.path.length ? ` “${issue.path.join(".")}”` : "";
        // The same wording as job.create, so the options form shows one kind of message.
        throw new AppError("BAD_REQUEST", `Invalid option${where}: ${issue?.message ?? "not valid"}.`);
      }
      return (passages, maxContextChars) => build(parsed.data, passages, maxContextChars);
    },
  };
}

export const STREAMED_TOOLS = {
  "ai.summarize": streamedTool(summarizeOptions, buildSummaryCall, { noun: "summary", title: "Summary", extension: "summary.md" }),
  "ai.key-points": streamedTool(keyPointsOptions, buildKeyPointsCall, { noun: "key points", title: "Key points", extension: "key-points.md" }),
} satisfies Record<string, StreamedTool>;

export type StreamedToolId = keyof typeof STREAMED_TOOLS;
export const STREAMED_TOOL_IDS = Object.keys(STREAMED_TOOLS) as [StreamedToolId, ...StreamedToolId[]];

/** What the catalogue says about streaming a tool's result: null for tools that only run as jobs. */
export function streamInfoFor(toolId: string): StreamResultInfo | null {
  return Object.hasOwn(STREAMED_TOOLS, toolId) ? STREAMED_TOOLS[toolId as StreamedToolId].result : null;
}
