import "server-only";
import { env } from "@/env";
import type { Db } from "@/server/db";
import { Prisma } from "@/server/db/generated/client";
import { AppError } from "@/server/errors";
import { type AuditContext, recordAuditEvent } from "@/server/services/audit/record-audit-event";
import { requireCurrentPassword } from "./require-current-password";

const TAKEN = "Another account already uses this email address.";

/**
 * Changes the sign-in email. The unique index decides conflicts, so two
 * accounts racing for one address cannot both win; the pre-check only makes
 * the common case answer before the password is hashed.
 */
export async function changeEmail(
  db: Db,
  userId: string,
  input: { email: string; currentPassword?: string },
  audit: AuditContext,
  adminEmails: readonly string[] = env.ADMIN_EMAILS,
) {
  const user = await db.user.findUnique({ where: { id: userId }, select: { email: true, passwordHash: true } });
  if (!user) throw new AppError("NOT_FOUND", "This account no longer exists.");
  if (user.email === input.email) return { email: input.email };
  await requireCurrentPassword(user.passwordHash, input.currentPassword);
  // ADMIN_EMAILS promote at sign-in; with no verification flow, moving to such
  // an address would be a way to become an administrator.
  if (adminEmails.includes(input.email.toLowerCase())) {
    throw new AppError("FORBIDDEN", "This address is reserved for an administrator account.");
  }
  const holder = await db.user.findUnique({ where: { email: input.email }, select: { id: true } });
  if (holder) throw new AppError("CONFLICT", TAKEN);
  try {
    // The new address is unverified until it is confirmed. Every session ends
    // (one left open elsewhere must not follow the account to its new
    // address); the route keeps the changing browser signed in.
    return await db.$transaction(async (tx) => {
      const updated = await tx.user.update({
        where: { id: userId },
        data: { email: input.email, emailVerified: null, sessionVersion: { increment: 1 } },
        select: { email: true },
      });
      // Addresses are not secrets, and an admin tracing a takeover needs both.
      await recordAuditEvent(tx, { ...audit, action: "account.email_changed", subjectUserId: userId, details: { from: user.email, to: input.email } });
      return updated;
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw new AppError("CONFLICT", TAKEN);
    throw error;
  }
}
