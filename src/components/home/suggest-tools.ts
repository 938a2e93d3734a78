import { guessMimeType } from "@/components/files/describe-file-type";
import type { ToolInfo } from "@/components/tools/tool-types";

type PickedFile = { name: string; type: string };

/**
 * The tools that can take all of these files, in catalogue order: each file's
 * type is one the tool accepts, the count fits, and the server can run it.
 */
export function suggestTools(files: readonly PickedFile[], tools: readonly ToolInfo[]): ToolInfo[] {
  if (files.length === 0) return [];
  const types = files.map(guessMimeType);
  if (types.some((type) => type === null)) return [];
  return tools.filter(
    (tool) => tool.availability.available && files.length <= tool.maxFiles && types.every((type) => type !== null && tool.accepts.includes(type)),
  );
}
