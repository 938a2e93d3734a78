import "server-only";
import { verifyPassword } from "@/server/auth/password";
import { AppError } from "@/server/errors";

/**
 * Sensitive changes (email, password) need the current password when the
 * account has one, so a session left open on a shared computer cannot be
 * used to take the account over. Accounts that only sign in through OAuth
 * have no password to ask for.
 */
export async function requireCurrentPassword(passwordHash: string | null, given: string | undefined) {
  if (passwordHash === null) return;
  if (!given) throw new AppError("BAD_REQUEST", "Enter your current password.");
  if (!(await verifyPassword(passwordHash, given))) throw new AppError("FORBIDDEN", "Your current password is not correct.");
}
