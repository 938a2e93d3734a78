import { LoaderCircle } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Card, CardAction, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Progress } from "@/components/ui/progress";
import type { JobView } from "./tool-types";

type JobProgressProps = {
  /** Null while the job is being created. */
  job: JobView | null;
  connectionLost: boolean;
  canceling: boolean;
  onCancel: () => void;
};

/** A queued or running job: live bar, step label and percent, and Cancel. */
export function JobProgress({ job, connectionLost, canceling, onCancel }: JobProgressProps) {
  const running = job?.status === "running";
  const title = running ? "Working on it" : job ? "Waiting to start" : "Starting…";
  const step = running ? (job.step ?? "Working") : "Your job is in the queue and starts in a moment.";
  return (
    <Card aria-busy="true">
      <CardHeader>
        <CardTitle className="flex items-center gap-2">
          <LoaderCircle className="size-4 animate-spin text-primary motion-reduce:animate-none" aria-hidden />
          {title}
        </CardTitle>
        <CardDescription>{connectionLost ? "Live updates were interrupted; reconnecting…" : "You can keep this page open while it runs."}</CardDescription>
        {job ? (
          <CardAction>
            <Button variant="outline" size="sm" onClick={onCancel} disabled={canceling}>
              {canceling ? "Canceling…" : "Cancel"}
            </Button>
          </CardAction>
        ) : null}
      </CardHeader>
      <CardContent className="grid gap-2">
        <div className="flex items-baseline justify-between gap-4 text-sm">
          <span className="truncate" data-testid="job-step">
            {step}
          </span>
          {running ? <span className="font-medium tabular-nums">{job.progress}%</span> : null}
        </div>
        <Progress
          value={running ? job.progress : null}
          aria-label="Job progress"
          aria-valuetext={running ? `${job.progress}%: ${job.step ?? "working"}` : "Waiting to start"}
        />
      </CardContent>
    </Card>
  );
}
