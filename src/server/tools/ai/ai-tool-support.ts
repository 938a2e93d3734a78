import "server-only";
import type { LanguageModelV4 } from "@ai-sdk/provider";
import { OFFLINE_MODEL_ID } from "@/server/ai/ai-provider-mode";
import type { DocumentChunk } from "@/server/ai/document-context";
import type { FittedContext } from "@/server/ai/fit-context";
import type { AiPurpose } from "@/server/ai/get-language-model";
import { meterLanguageModel } from "@/server/ai/meter-language-model";
import type { ToolInputFile, ToolProgress, ToolTokenReport } from "../types";
import { describeUnreadPages } from "./document-pages";
import { readDocumentPages } from "./read-document-pages";

// What the AI tools share: where their model comes from (swapped in tests),
// reading an input into page passages, and the notes put above a result.

export type GetModel = (purpose: AiPurpose) => LanguageModelV4;

export const AI_TOOL_LIMITS = { maxInputBytes: 100_000_000, maxPages: 2_000 };

/** The tool's model, reporting each call's tokens to the job runner, which meters them against the owner's daily AI quota. */
export function meteredModel(getModel: GetModel, purpose: AiPurpose, report: ToolTokenReport): LanguageModelV4 {
  return meterLanguageModel(getModel(purpose), report);
}

export function isOfflineModel(model: LanguageModelV4): boolean {
  return model.modelId === OFFLINE_MODEL_ID;
}

export type InputPassages = { name: string; passages: DocumentChunk[]; pageCount: number; unreadPages: number[] };

/** One passage per page with text (OCR for scans), reading taking progress from `from` to `to` percent. */
export async function readInputPassages(input: ToolInputFile, run: { progress: ToolProgress; signal: AbortSignal; from: number; to: number }): Promise<InputPassages> {
  const bytes = await input.read();
  const scaled: ToolProgress = ({ percent, step }) => run.progress({ percent: run.from + ((run.to - run.from) * percent) / 100, step: `${input.name}: ${step}` });
  const read = await readDocumentPages({ name: input.name, mimeType: input.mimeType, bytes }, { ocr: true, progress: scaled, signal: run.signal });
  return {
    name: input.name,
    passages: read.pages.map((page) => ({ fileName: input.name, page: page.page, text: page.text })),
    pageCount: read.pageCount,
    unreadPages: read.unreadPages,
  };
}

function pageRange(pages: readonly number[]): string {
  const first = pages[0];
  const last = pages.at(-1);
  return first === last ? `page ${first}` : `pages ${first}–${last}`;
}

/** Plain statements of what the result is not: offline extracts, pages left out, pages without text. */
export function resultNotes(input: InputPassages, context: FittedContext | null, offline: boolean): string[] {
  const notes: string[] = [];
  if (offline) notes.push("Offline mode: sentences are quoted from the document, not rewritten. Set OPENAI_API_KEY (or OPENAI_BASE_URL) for written results.");
  if (context && (context.droppedChunks > 0 || context.trimmed)) {
    const read = context.included.map((passage) => passage.page);
    notes.push(`Only ${read.length > 0 ? pageRange(read) : "part of the first page"} of ${input.pageCount} fit in one request; the rest was not read.`);
  }
  const unread = describeUnreadPages(input.unreadPages);
  if (unread) notes.push(`Not read: ${unread}.`);
  return notes;
}

/** A Markdown document: heading, notes as a quote, body. */
export function markdownResult(title: string, notes: readonly string[], body: string): Uint8Array {
  const quote = notes.length > 0 ? `${notes.map((note) => `> ${note}`).join("\n>\n")}\n\n` : "";
  return new TextEncoder().encode(`# ${title}\n\n${quote}${body.trim()}\n`);
}
