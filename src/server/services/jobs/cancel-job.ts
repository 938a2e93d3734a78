import "server-only";
import type { Actor } from "@/server/auth/actor";
import { ownedBy } from "@/server/auth/owner-where";
import type { DbTx } from "@/server/db";
import { jobCancelRequested } from "@/server/events/event-types";
import { sendEvent } from "@/server/events/send-event";
import { logger } from "@/server/logger";
import { publishJobUpdate } from "@/server/realtime";
import { getJob } from "./get-job";

/**
 * Cancels a queued or running job. Idempotent: a job that already finished
 * is returned as it is. The running function notices at its next progress
 * report or step and stops without storing outputs.
 */
export async function cancelJob(db: DbTx, actor: Actor, id: string) {
  await getJob(db, actor, id);
  const { count } = await db.job.updateMany({
    where: { id, ...ownedBy(actor), status: { in: ["QUEUED", "RUNNING"] } },
    data: { status: "CANCELED", step: "Canceled", finishedAt: new Date(), sealedOptions: null },
  });
  if (count > 0) {
    await publishJobUpdate(id);
    await sendEvent(jobCancelRequested.create({ jobId: id })).catch((error: unknown) => {
      logger.warn({ err: error, jobId: id }, "could not send the cancel event; the run stops at its next check");
    });
  }
  return getJob(db, actor, id);
}
