import { Ban, CircleExclamationPoint } from "lucide-react";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { JobView } from "./tool-types";

type OutcomeProps = { job: JobView; toolTitle: string; canRetry: boolean; onRetry: () => void };

/** A job that ended without results: failed (the readable error) or canceled. */
export function JobOutcome({ job, toolTitle, canRetry, onRetry }: OutcomeProps) {
  const failed = job.status === "failed";
  const Icon = failed ? CircleExclamationPoint : Ban;
  return (
    <Alert variant={failed ? "destructive" : "default"} role={failed ? "alert" : "status"}>
      <Icon aria-hidden />
      <AlertTitle>{failed ? `${toolTitle} failed` : "Canceled"}</AlertTitle>
      <AlertDescription>
        <p>{failed ? (job.error ?? "Something went wrong. Try again.") : "Nothing was made. Your files are still here, so you can run it again."}</p>
        <Button variant="outline" size="sm" className="mt-2 text-foreground" onClick={onRetry} disabled={!canRetry}>
          {failed ? "Try again" : "Run again"}
        </Button>
      </AlertDescription>
    </Alert>
  );
}
