import "server-only";
import type { z } from "zod";
import type { ToolDefinition, ToolInputFile, ToolOutputFile, ToolProgress } from "../types";
import { runJobTool, toolRunnerMode } from "../worker/tool-runner";

type Runs = Record<"workers" | "in-process", Map<string, number>>;
// Kept on globalThis like the pool itself: routes and functions are bundled separately.
const shared = globalThis as typeof globalThis & { fileforgeInternalToolRuns?: Runs };
const runs = (shared.fileforgeInternalToolRuns ??= { workers: new Map(), "in-process": new Map() });

/**
 * Runs an internal tool where jobs run theirs: in a worker process, or in this
 * process under TOOL_RUNNER=in-process (or after workers failed to start).
 * Counts where each run went, so the system can show (and tests can check)
 * that previews are not drawn by the web process.
 */
export async function runInternalTool(
  tool: ToolDefinition,
  request: { inputs: readonly ToolInputFile[]; options?: unknown; progress?: ToolProgress; signal?: AbortSignal },
): Promise<ToolOutputFile[]> {
  const outputs = await runJobTool(tool, {
    inputs: request.inputs,
    options: request.options ?? {},
    progress: request.progress ?? (() => undefined),
    signal: request.signal ?? new AbortController().signal,
  });
  // Read after the run: a fallback to in-process happens inside it.
  const where = runs[toolRunnerMode()];
  where.set(tool.id, (where.get(tool.id) ?? 0) + 1);
  return outputs;
}

/** How many runs of an internal tool completed in worker processes or in this process. */
export function countInternalToolRuns(toolId: string): { workers: number; inProcess: number } {
  return { workers: runs.workers.get(toolId) ?? 0, inProcess: runs["in-process"].get(toolId) ?? 0 };
}

/** The one JSON output of a tool, checked against its schema: it is data from another process. */
export function parseJsonOutput<T>(outputs: readonly ToolOutputFile[], schema: z.ZodType<T>): T {
  const output = outputs.find((candidate) => candidate.mimeType === "application/json");
  if (!output) throw new Error("the tool returned no JSON answer");
  return schema.parse(JSON.parse(new TextDecoder().decode(output.data)));
}

/** A stored file as a tool input; `bytes` are read once, on the tool's first read. */
export function storedInput(file: { name: string; mimeType: string; size: number }, read: () => Promise<Uint8Array>): ToolInputFile {
  let bytes: Promise<Uint8Array> | undefined;
  return { name: file.name, mimeType: file.mimeType, size: file.size, read: () => (bytes ??= read()) };
}
