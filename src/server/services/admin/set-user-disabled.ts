import "server-only";
import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import { type AuditContext, recordAuditEvent } from "@/server/services/audit/record-audit-event";

/**
 * Disables or re-enables another account. Disabling ends every session of
 * the user (the session version moves on, so re-enabling does not bring old
 * sessions back) and they cannot sign in. Admins cannot disable themselves.
 */
export async function setUserDisabled(db: Db, adminId: string, input: { userId: string; disabled: boolean }, audit: AuditContext) {
  if (input.userId === adminId) throw new AppError("FORBIDDEN", "You cannot disable your own account.");
  return db.$transaction(async (tx) => {
    // Re-disabling keeps the original date, so the list shows when the ban began.
    const updated = await tx.user.updateMany({
      where: { id: input.userId, ...(input.disabled ? { disabledAt: null } : {}) },
      data: input.disabled ? { disabledAt: new Date(), sessionVersion: { increment: 1 } } : { disabledAt: null },
    });
    const user = await tx.user.findUnique({ where: { id: input.userId }, select: { id: true, disabledAt: true } });
    if (!user) throw new AppError("NOT_FOUND", "That user no longer exists.");
    const changed = updated.count > 0;
    await recordAuditEvent(tx, {
      ...audit,
      action: input.disabled ? "admin.user_disabled" : "admin.user_enabled",
      subjectUserId: user.id,
      details: { changed },
    });
    return { userId: user.id, disabledAt: user.disabledAt, changed };
  });
}
