import "server-only";
import { consumeToken } from "@/server/auth/one-time-token";
import type { DbTx } from "@/server/db";
import { type AdminEmailPolicy, adminEmailPolicy, promoteAdminEmail } from "./promote-admin-email";

/**
 * Marks an address verified from a mailed link's token, then applies
 * ADMIN_EMAILS. The token names the address it was sent to, so a link
 * mailed before an email change verifies nothing.
 */
export async function confirmEmail(db: DbTx, token: string, policy: AdminEmailPolicy = adminEmailPolicy()) {
  const subject = await consumeToken(db, "verify-email", token);
  const split = subject?.indexOf(":") ?? -1;
  if (!subject || split <= 0) return { verified: false as const };
  const userId = subject.slice(0, split);
  const email = subject.slice(split + 1);
  const updated = await db.user.updateMany({ where: { id: userId, email }, data: { emailVerified: new Date() } });
  if (updated.count !== 1) return { verified: false as const };
  return { verified: true as const, admin: await promoteAdminEmail(db, userId, policy) };
}
