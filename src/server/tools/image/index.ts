import type { ToolDefinition } from "../types";
import { convertImageTool } from "./convert";

/** Image tools, in the order the tool grid shows them. */
export const imageTools: readonly ToolDefinition[] = [convertImageTool];
