import "server-only";
import { env } from "@/env";
import type { DbTx } from "@/server/db";

export type AdminEmailPolicy = { adminEmails: readonly string[]; smtpConfigured: boolean };

export const adminEmailPolicy = (): AdminEmailPolicy => ({ adminEmails: env.ADMIN_EMAILS, smtpConfigured: Boolean(env.SMTP_URL) });

/**
 * Makes an ADMIN_EMAILS account an admin, only when its owner has proven the
 * mailbox: verified through a mailed link (with SMTP), or created by the
 * operator on the command line. Anyone can sign up with any address, so the
 * address alone proves nothing. An admin another admin demoted stays
 * demoted. One conditional update, so the rule holds in the query itself.
 */
export async function promoteAdminEmail(db: DbTx, userId: string, policy: AdminEmailPolicy = adminEmailPolicy()) {
  if (policy.adminEmails.length === 0) return false;
  const proven = policy.smtpConfigured
    ? { OR: [{ emailVerified: { not: null } }, { createdByOperator: true }] }
    : { createdByOperator: true };
  const updated = await db.user.updateMany({
    where: {
      id: userId,
      email: { in: [...policy.adminEmails], mode: "insensitive" },
      role: { not: "ADMIN" },
      adminRevokedAt: null,
      disabledAt: null,
      ...proven,
    },
    data: { role: "ADMIN" },
  });
  return updated.count === 1;
}
