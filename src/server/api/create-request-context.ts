import "server-only";
import { readGuestId, serializeGuestCookie } from "@/server/auth/guest-cookie";
import { readSession } from "@/server/auth/read-session";
import { reissueSessionCookie } from "@/server/auth/reissue-session-cookie";
import { db } from "@/server/db";
import { readCookie } from "@/server/http/read-cookie";
import { requestIsHttps } from "@/server/http/request-is-https";
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
  const secure = requestIsHttps(opts.headers);
  const resHeaders = opts.resHeaders;
  return createInnerTRPCContext({
    headers: opts.headers,
    log: logger.child({ requestId: opts.headers.get("x-request-id") ?? crypto.randomUUID() }),
    sessionUserId: session?.user?.id ?? null,
    guestId: readGuestId((name) => readCookie(opts.headers, name), secure),
    setGuestCookie: resHeaders ? (guestId) => resHeaders.append("set-cookie", serializeGuestCookie(guestId, { secure })) : null,
    reissueSession: async (userId) => {
      if (resHeaders) await reissueSessionCookie(db, userId, opts.headers, resHeaders);
    },
  });
}
