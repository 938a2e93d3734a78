import "server-only";
import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import { type AuditContext, recordAuditEvent } from "@/server/services/audit/record-audit-event";
import type { AssignableRole } from "@/shared/roles";

/**
 * Changes another account's role. An admin cannot change their own: it keeps
 * at least the acting admin in place, so the last admin cannot lock everyone
 * out by accident. Takes effect on the user's next request (roles are read
 * from the database, not the session token).
 */
export async function setUserRole(db: Db, adminId: string, input: { userId: string; role: AssignableRole }, audit: AuditContext) {
  if (input.userId === adminId) throw new AppError("FORBIDDEN", "You cannot change your own role. Ask another administrator.");
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: input.userId }, select: { role: true } });
    if (!user) throw new AppError("NOT_FOUND", "That user no longer exists.");
    // A demotion is remembered so ADMIN_EMAILS never hands ADMIN back at the
    // next sign-in; an explicit promotion clears it.
    const adminRevokedAt = input.role === "ADMIN" ? null : user.role === "ADMIN" ? new Date() : undefined;
    const updated = await tx.user.updateMany({ where: { id: input.userId }, data: { role: input.role, adminRevokedAt } });
    if (updated.count === 0) throw new AppError("NOT_FOUND", "That user no longer exists.");
    await recordAuditEvent(tx, { ...audit, action: "admin.role_changed", subjectUserId: input.userId, details: { from: user.role, to: input.role } });
    return { userId: input.userId, role: input.role };
  });
}
