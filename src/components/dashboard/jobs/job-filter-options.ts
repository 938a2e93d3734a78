import type { JobListParams, JobStatusName } from "../dashboard-types";
import { JOB_STATUS_LABELS } from "./job-status-badge";

export type JobFilters = { status: JobStatusName | "all"; tool: string };
export const DEFAULT_JOB_FILTERS: JobFilters = { status: "all", tool: "all" };

const STATUSES: readonly JobStatusName[] = ["queued", "running", "succeeded", "failed", "canceled"];

export const JOB_STATUS_OPTIONS: readonly { value: JobFilters["status"]; label: string }[] = [
  { value: "all", label: "All statuses" },
  ...STATUSES.map((value) => ({ value, label: JOB_STATUS_LABELS[value] })),
];

/** The job.list input for filters; the defaults give exactly INITIAL_JOB_PARAMS, which the server prefetches. */
export function toJobParams(filters: JobFilters, limit: number): JobListParams {
  return {
    limit,
    ...(filters.status !== "all" ? { status: filters.status } : {}),
    ...(filters.tool !== "all" ? { tool: filters.tool } : {}),
  };
}
