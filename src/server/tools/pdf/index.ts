import type { ToolDefinition } from "../types";
import { mergePdfTool } from "./merge";

/** PDF tools, in the order the tool grid shows them. */
export const pdfTools: readonly ToolDefinition[] = [mergePdfTool];
