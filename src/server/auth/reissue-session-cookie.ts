import "server-only";
import { encode, type JWT } from "next-auth/jwt";
import type { DbTx } from "@/server/db";
import { getAuthSecret } from "./secret";
import { SESSION_MAX_AGE_SECONDS, serializeSessionCookie, sessionCookieIn } from "./session-cookie";

/**
 * Keeps the current browser signed in after a change that bumped
 * User.sessionVersion (email or password change): a fresh session JWT with
 * the new version, under the same cookie name the browser sent, so every
 * other browser's session ends and this one does not. Does nothing when the
 * request carried no session cookie (nothing to keep) or the user can no
 * longer sign in.
 */
export async function reissueSessionCookie(db: DbTx, userId: string, requestHeaders: Headers, resHeaders: Headers) {
  const current = sessionCookieIn(requestHeaders);
  if (!current) return;
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { name: true, email: true, image: true, role: true, disabledAt: true, sessionVersion: true },
  });
  if (!user || user.disabledAt) return;
  // The claims Auth.js puts in a token at sign-in (see checkSessionToken).
  const token: JWT = { sub: userId, name: user.name, email: user.email, picture: user.image, role: user.role, sessionVersion: user.sessionVersion };
  // A token this small stays in one cookie, so Auth.js's chunking never applies.
  const value = await encode({ token, secret: getAuthSecret(), salt: current.name, maxAge: SESSION_MAX_AGE_SECONDS });
  const expires = new Date(Date.now() + SESSION_MAX_AGE_SECONDS * 1000);
  resHeaders.append("set-cookie", serializeSessionCookie({ ...current, value }, expires));
}
