import "server-only";
import { hashPassword } from "@/server/auth/password";
import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import { type AuditContext, recordAuditEvent } from "@/server/services/audit/record-audit-event";
import { requireCurrentPassword } from "./require-current-password";

/**
 * Sets a new password after checking the current one. An OAuth-only account
 * (no password yet) may set its first password, which also gives it a second
 * way to sign in before unlinking a provider.
 */
export async function changePassword(
  db: Db,
  userId: string,
  input: { currentPassword?: string; newPassword: string },
  audit: AuditContext,
) {
  const user = await db.user.findUnique({ where: { id: userId }, select: { passwordHash: true } });
  if (!user) throw new AppError("NOT_FOUND", "This account no longer exists.");
  await requireCurrentPassword(user.passwordHash, input.currentPassword);
  const passwordHash = await hashPassword(input.newPassword);
  // Guarded on the hash we checked, so a concurrent change is not silently overwritten.
  // A new password ends every session (whoever knew the old one is signed
  // out); the route keeps the changing browser signed in.
  // The change and its audit record commit together; the hash is made before, outside the transaction.
  await db.$transaction(async (tx) => {
    const updated = await tx.user.updateMany({
      where: { id: userId, passwordHash: user.passwordHash },
      data: { passwordHash, sessionVersion: { increment: 1 } },
    });
    if (updated.count === 0) throw new AppError("CONFLICT", "Your password was changed elsewhere just now. Reload and try again.");
    await recordAuditEvent(tx, { ...audit, action: "account.password_changed", subjectUserId: userId, details: { firstPassword: user.passwordHash === null } });
  });
  return { hasPassword: true as const };
}
