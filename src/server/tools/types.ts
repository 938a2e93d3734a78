import "server-only";
import type { z } from "zod";

export type ToolCategory = "pdf" | "image" | "text" | "ai";

/** An input the job runner has already stored; `mimeType` is the sniffed type, never the browser's claim. */
export type ToolInputFile = {
  name: string;
  mimeType: string;
  size: number;
  read(): Promise<Uint8Array>;
};

export type ToolOutputFile = { name: string; mimeType: string; data: Uint8Array };

/** percent is 0..100; step is a short label a person reads, e.g. "Merging file 3 of 12". */
export type ToolProgress = (update: { percent: number; step: string }) => void;

/** Tokens a tool's model calls used; called once per call, the job runner adds them up and meters them. */
export type ToolTokenReport = (tokens: number) => void;

export type ToolRunContext<TOptions> = {
  inputs: readonly ToolInputFile[];
  options: TOptions;
  progress: ToolProgress;
  signal: AbortSignal;
  reportAiTokens: ToolTokenReport;
};

export type ToolLimits = {
  /** Total bytes of all inputs of one run: engines hold them in memory together. */
  maxInputBytes: number;
  /** Per image: width × height as declared by the file's header. */
  maxPixels?: number;
  /** Total pages of all inputs of one run. */
  maxPages?: number;
};

export interface ToolDefinition<TSchema extends z.ZodType = z.ZodType> {
  id: string;
  title: string;
  description: string;
  category: ToolCategory;
  /** Sniffed MIME types the tool takes. */
  accepts: readonly string[];
  minFiles: number;
  maxFiles: number;
  /** zod 4 schema whose fields all have defaults: `options.parse({})` gives a valid run. */
  options: TSchema;
  limits: ToolLimits;
  /** Callers go through `runTool`, which checks inputs and parses options before this. */
  run(ctx: ToolRunContext<z.output<TSchema>>): Promise<ToolOutputFile[]>;
}

/** Keeps the schema's own type for `run`'s options while the registry holds plain `ToolDefinition`s. */
export function defineTool<TSchema extends z.ZodType>(tool: ToolDefinition<TSchema>): ToolDefinition<TSchema> {
  return tool;
}
