import type { ToolDefinition } from "../types";

/** Text extraction and OCR tools, in the order the tool grid shows them. */
export const textTools: readonly ToolDefinition[] = [];
