import "server-only";
import { decodeGuestCookie, GUEST_COOKIE_NAME, serializeGuestCookie } from "@/server/auth/guest-cookie";
import { readSession } from "@/server/auth/read-session";
import { reissueSessionCookie } from "@/server/auth/reissue-session-cookie";
import { db } from "@/server/db";
import { readCookie } from "@/server/http/read-cookie";
import { logger } from "@/server/logger";
import { createInnerTRPCContext, type TRPCContext } from "./trpc";

/**
 * Builds the tRPC context for a Next.js request: the session from Auth.js and
 * the guest id from its signed cookie, both read from the request's headers.
 * `resHeaders` is present for HTTP requests (cookies can be set); absent for
 * server components.
 */
export async function createRequestContext(opts: { headers: Headers; resHeaders?: Headers }): Promise<TRPCContext> {
  const session = await readSession(opts.headers);
  const secure = opts.headers.get("x-forwarded-proto") === "https" || (opts.headers.get("origin") ?? "").startsWith("https:");
  const resHeaders = opts.resHeaders;
  return createInnerTRPCContext({
    headers: opts.headers,
    log: logger.child({ requestId: opts.headers.get("x-request-id") ?? crypto.randomUUID() }),
    sessionUserId: session?.user?.id ?? null,
    guestId: decodeGuestCookie(readCookie(opts.headers, GUEST_COOKIE_NAME) ?? undefined),
    setGuestCookie: (guestId) => resHeaders?.append("set-cookie", serializeGuestCookie(guestId, { secure })),
    reissueSession: async (userId) => {
      if (resHeaders) await reissueSessionCookie(db, userId, opts.headers, resHeaders);
    },
  });
}
