import type { JobView } from "./tool-types";

function messageFor(job: JobView | null, starting: boolean): string {
  if (!job) return starting ? "Starting the job." : "";
  switch (job.status) {
    case "queued":
      return "Job queued. It starts in a moment.";
    case "running":
      return "Job running.";
    case "succeeded":
      return job.outputs.length === 1 ? "Done. Your file is ready to download." : `Done. ${job.outputs.length} files are ready to download.`;
    case "failed":
      return "The job failed.";
    case "canceled":
      return "The job was canceled.";
  }
}

/**
 * Tells screen reader users when the job's status changes. The text depends on
 * the status only, so percent updates stay silent (the progress bar has them).
 */
export function JobAnnouncer({ job, starting }: { job: JobView | null; starting: boolean }) {
  return (
    <p role="status" aria-live="polite" className="sr-only">
      {messageFor(job, starting)}
    </p>
  );
}
