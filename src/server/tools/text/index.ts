import "server-only";
import type { ToolDefinition } from "../types";
import { extractTextTool } from "./extract";
import { ocrTool } from "./ocr";

/** Text extraction and OCR tools, in the order the tool grid shows them. */
export const textTools: readonly ToolDefinition[] = [extractTextTool, ocrTool];
