import "server-only";
import { convertImageTool } from "./image/convert";
import { mergePdfTool } from "./pdf/merge";
import type { ToolDefinition } from "./types";

// A plain list: adding a tool is one import and one entry.
const tools: readonly ToolDefinition[] = [mergePdfTool, convertImageTool];

export function listTools(): readonly ToolDefinition[] {
  return tools;
}

/** Throws for an unknown id: callers pass ids that came from listTools or a stored job. */
export function getTool(id: string): ToolDefinition {
  const tool = tools.find((candidate) => candidate.id === id);
  if (!tool) throw new Error(`Unknown tool "${id}"`);
  return tool;
}

/** True when the number of files fits the tool and it takes every one of these sniffed types. */
export function toolAcceptsFiles(tool: ToolDefinition, mimeTypes: readonly string[]): boolean {
  if (mimeTypes.length < tool.minFiles || mimeTypes.length > tool.maxFiles) return false;
  return mimeTypes.every((mimeType) => tool.accepts.includes(mimeType));
}
