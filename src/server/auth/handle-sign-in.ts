import "server-only";
import { env } from "@/env";
import type { Db } from "@/server/db";
import { logger } from "@/server/logger";
import { claimGuestWork } from "@/server/services/account/claim-guest-work";
import { decodeGuestCookie, GUEST_COOKIE_NAME } from "./guest-cookie";

type CookieJar = { get(name: string): { value: string } | undefined; delete(name: string): unknown };

/**
 * Runs on every successful sign-in or sign-up, credentials or OAuth: the
 * guest's work moves to the account and the guest cookie is retired, so the
 * browser no longer acts as that guest. ADMIN_EMAILS are promoted here too,
 * which also covers accounts first created through OAuth.
 */
export async function handleSignIn(
  db: Db,
  cookies: CookieJar,
  user: { id?: string; email?: string | null },
  adminEmails: readonly string[] = env.ADMIN_EMAILS,
) {
  if (!user.id) return { files: 0, jobs: 0, chats: 0 };
  const email = user.email?.toLowerCase();
  if (email && adminEmails.includes(email)) {
    await db.user.updateMany({ where: { id: user.id, role: { not: "ADMIN" } }, data: { role: "ADMIN" } });
  }
  const guestId = decodeGuestCookie(cookies.get(GUEST_COOKIE_NAME)?.value);
  if (!guestId) return { files: 0, jobs: 0, chats: 0 };
  const claimed = await claimGuestWork(db, guestId, user.id);
  cookies.delete(GUEST_COOKIE_NAME);
  logger.info({ userId: user.id, ...claimed }, "guest work moved to account");
  return claimed;
}
