import "server-only";
import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import { logger } from "@/server/logger";
import { type AuditContext, recordAuditEvent } from "@/server/services/audit/record-audit-event";
import type { StorageDriver } from "@/server/storage/types";
import { deletionPhraseFor } from "@/shared/deletion-phrase";

const STORAGE_DELETE_CONCURRENCY = 8;

async function deleteObjects(storage: StorageDriver, keys: string[]) {
  let failed = 0;
  for (let start = 0; start < keys.length; start += STORAGE_DELETE_CONCURRENCY) {
    const batch = keys.slice(start, start + STORAGE_DELETE_CONCURRENCY);
    const results = await Promise.allSettled(batch.map((key) => storage.delete(key)));
    failed += results.filter((result) => result.status === "rejected").length;
  }
  return failed;
}

/**
 * Deletes an account and everything it owns. Rows go first, in one
 * transaction (so a failure leaves the account whole), then the bytes: a
 * storage object that fails to delete is an orphan the hourly sweep removes,
 * never a file the person can still reach.
 */
export async function deleteAccount(db: Db, storage: StorageDriver, userId: string, confirmation: string, audit: AuditContext) {
  const keys = await db.$transaction(async (tx) => {
    // Locking the user row blocks new files/jobs/chats referencing it (their
    // foreign-key check waits), so no upload slips in between listing the
    // storage keys and deleting the rows.
    const [user] = await tx.$queryRaw<{ email: string | null }[]>`SELECT email FROM "User" WHERE id = ${userId} FOR UPDATE`;
    if (!user) throw new AppError("NOT_FOUND", "This account no longer exists.");
    if (confirmation.toLowerCase() !== deletionPhraseFor(user.email).toLowerCase()) {
      throw new AppError("BAD_REQUEST", `Type ${deletionPhraseFor(user.email)} to confirm.`);
    }
    const files = await tx.file.findMany({ where: { userId }, select: { storageKey: true } });
    // Rows without a foreign key to User, which the cascade below cannot reach.
    await tx.usageEvent.deleteMany({ where: { userId } });
    await tx.quota.updateMany({ where: { updatedById: userId }, data: { updatedById: null } });
    if (user.email) await tx.verificationToken.deleteMany({ where: { identifier: user.email } });
    // Cascades to Account, Session, File (→ JobInput, Document, ChatFile), Job and Chat (→ Message).
    // It also ends every session JWT of the account: the session check (checkSessionToken) treats a missing user as signed out.
    await tx.user.delete({ where: { id: userId } });
    // Kept on purpose after the account is gone (AuditEvent has no foreign
    // key): the deletion itself is security history, swept after AUDIT_RETENTION_DAYS.
    await recordAuditEvent(tx, { ...audit, action: "account.deleted", subjectUserId: userId, details: { email: user.email, files: files.length } });
    return files.map((file) => file.storageKey);
  });
  const failed = await deleteObjects(storage, keys);
  if (failed > 0) logger.warn({ userId, failed }, "account deleted; some storage objects are left for the orphan sweep");
  return { deletedFiles: keys.length };
}
