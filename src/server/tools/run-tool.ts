import "server-only";
import { formatBytes } from "@/shared/format-bytes";
import { formatCount, ToolInputError } from "./tool-error";
import type { ToolDefinition, ToolInputFile, ToolOutputFile, ToolProgress, ToolTokenReport } from "./types";

type FileFacts = Pick<ToolInputFile, "name" | "mimeType" | "size">;

/**
 * The checks every tool needs before it reads a byte, with messages a person can
 * act on. Request code calls it when a job is created; runTool calls it again
 * because a tool must be safe on its own.
 */
export function checkToolInputs(tool: ToolDefinition, files: readonly FileFacts[]): void {
  if (files.length < tool.minFiles) {
    throw new ToolInputError(`${tool.title} needs at least ${formatCount(tool.minFiles, "file")}.`);
  }
  if (files.length > tool.maxFiles) {
    throw new ToolInputError(`${tool.title} takes at most ${formatCount(tool.maxFiles, "file")} at a time.`);
  }
  for (const file of files) {
    if (!tool.accepts.includes(file.mimeType)) {
      throw new ToolInputError(`${file.name} is not a kind of file ${tool.title} can use.`, { fileName: file.name });
    }
  }
  const total = files.reduce((sum, file) => sum + file.size, 0);
  if (total > tool.limits.maxInputBytes) {
    throw new ToolInputError(
      `These files add up to ${formatBytes(total)}; ${tool.title} takes at most ${formatBytes(tool.limits.maxInputBytes)} at a time.`,
    );
  }
}

/** Progress that never goes backwards or out of 0..100, whatever a tool reports. */
function monotonic(progress: ToolProgress): { report: ToolProgress; last: () => number } {
  let last = 0;
  const report: ToolProgress = ({ percent, step }) => {
    last = Math.max(last, Math.min(100, Math.round(percent)));
    progress({ percent: last, step });
  };
  return { report, last: () => last };
}

export type RunToolRequest = {
  inputs: readonly ToolInputFile[];
  options: unknown;
  progress: ToolProgress;
  signal: AbortSignal;
  /** Where AI tools report the tokens they used; other tools never call it. */
  reportAiTokens?: ToolTokenReport;
};

/** The one way to run a tool: checks inputs, parses raw options with the tool's schema, reports 100 at the end. */
export async function runTool(tool: ToolDefinition, run: RunToolRequest): Promise<ToolOutputFile[]> {
  checkToolInputs(tool, run.inputs);
  const parsed = tool.options.safeParse(run.options ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? ` (${issue.path.join(".")})` : "";
    throw new ToolInputError(`These settings are not valid${where}: ${issue?.message ?? "unknown problem"}.`, {
      cause: parsed.error,
    });
  }
  run.signal.throwIfAborted();
  const progress = monotonic(run.progress);
  const outputs = await tool.run({
    inputs: run.inputs,
    options: parsed.data,
    progress: progress.report,
    signal: run.signal,
    reportAiTokens: run.reportAiTokens ?? (() => undefined),
  });
  if (progress.last() < 100) progress.report({ percent: 100, step: "Done" });
  return outputs;
}
