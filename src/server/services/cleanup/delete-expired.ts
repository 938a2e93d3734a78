import "server-only";
import type { DbTx } from "@/server/db";
import { guestOriginCutoff, SEALED_SECRETS_WIPED_WHEN } from "@/server/retention/retention-policy";
import type { StorageDriver } from "@/server/storage/types";

const BATCH = 500;

/**
 * Deletes expired files (rows first, then bytes), jobs and chats, in
 * batches so a large backlog never holds one long transaction. Signed-in
 * users' rows have no expiry and are never touched. The rules are in
 * retention/retention-policy.ts.
 */

export async function deleteExpired(db: DbTx, storage: StorageDriver, now = new Date()) {
  let files = 0;
  for (;;) {
    const batch = await db.file.findMany({ where: { expiresAt: { lte: now } }, select: { id: true, storageKey: true }, take: BATCH });
    if (batch.length === 0) break;
    await db.file.deleteMany({ where: { id: { in: batch.map((file) => file.id) } } });
    await Promise.all(batch.map((file) => storage.delete(file.storageKey).catch(() => undefined)));
    files += batch.length;
  }
  const jobs = await db.job.deleteMany({ where: { expiresAt: { lte: now } } });
  const chats = await db.chat.deleteMany({ where: { expiresAt: { lte: now } } });
  // Every path that ends a job wipes its sealed passwords; this catches one that did not (a crash between writes).
  await db.job.updateMany({ where: { sealedOptions: { not: null }, status: { in: [...SEALED_SECRETS_WIPED_WHEN] } }, data: { sealedOptions: null } });
  await db.guestOrigin.deleteMany({ where: { createdAt: { lte: guestOriginCutoff(now) } } });
  return { deletedFiles: files, deletedJobs: jobs.count, deletedChats: chats.count };
}
