import "server-only";
import { z } from "zod";
import { buildDocumentPrompt, type DocumentCallOptions } from "@/server/ai/build-document-prompt";
import type { DocumentChunk } from "@/server/ai/document-context";
import { offlineProviderOptions, SUMMARY_LENGTHS } from "@/server/ai/document-task";
import type { FittedContext } from "@/server/ai/fit-context";

// The model calls behind "Summarize" and "Key points", shared by the job
// (generateText, one Markdown file per document) and the tool page's live
// stream (streamText): both ask the model exactly the same thing.

export const summarizeOptions = z.object({
  length: z.enum(SUMMARY_LENGTHS).default("medium").describe("Short is about 3 sentences, medium 5, long 8."),
  style: z.enum(["paragraph", "bullets"]).default("paragraph").describe("Flowing text, or a bulleted list."),
});
export type SummarizeOptions = z.output<typeof summarizeOptions>;

export const keyPointsOptions = z.object({
  length: z.enum(SUMMARY_LENGTHS).default("medium").describe("Short is 3 points, medium 5, long 8."),
});
export type KeyPointsOptions = z.output<typeof keyPointsOptions>;

/** Spread into generateText/streamText with the model; `context` says which pages made it in. */
export type SummaryCall = { call: DocumentCallOptions & { maxOutputTokens: number }; context: FittedContext };

export function buildSummaryCall(options: SummarizeOptions, passages: readonly DocumentChunk[], maxContextChars?: number): SummaryCall {
  const bullets = options.style === "bullets";
  const prompt = buildDocumentPrompt({
    task: "summarize",
    length: options.length,
    chunks: passages,
    maxContextChars,
    question: bullets ? "Summarize the documents above as a Markdown bullet list, one cited statement per bullet." : undefined,
  });
  // The offline model writes bullets when asked for key points; a real model reads the request above.
  const providerOptions = bullets ? offlineProviderOptions({ task: "key-points", length: options.length }) : prompt.options.providerOptions;
  return { call: { ...prompt.options, providerOptions, maxOutputTokens: 2_000 }, context: prompt.context };
}

export function buildKeyPointsCall(options: KeyPointsOptions, passages: readonly DocumentChunk[], maxContextChars?: number): SummaryCall {
  const prompt = buildDocumentPrompt({ task: "key-points", length: options.length, chunks: passages, maxContextChars });
  return { call: { ...prompt.options, maxOutputTokens: 1_500 }, context: prompt.context };
}
