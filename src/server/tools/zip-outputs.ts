import "server-only";
import { zipSync } from "fflate";
import { createNameAllocator } from "@/shared/output-names";
import type { ToolOutputFile } from "./types";

// Already-compressed formats (PDF streams are deflated inside) gain little from
// deflate and cost most of a split's time; store them as they are.
const STORED_TYPES = new Set(["image/jpeg", "image/png", "image/webp", "image/avif", "image/gif", "application/zip", "application/pdf"]);

/**
 * Several outputs become one zip (a person downloads one file, not 50); one
 * output stays as it is. Names inside the zip are unique.
 */
export function zipOutputsIfMany(outputs: readonly ToolOutputFile[], zipName: string): ToolOutputFile[] {
  if (outputs.length <= 1) return [...outputs];
  const allocate = createNameAllocator();
  const entries: Record<string, [Uint8Array, { level: 0 | 6 }]> = Object.create(null);
  for (const output of outputs) {
    entries[allocate(output.name)] = [output.data, { level: STORED_TYPES.has(output.mimeType) ? 0 : 6 }];
  }
  return [{ name: zipName, mimeType: "application/zip", data: zipSync(entries) }];
}
