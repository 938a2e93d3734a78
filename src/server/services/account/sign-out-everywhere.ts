import "server-only";
import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import { type AuditContext, recordAuditEvent } from "@/server/services/audit/record-audit-event";

/**
 * Ends every session of the user, in every browser, this one included: the
 * session version moves on, so each session JWT issued before fails its next
 * check. For a lost device or a session left open on a shared computer.
 */
export async function signOutEverywhere(db: Db, userId: string, audit: AuditContext) {
  return db.$transaction(async (tx) => {
    const updated = await tx.user.updateMany({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
    if (updated.count === 0) throw new AppError("NOT_FOUND", "This account no longer exists.");
    await recordAuditEvent(tx, { ...audit, action: "account.signed_out_everywhere", subjectUserId: userId });
    return { signedOut: true as const };
  });
}
