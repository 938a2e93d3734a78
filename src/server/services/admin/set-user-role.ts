import "server-only";
import type { DbTx } from "@/server/db";
import { AppError } from "@/server/errors";
import type { AssignableRole } from "./admin-schemas";

/**
 * Changes another account's role. An admin cannot change their own: it keeps
 * at least the acting admin in place, so the last admin cannot lock everyone
 * out by accident. Takes effect on the user's next request (roles are read
 * from the database, not the session token).
 */
export async function setUserRole(db: DbTx, adminId: string, input: { userId: string; role: AssignableRole }) {
  if (input.userId === adminId) throw new AppError("FORBIDDEN", "You cannot change your own role. Ask another administrator.");
  const user = await db.user.findUnique({ where: { id: input.userId }, select: { role: true } });
  if (!user) throw new AppError("NOT_FOUND", "That user no longer exists.");
  // A demotion is remembered so ADMIN_EMAILS never hands ADMIN back at the
  // next sign-in; an explicit promotion clears it.
  const adminRevokedAt = input.role === "ADMIN" ? null : user.role === "ADMIN" ? new Date() : undefined;
  const updated = await db.user.updateMany({ where: { id: input.userId }, data: { role: input.role, adminRevokedAt } });
  if (updated.count === 0) throw new AppError("NOT_FOUND", "That user no longer exists.");
  return { userId: input.userId, role: input.role };
}
