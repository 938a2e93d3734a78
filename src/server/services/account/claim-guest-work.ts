import "server-only";
import type { Db } from "@/server/db";
import { NEVER_EXPIRES } from "@/server/retention/retention-policy";

/**
 * Moves everything a guest made to an account in one transaction: files,
 * jobs and chats change owner and stop expiring; usage moves with them. Idempotent; rows another user already
 * owns are never touched (the guest filter requires userId to be null).
 */
export async function claimGuestWork(db: Db, guestId: string, userId: string) {
  return db.$transaction(async (tx) => {
    // Jobs first: their row locks make a run storing outputs right now
    // either finish before (its files are moved below) or see the new owner.
    const jobs = await tx.job.updateMany({
      where: { guestId, userId: null },
      data: { userId, guestId: null, expiresAt: NEVER_EXPIRES },
    });
    const files = await tx.file.updateMany({
      where: { guestId, userId: null },
      data: { userId, guestId: null, expiresAt: NEVER_EXPIRES },
    });
    const chats = await tx.chat.updateMany({
      where: { guestId, userId: null },
      data: { userId, guestId: null, expiresAt: NEVER_EXPIRES },
    });
    // Today's usage counts against the account's quota, as the work does.
    await tx.usageEvent.updateMany({ where: { guestId, userId: null }, data: { userId, guestId: null } });
    return { files: files.count, jobs: jobs.count, chats: chats.count };
  });
}
