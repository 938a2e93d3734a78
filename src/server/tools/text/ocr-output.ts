import "server-only";
import { outputName } from "@/shared/output-names";
import type { ToolOutputFile } from "../types";
import { zipOutputsIfMany } from "../zip-outputs";
import type { OcrOptions } from "./ocr-options";

/** The .txt (pages headed as in text.extract) and/or the searchable PDF, zipped when both. */
export function ocrOutputs(baseName: string, options: OcrOptions, pages: { number: number; text: string }[], pdf: () => Uint8Array): ToolOutputFile[] {
  const outputs: ToolOutputFile[] = [];
  if (options.output !== "txt") outputs.push({ name: outputName(baseName, "ocr", "pdf"), mimeType: "application/pdf", data: pdf() });
  if (options.output !== "pdf") {
    const body = pages.map(({ number, text }) => `--- Page ${number} ---\n\n${text || `[No text found on page ${number}]`}`).join("\n\n");
    outputs.push({ name: outputName(baseName, "ocr", "txt"), mimeType: "text/plain", data: new TextEncoder().encode(`${body}\n`) });
  }
  return zipOutputsIfMany(outputs, outputName(baseName, "ocr", "zip"));
}
