import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";

type RouterOutputs = inferRouterOutputs<AppRouter>;

/** A tool as `tool.list` describes it. */
export type ToolInfo = RouterOutputs["tool"]["list"][number];
/** A job as `job.get` and `job.onUpdate` describe it. */
export type JobView = RouterOutputs["job"]["get"];
export type JobStatus = JobView["status"];

export const ACTIVE_STATUSES: readonly JobStatus[] = ["queued", "running"];

// Tools that combine their inputs in the order given. The catalogue does not
// say this yet, so the list lives here until `tool.list` reports it.
const ORDERED_TOOLS = new Set(["pdf.merge", "pdf.from-images"]);

export function toolKeepsOrder(tool: ToolInfo): boolean {
  return tool.maxFiles > 1 && ORDERED_TOOLS.has(tool.id);
}
