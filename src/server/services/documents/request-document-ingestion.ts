import "server-only";
import { type Actor, ownerKeyOf, ownerOf } from "@/server/auth/actor";
import type { DbTx } from "@/server/db";
import { env } from "@/env";
import { AppError } from "@/server/errors";
import { documentIngestRequested } from "@/server/events/event-types";
import { sendEvent } from "@/server/events/send-event";
import { logger } from "@/server/logger";
import { getOwnedFile } from "@/server/services/files/get-owned-file";
import { isDocumentType } from "@/server/tools/ai/read-document-pages";
import { IN_PROGRESS_STATUSES, isDocumentStatus } from "./document-status";
import { getDocumentStatus, type DocumentStatusView } from "./get-document-status";

/** A run that has not written for this long is taken for lost (engine restarted without it) and requested again. */
const STALE_AFTER_MS = 15 * 60_000;

export type SendIngestEvent = (fileId: string, ownerKey: string) => Promise<void>;

const sendIngestEvent: SendIngestEvent = async (fileId, ownerKey) => {
  await sendEvent(documentIngestRequested.create({ fileId, ownerKey }));
};

/**
 * Makes sure the actor's file is, or is being, prepared for AI features. A
 * ready document, or one a run is working on, is left alone; otherwise the
 * row goes back to "pending" and the ingest-document function is asked to
 * run. The switch is conditional on the row as read, so two requests at once
 * start one run.
 */
export async function requestDocumentIngestion(db: DbTx, actor: Actor, fileId: string, send: SendIngestEvent = sendIngestEvent): Promise<DocumentStatusView> {
  const file = await getOwnedFile(db, actor, fileId);
  if (!isDocumentType(file.mimeType)) {
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", `${file.name} is not a PDF, text file or image, so AI features cannot read it.`);
  }
  await assertFewPendingIngestions(db, actor);
  // ON CONFLICT DO NOTHING: exactly one request creates the row, and that one starts the run.
  const created = await db.document.createMany({ data: [{ fileId }], skipDuplicates: true });
  if (created.count === 0 && !(await claimForRerun(db, fileId))) return getDocumentStatus(db, actor, fileId);
  try {
    await send(fileId, ownerKeyOf(actor));
  } catch (error) {
    logger.error({ err: error, fileId }, "could not enqueue document ingestion");
    await db.document.update({ where: { fileId }, data: { status: "failed", error: "Preparing the document could not be queued. Try again in a moment." } });
    throw new AppError("UNAVAILABLE", "The job engine is not reachable right now. Try again in a moment.", { cause: error });
  }
  return getDocumentStatus(db, actor, fileId);
}

/**
 * An existing row is run again when it failed or its run looks lost; the
 * update is conditional on the row as read, so of two requests at once only
 * one wins and sends the event.
 */
async function claimForRerun(db: DbTx, fileId: string): Promise<boolean> {
  const document = await db.document.findUnique({ where: { fileId }, select: { status: true, updatedAt: true } });
  if (!document) return false;
  const status = isDocumentStatus(document.status) ? document.status : "failed";
  const lost = IN_PROGRESS_STATUSES.includes(status) && Date.now() - document.updatedAt.getTime() > STALE_AFTER_MS;
  if (status !== "failed" && !lost) return false;
  const { count } = await db.document.updateMany({
    where: { fileId, status: document.status, updatedAt: document.updatedAt },
    data: { status: "pending", progress: 0, error: null },
  });
  return count === 1;
}

/**
 * One owner may have MAX_PENDING_INGESTIONS_PER_OWNER documents waiting or
 * being prepared; beyond that a request is refused rather than queued, so a
 * script cannot fill the queue with one visitor's documents.
 */
async function assertFewPendingIngestions(db: DbTx, actor: Actor): Promise<void> {
  const owner = ownerOf(actor);
  const pending = await db.document.count({
    where: { status: { in: [...IN_PROGRESS_STATUSES] }, file: owner.userId ? { userId: owner.userId } : { guestId: owner.guestId } },
  });
  if (pending < env.MAX_PENDING_INGESTIONS_PER_OWNER) return;
  throw new AppError(
    "RATE_LIMITED",
    `${pending} of your documents are still being prepared. Wait for one to finish, then try again.`,
    { retryAfterSeconds: 30 },
  );
}
