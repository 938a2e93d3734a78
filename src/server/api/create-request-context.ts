import "server-only";
import { readGuestId, serializeGuestCookie } from "@/server/auth/guest-cookie";
import { readSession } from "@/server/auth/read-session";
import { reissueSessionCookie } from "@/server/auth/reissue-session-cookie";
import { db } from "@/server/db";
import { type AppError, isAppError } from "@/server/errors";
import { readCookie } from "@/server/http/read-cookie";
import { requestIsHttps } from "@/server/http/request-is-https";
import { logger } from "@/server/logger";
import { admitGuestFor } from "@/server/quotas/admit-new-guest";
import { createInnerTRPCContext, type TRPCContext } from "./trpc";

/**
 * Builds the tRPC context for a Next.js request: the session from Auth.js and
 * the guest id from its signed cookie, both read from the request's headers.
 * `resHeaders` is present for HTTP requests (cookies can be set); absent for
 * server components.
 */
export async function createRequestContext(opts: { headers: Headers; resHeaders?: Headers }): Promise<TRPCContext> {
  const session = await readSession(opts.headers);
  const secure = requestIsHttps(opts.headers);
  const resHeaders = opts.resHeaders;
  let guestId = readGuestId((name) => readCookie(opts.headers, name), secure);
  let guestRefusal: AppError | null = null;
  // A visitor with neither session nor guest cookie becomes a guest here,
  // before the response starts: tRPC streams its answers, and a Set-Cookie
  // added once a procedure has awaited anything would never reach the browser.
  if (resHeaders && !guestId && !session?.user?.id) {
    try {
      guestId = await admitGuestFor(db, opts.headers);
      resHeaders.append("set-cookie", serializeGuestCookie(guestId, { secure }));
    } catch (error) {
      if (!isAppError(error)) throw error;
      guestRefusal = error;
    }
  }
  return createInnerTRPCContext({
    headers: opts.headers,
    log: logger.child({ requestId: opts.headers.get("x-request-id") ?? crypto.randomUUID() }),
    sessionUserId: session?.user?.id ?? null,
    guestId,
    guestRefusal,
    reissueSession: async (userId) => {
      if (resHeaders) await reissueSessionCookie(db, userId, opts.headers, resHeaders);
    },
  });
}
