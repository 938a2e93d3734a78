import "server-only";
import type { DbTx } from "@/server/db";
import { AppError } from "@/server/errors";

/**
 * Disables or re-enables another account. Disabling ends every session of
 * the user (the session version moves on, so re-enabling does not bring old
 * sessions back) and they cannot sign in. Admins cannot disable themselves.
 */
export async function setUserDisabled(db: DbTx, adminId: string, input: { userId: string; disabled: boolean }) {
  if (input.userId === adminId) throw new AppError("FORBIDDEN", "You cannot disable your own account.");
  // Re-disabling keeps the original date, so the list shows when the ban began.
  const updated = await db.user.updateMany({
    where: { id: input.userId, ...(input.disabled ? { disabledAt: null } : {}) },
    data: input.disabled ? { disabledAt: new Date(), sessionVersion: { increment: 1 } } : { disabledAt: null },
  });
  const user = await db.user.findUnique({ where: { id: input.userId }, select: { id: true, disabledAt: true } });
  if (!user) throw new AppError("NOT_FOUND", "That user no longer exists.");
  return { userId: user.id, disabledAt: user.disabledAt, changed: updated.count > 0 };
}
