import "server-only";
import type { ToolDefinition } from "../types";
import { compressImageTool } from "./compress";
import { convertImageTool } from "./convert";
import { cropImageTool } from "./crop";
import { resizeImageTool } from "./resize";
import { rotateImageTool } from "./rotate";
import { stripMetadataTool } from "./strip-metadata";

/** Image tools, in the order the tool grid shows them. */
export const imageTools: readonly ToolDefinition[] = [
  convertImageTool,
  resizeImageTool,
  compressImageTool,
  rotateImageTool,
  cropImageTool,
  stripMetadataTool,
];
