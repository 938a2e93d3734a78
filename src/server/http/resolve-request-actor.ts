import "server-only";
import { cookies } from "next/headers";
import { type Actor, loadUserActor } from "@/server/auth/actor";
import { encodeGuestCookie, GUEST_COOKIE_MAX_AGE_SECONDS, guestCookieName, readGuestId } from "@/server/auth/guest-cookie";
import { readSession } from "@/server/auth/read-session";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { admitGuestFor } from "@/server/quotas/admit-new-guest";
import { readCookie } from "./read-cookie";
import { requestIsHttps } from "./request-is-https";

/**
 * The actor behind a route-handler request: the signed-in user, else the
 * guest in the signed cookie, both read from the request's own headers (as the
 * tRPC context reads them). With `createGuest`, a visitor without a valid
 * cookie becomes a new guest and the cookie is set on the response, so the
 * answer is never null; without it such a visitor is null (a new guest owns
 * nothing, so there is nothing to download or delete).
 */
export async function resolveRequestActor(request: Request, options: { createGuest: true }): Promise<Actor>;
export async function resolveRequestActor(request: Request, options: { createGuest: false }): Promise<Actor | null>;
export async function resolveRequestActor(request: Request, options: { createGuest: boolean }): Promise<Actor | null> {
  const session = await readSession(request.headers);
  if (session?.user?.id) {
    const user = await loadUserActor(db, session.user.id);
    if (user) return user;
  }
  const secure = requestIsHttps(request.headers, request.url);
  const existing = readGuestId((name) => readCookie(request.headers, name), secure);
  if (existing) return { kind: "guest", guestId: existing, role: "GUEST" };
  if (!options.createGuest) return null;
  const guestId = await admitGuestFor(db, request.headers);
  (await cookies()).set(guestCookieName(secure), encodeGuestCookie(guestId), {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    maxAge: GUEST_COOKIE_MAX_AGE_SECONDS,
    secure,
  });
  return { kind: "guest", guestId, role: "GUEST" };
}

/**
 * The actor of a request for a file (download, preview, summary): a visitor
 * without a cookie owns no file, so they get the same NOT_FOUND as for a file
 * that is someone else's, and no guest is created for them.
 */
export async function resolveFileOwner(request: Request): Promise<Actor> {
  const actor = await resolveRequestActor(request, { createGuest: false });
  if (!actor) throw new AppError("NOT_FOUND", "File not found. It may have expired or been deleted.");
  return actor;
}
