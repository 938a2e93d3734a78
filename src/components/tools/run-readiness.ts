import { listFileTypes } from "@/components/files/describe-file-type";
import { formatBytes } from "@/shared/format-bytes";
import type { QueueItem } from "@/stores/tool-session-store";
import type { ToolInfo } from "./tool-types";

type Tool = Pick<ToolInfo, "title" | "accepts" | "minFiles" | "maxFiles" | "limits">;

/** Whether the queue can run, and a line saying why not (or what will run). */
export function runReadiness(tool: Tool, items: readonly QueueItem[]): { ready: boolean; hint: string } {
  const types = listFileTypes(tool.accepts);
  if (items.some((item) => item.status === "uploading")) return { ready: false, hint: "Waiting for uploads to finish…" };
  if (items.some((item) => item.status === "failed")) return { ready: false, hint: "Remove or retry the files that could not be uploaded." };
  const count = items.length;
  if (count < tool.minFiles) {
    const missing = tool.minFiles - count;
    const noun = `${types} ${missing === 1 ? "file" : "files"}`;
    if (count === 0) return { ready: false, hint: tool.minFiles === 1 ? `Add a ${noun} to start.` : `Add at least ${missing} ${noun} to start.` };
    return { ready: false, hint: `Add ${missing} more ${noun} to start.` };
  }
  if (count > tool.maxFiles) return { ready: false, hint: `${tool.title} takes at most ${tool.maxFiles} files at a time. Remove some.` };
  const total = items.reduce((sum, item) => sum + (item.uploaded?.size ?? 0), 0);
  if (total > tool.limits.maxInputBytes) {
    return { ready: false, hint: `These files add up to ${formatBytes(total)}; ${tool.title} takes at most ${formatBytes(tool.limits.maxInputBytes)} at a time.` };
  }
  return { ready: true, hint: `${count} ${count === 1 ? "file" : "files"} ready, ${formatBytes(total)} in total.` };
}
