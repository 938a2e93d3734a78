import "server-only";
import type { ToolDefinition } from "../types";
import { extractTool } from "./extract";
import { keyPointsTool } from "./key-points";
import { summarizeTool } from "./summarize";
import { translateTool } from "./translate";

/** AI tools, in the order the tool grid shows them. Chat with documents lives at /chat. */
export const aiTools: readonly ToolDefinition[] = [summarizeTool, keyPointsTool, extractTool, translateTool];
