import type { ToolInputFile } from "../../src/server/tools/types";

/** A ToolInputFile over bytes in memory, as the job runner would hand one over from storage. */
export function inputFile(name: string, mimeType: string, data: Uint8Array): ToolInputFile {
  return { name, mimeType, size: data.byteLength, read: async () => data };
}

/** A progress callback that remembers every update, for asserting on. */
export function recordProgress() {
  const updates: { percent: number; step: string }[] = [];
  return { updates, progress: (update: { percent: number; step: string }) => void updates.push(update) };
}
