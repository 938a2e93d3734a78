import "server-only";
import type { DbTx } from "@/server/db";
import { publishJobUpdate } from "@/server/realtime";

/** Marks a queued job running. False when it was canceled (or deleted) meanwhile. */
export async function beginJobRun(db: DbTx, jobId: string): Promise<{ proceed: boolean }> {
  const { count } = await db.job.updateMany({
    where: { id: jobId, status: { in: ["QUEUED", "RUNNING"] } },
    data: { status: "RUNNING", startedAt: new Date(), step: "Starting" },
  });
  if (count > 0) await publishJobUpdate(jobId);
  return { proceed: count > 0 };
}
