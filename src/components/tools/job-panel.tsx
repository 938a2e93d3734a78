"use client";

import { toast } from "sonner";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { JobOutcome } from "./job-outcome";
import { JobProgress } from "./job-progress";
import { JobResult } from "./job-result";
import type { ToolInfo } from "./tool-types";
import type { useJob } from "./use-job";
import { useCancelJob } from "./use-run-job";

type JobPanelProps = {
  tool: ToolInfo;
  state: ReturnType<typeof useJob>;
  starting: boolean;
  canRetry: boolean;
  onRetry: () => void;
  onStartOver: () => void;
};

/** The job on the page, in whichever state it is: starting, queued/running, done, failed or canceled. */
export function JobPanel({ tool, state, starting, canRetry, onRetry, onStartOver }: JobPanelProps) {
  const cancel = useCancelJob();
  const { job, connectionLost } = state;
  const onCancel = (id: string) =>
    cancel.mutate({ id }, { onError: (error) => toast.error("Could not cancel the job", { description: error.message }) });

  if (starting) return <JobProgress job={null} connectionLost={false} canceling={false} onCancel={() => undefined} />;
  if (job.fetchStatus === "idle" && job.status === "pending") return null;
  if (job.status === "pending") {
    return (
      <div role="status" aria-label="Loading the job" className="grid gap-3 rounded-xl border p-6">
        <Skeleton className="h-5 w-40" />
        <Skeleton className="h-2 w-full" />
      </div>
    );
  }
  if (job.status === "error") {
    return (
      <Alert variant="destructive">
        <AlertTitle>Could not load the job</AlertTitle>
        <AlertDescription>
          <p>{job.error.message}</p>
          <Button variant="outline" size="sm" className="mt-2 text-foreground" onClick={() => void job.refetch()}>
            Try again
          </Button>
        </AlertDescription>
      </Alert>
    );
  }
  const view = job.data;
  if (view.status === "queued" || view.status === "running") {
    return <JobProgress job={view} connectionLost={connectionLost} canceling={cancel.isPending} onCancel={() => onCancel(view.id)} />;
  }
  if (view.status === "succeeded") return <JobResult job={view} onStartOver={onStartOver} />;
  return <JobOutcome job={view} toolTitle={tool.title} canRetry={canRetry} onRetry={onRetry} />;
}
