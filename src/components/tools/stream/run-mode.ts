import type { ToolInfo } from "../tool-types";

// Whether Run streams the result on the page or creates a job: a tool that
// can stream (the catalogue says so) streams one document; several files
// always make a job, one output file each, in a zip.

export type RunMode = { kind: "stream"; noun: string } | { kind: "job" };

export function runMode(tool: Pick<ToolInfo, "stream">, fileCount: number): RunMode {
  return tool.stream && fileCount === 1 ? { kind: "stream", noun: tool.stream.noun } : { kind: "job" };
}

/** The sentence next to Run for a tool that can stream; null for the others (nothing changes for them). */
export function runModeHint(tool: Pick<ToolInfo, "stream">, fileCount: number): string | null {
  if (!tool.stream) return null;
  const mode = runMode(tool, fileCount);
  if (mode.kind === "stream") return `Streams the ${mode.noun} here.`;
  return fileCount > 1 ? "Runs as a job; you get one file per document in a zip." : null;
}

/** The readiness line ("1 file ready, 12 KB in total."), followed by what Run will do once it can. */
export function runHint(readiness: { ready: boolean; hint: string }, tool: Pick<ToolInfo, "stream">, fileCount: number): string {
  const mode = readiness.ready ? runModeHint(tool, fileCount) : null;
  return mode ? `${readiness.hint} ${mode}` : readiness.hint;
}
