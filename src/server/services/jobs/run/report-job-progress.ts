import "server-only";
import type { DbTx } from "@/server/db";
import { publishJobUpdate } from "@/server/realtime";
import type { ToolProgress } from "@/server/tools/types";

const MIN_INTERVAL_MS = 250;

/**
 * A tool's progress callback that writes at most every 250 ms (plus the last
 * value on flush), so a 500-page job does not issue 500 writes per second.
 * A write that finds the job no longer running (canceled) aborts the run.
 */
export function createJobProgressReporter(db: DbTx, jobId: string, controller: AbortController) {
  let pending: { percent: number; step: string } | null = null;
  let lastWrite = 0;
  let writing: Promise<void> = Promise.resolve();

  const write = (update: { percent: number; step: string }) => {
    writing = writing.then(async () => {
      const { count } = await db.job.updateMany({
        where: { id: jobId, status: "RUNNING" },
        data: { progress: Math.min(99, update.percent), step: update.step.slice(0, 200) },
      });
      if (count === 0) controller.abort(new Error("The job was canceled."));
      else await publishJobUpdate(jobId);
    });
  };

  const report: ToolProgress = (update) => {
    pending = update;
    const now = Date.now();
    if (now - lastWrite < MIN_INTERVAL_MS) return;
    lastWrite = now;
    pending = null;
    write(update);
  };

  return {
    report,
    async flush() {
      if (pending) write(pending);
      pending = null;
      await writing;
    },
  };
}
