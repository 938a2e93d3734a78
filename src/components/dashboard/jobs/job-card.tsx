"use client";

import { RotateCcw, X } from "lucide-react";
import { useNow } from "@/components/files/use-now";
import { Button } from "@/components/ui/button";
import { Progress } from "@/components/ui/progress";
import type { JobItem } from "../dashboard-types";
import { LocalTime } from "../local-time";
import { formatDuration, jobDurationMs } from "./format-duration";
import { JobFiles } from "./job-files";
import { RerunWithPasswordsDialog } from "./rerun-with-passwords-dialog";
import { isActiveJob, JobStatusBadge } from "./job-status-badge";
import { useJobActions } from "./use-job-actions";

/** One job: status, tool, when and how long, inputs → outputs, live progress, Cancel or Run again. */
export function JobCard({ job, toolTitle }: { job: JobItem; toolTitle: string }) {
  const active = isActiveJob(job);
  const now = useNow(active ? 1_000 : 60_000);
  const duration = jobDurationMs(job, now);
  const took = duration === null ? "" : ` · ${active ? "running for" : "took"} ${formatDuration(duration)}`;
  const tokens = job.aiTokens > 0 ? ` · ${job.aiTokens.toLocaleString("en-US")} AI tokens` : "";
  // The server refuses such a re-run too; the button says so before anyone tries.
  const canRerun = job.missingInputs === 0;
  const { rerun, cancel } = useJobActions(toolTitle);
  const headingId = `job-${job.id}-title`;
  return (
    <li aria-labelledby={headingId} className="grid gap-3 rounded-lg border p-4">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <JobStatusBadge status={job.status} />
        <h3 id={headingId} className="font-medium">
          {toolTitle}
        </h3>
        <p className="text-sm text-muted-foreground">
          <LocalTime date={job.createdAt} />
          {took}
          {tokens}
        </p>
        <div className="ml-auto flex gap-2">
          {active ? (
            <Button variant="outline" size="sm" disabled={cancel.isPending} onClick={() => cancel.mutate({ id: job.id })}>
              <X aria-hidden />
              {cancel.isPending ? "Canceling…" : "Cancel"}
            </Button>
          ) : job.secretOptionNames.length > 0 ? (
            <RerunWithPasswordsDialog
              names={job.secretOptionNames}
              pending={rerun.isPending}
              disabled={!canRerun}
              onRerun={(secretOptions) => rerun.mutateAsync({ id: job.id, secretOptions })}
            />
          ) : (
            <Button
              variant="outline"
              size="sm"
              disabled={rerun.isPending || !canRerun}
              title={canRerun ? undefined : "An input file was deleted, so this job cannot run again."}
              onClick={() => rerun.mutate({ id: job.id })}
            >
              <RotateCcw aria-hidden />
              {rerun.isPending ? "Starting…" : "Run again"}
            </Button>
          )}
        </div>
      </div>
      {job.status === "running" ? (
        <div className="grid gap-1">
          <div className="flex justify-between gap-4 text-sm">
            <span className="truncate">{job.step ?? "Working"}</span>
            <span className="font-medium tabular-nums">{job.progress}%</span>
          </div>
          <Progress value={job.progress} aria-label={`Progress of ${toolTitle}`} aria-valuetext={`${job.progress}%: ${job.step ?? "working"}`} />
        </div>
      ) : null}
      {job.status === "queued" ? <p className="text-sm text-muted-foreground">Waiting to start…</p> : null}
      {job.status === "failed" && job.error ? <p className="text-sm text-destructive">{job.error}</p> : null}
      <JobFiles job={job} />
    </li>
  );
}
