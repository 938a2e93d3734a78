import "server-only";
import type { LanguageModelV4 } from "@ai-sdk/provider";
import type { z } from "zod";
import { type AiPurpose, getLanguageModel } from "@/server/ai/get-language-model";
import { defineTool, type ToolDefinition, type ToolOutputFile } from "../types";
import { AI_TOOL_LIMITS, type GetModel, type InputPassages, isOfflineModel, meteredModel } from "./ai-tool-support";
import { DOCUMENT_MIME_TYPES } from "./read-document-pages";
import { runPerInput } from "./run-per-input";

/** What a document's work gets besides its passages: the metered model and the run's settings. */
export type AiToolRun<TOptions, TSetup> = {
  model: LanguageModelV4;
  /** The built-in offline model: extractive answers, and some tasks it cannot do at all. */
  offline: boolean;
  options: TOptions;
  signal: AbortSignal;
  /** What `setUp` prepared once for the whole batch. */
  setup: TSetup;
  /** Sets the step label while the model works on this document. */
  report(step: string): void;
};

type AiToolSpec<TSchema extends z.ZodType, TSetup> = Pick<ToolDefinition<TSchema>, "id" | "title" | "description" | "maxFiles" | "options"> & {
  /** Which model (and so which provider settings) the tool asks for. */
  purpose: AiPurpose;
  /** Several results come back as one zip of this name. */
  zipName: string;
  /**
   * Runs once before any file is read: refusing settings the model cannot serve
   * here costs nothing, where refusing after reading a 2,000-page scan would.
   */
  setUp?(run: { model: LanguageModelV4; offline: boolean; options: z.output<TSchema> }): TSetup;
  /** One document's result, from its page passages. */
  perDocument(input: InputPassages, run: AiToolRun<z.output<TSchema>, TSetup>): Promise<ToolOutputFile>;
};

/**
 * A document-in, result-out AI tool over a batch (summarize, key points,
 * extract, translate): the accepted types, limits, metered model, per-file
 * reading and error mapping are the same for all of them. Returns the tool's
 * factory: called bare it uses the configured model; tests pass `getModel` to
 * swap in a scripted one.
 */
export function defineAiTool<TSchema extends z.ZodType, TSetup = undefined>(spec: AiToolSpec<TSchema, TSetup>): (getModel?: GetModel) => ToolDefinition<TSchema> {
  return (getModel = getLanguageModel) =>
    defineTool({
      id: spec.id,
      title: spec.title,
      description: spec.description,
      category: "ai",
      accepts: DOCUMENT_MIME_TYPES,
      minFiles: 1,
      maxFiles: spec.maxFiles,
      options: spec.options,
      limits: AI_TOOL_LIMITS,
      run: ({ inputs, options, progress, signal, reportAiTokens }) => {
        const model = meteredModel(getModel, spec.purpose, reportAiTokens);
        const offline = isOfflineModel(model);
        const setup = spec.setUp?.({ model, offline, options }) as TSetup;
        return runPerInput({ inputs, progress, signal }, spec.zipName, (input, report) =>
          spec.perDocument(input, { model, offline, options, signal, setup, report }),
        );
      },
    });
}
