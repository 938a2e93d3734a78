import "server-only";
import { cookies } from "next/headers";
import { auth } from "@/server/auth";
import { decodeGuestCookie, GUEST_COOKIE_NAME, serializeGuestCookie } from "@/server/auth/guest-cookie";
import { logger } from "@/server/logger";
import { createInnerTRPCContext, type TRPCContext } from "./trpc";

/**
 * Builds the tRPC context for a Next.js request: the session from Auth.js and
 * the guest id from its signed cookie. `resHeaders` is present for HTTP
 * requests (the cookie can be set); absent for server components.
 */
export async function createRequestContext(opts: { headers: Headers; resHeaders?: Headers }): Promise<TRPCContext> {
  const [session, cookieStore] = await Promise.all([auth(), cookies()]);
  const secure = opts.headers.get("x-forwarded-proto") === "https" || (opts.headers.get("origin") ?? "").startsWith("https:");
  return createInnerTRPCContext({
    headers: opts.headers,
    log: logger.child({ requestId: opts.headers.get("x-request-id") ?? crypto.randomUUID() }),
    sessionUserId: session?.user?.id ?? null,
    guestId: decodeGuestCookie(cookieStore.get(GUEST_COOKIE_NAME)?.value),
    setGuestCookie: (guestId) => opts.resHeaders?.append("set-cookie", serializeGuestCookie(guestId, { secure })),
  });
}
