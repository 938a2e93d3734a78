import "server-only";
import { aiTools } from "./ai";
import { imageTools } from "./image";
import { internalTools } from "./internal/internal-tools";
import { pdfTools } from "./pdf";
import { textTools } from "./text";
import type { ToolDefinition } from "./types";

// A plain list: adding a tool is one entry in its category's index.
const tools: readonly ToolDefinition[] = [...pdfTools, ...imageTools, ...textTools, ...aiTools];

export function listTools(): readonly ToolDefinition[] {
  return tools;
}

/** Throws for an unknown id: callers pass ids that came from listTools or a stored job. */
export function getTool(id: string): ToolDefinition {
  const tool = tools.find((candidate) => candidate.id === id);
  if (!tool) throw new Error(`Unknown tool "${id}"`);
  return tool;
}

/**
 * What a tool worker may run: the catalogue plus the internal tools (previews,
 * page counts, document text), which getTool never returns, so no job can name one.
 */
export function getWorkerTool(id: string): ToolDefinition {
  return internalTools.find((candidate) => candidate.id === id) ?? getTool(id);
}

/** True when the number of files fits the tool and it takes every one of these sniffed types. */
export function toolAcceptsFiles(tool: ToolDefinition, mimeTypes: readonly string[]): boolean {
  if (mimeTypes.length < tool.minFiles || mimeTypes.length > tool.maxFiles) return false;
  return mimeTypes.every((mimeType) => tool.accepts.includes(mimeType));
}
