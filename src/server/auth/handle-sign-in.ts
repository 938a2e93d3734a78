import "server-only";
import type { Db } from "@/server/db";
import { logger } from "@/server/logger";
import { claimGuestWork } from "@/server/services/account/claim-guest-work";
import { adminEmailPolicy, type AdminEmailPolicy, promoteAdminEmail } from "@/server/services/account/promote-admin-email";
import { guestCookieName, readGuestId } from "./guest-cookie";

/** The browser's cookies at sign-in, and whether the site is served over HTTPS (which guest cookie name counts). */
export type GuestCookieJar = {
  secure: boolean;
  get(name: string): { value: string } | undefined;
  delete(name: string): unknown;
};

/**
 * Runs on every successful sign-in or sign-up, credentials or OAuth: the
 * guest's work moves to the account and the guest cookie is retired, so the
 * browser no longer acts as that guest. ADMIN_EMAILS are promoted here too
 * (any sign-in path, OAuth included), when the address is proven.
 */
export async function handleSignIn(
  db: Db,
  cookies: GuestCookieJar,
  user: { id?: string; email?: string | null },
  policy: AdminEmailPolicy = adminEmailPolicy(),
) {
  if (!user.id) return { files: 0, jobs: 0, chats: 0 };
  await promoteAdminEmail(db, user.id, policy);
  const guestId = readGuestId((name) => cookies.get(name)?.value, cookies.secure);
  if (!guestId) return { files: 0, jobs: 0, chats: 0 };
  const claimed = await claimGuestWork(db, guestId, user.id);
  cookies.delete(guestCookieName(cookies.secure));
  logger.info({ userId: user.id, ...claimed }, "guest work moved to account");
  return claimed;
}
