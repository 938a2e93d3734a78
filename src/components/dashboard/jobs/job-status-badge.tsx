import { Badge, type BadgeProps } from "@/components/ui/badge";
import type { JobStatusName } from "../dashboard-types";

export const JOB_STATUS_LABELS: Record<JobStatusName, string> = {
  queued: "Queued",
  running: "Running",
  succeeded: "Succeeded",
  failed: "Failed",
  canceled: "Canceled",
};

const VARIANTS: Record<JobStatusName, BadgeProps["variant"]> = {
  queued: "outline",
  running: "secondary",
  succeeded: "success",
  failed: "destructive",
  canceled: "outline",
};

export function JobStatusBadge({ status }: { status: JobStatusName }) {
  return <Badge variant={VARIANTS[status]}>{JOB_STATUS_LABELS[status]}</Badge>;
}

export const isActiveJob = (job: { status: JobStatusName }) => job.status === "queued" || job.status === "running";
