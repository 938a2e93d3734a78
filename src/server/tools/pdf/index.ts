import "server-only";
import type { ToolDefinition } from "../types";
import { compressPdfTool } from "./compress";
import { imagesToPdfTool } from "./from-images";
import { mergePdfTool } from "./merge";
import { organizePdfTool } from "./organize";
import { pageNumbersPdfTool } from "./page-numbers";
import { protectPdfTool } from "./protect";
import { repairPdfTool } from "./repair";
import { rotatePdfTool } from "./rotate";
import { splitPdfTool } from "./split";
import { stripMetadataPdfTool } from "./strip-metadata";
import { pdfToImagesTool } from "./to-images";
import { unlockPdfTool } from "./unlock";
import { watermarkPdfTool } from "./watermark";

/** PDF tools, in the order the tool grid shows them. */
export const pdfTools: readonly ToolDefinition[] = [
  mergePdfTool,
  splitPdfTool,
  organizePdfTool,
  rotatePdfTool,
  pageNumbersPdfTool,
  watermarkPdfTool,
  stripMetadataPdfTool,
  protectPdfTool,
  unlockPdfTool,
  repairPdfTool,
  compressPdfTool,
  pdfToImagesTool,
  imagesToPdfTool,
];
