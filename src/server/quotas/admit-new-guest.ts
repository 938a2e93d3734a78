import "server-only";
import { createHmac } from "node:crypto";
import { RateLimiterRes } from "rate-limiter-flexible";
import { env } from "@/env";
import { createGuestId } from "@/server/auth/guest-cookie";
import { getAuthSecret } from "@/server/auth/secret";
import type { DbTx } from "@/server/db";
import { AppError } from "@/server/errors";
import { clientIp, LOCAL, namedLimiter } from "./rate-limit";

const WINDOW_SECONDS = 10 * 60;

/** The IP as stored: an HMAC under a key for this purpose only, so the database never holds addresses. */
export function hashGuestIp(ip: string, secret = getAuthSecret()): string {
  const key = createHmac("sha256", secret).update("fileforge:guest-ip:v1").digest();
  return createHmac("sha256", key).update(ip).digest("base64url");
}

/**
 * Lets a visitor without a guest cookie become a new guest: at most
 * NEW_GUESTS_PER_IP per IP per 10 minutes (then 429 with Retry-After), and the
 * guest's network is remembered so anonymous daily quotas count per IP too.
 * With no known address ("local": `next dev`, calls from inside the app) only
 * the per-guest rules apply.
 */
export async function admitNewGuest(db: DbTx, guestId: string, ip: string): Promise<void> {
  if (ip === LOCAL) return;
  const limiter = await namedLimiter("newGuest", { points: env.NEW_GUESTS_PER_IP, duration: WINDOW_SECONDS });
  try {
    await limiter.consume(`ip:${ip}`);
  } catch (error) {
    if (!(error instanceof RateLimiterRes)) throw error;
    const minutes = Math.max(1, Math.ceil(error.msBeforeNext / 60_000));
    throw new AppError("RATE_LIMITED", `Too many new visitors from your network. Try again in ${minutes} min, or sign in.`, {
      retryAfterSeconds: error.msBeforeNext / 1000,
    });
  }
  await db.guestOrigin.create({ data: { guestId, ipHash: hashGuestIp(ip) } });
}

/**
 * A new guest for a request without a valid guest cookie: a fresh id, admitted
 * for the request's network. The caller gives the browser its cookie (tRPC
 * through the response headers, route handlers through next/headers).
 */
export async function admitGuestFor(db: DbTx, headers: Headers): Promise<string> {
  const guestId = createGuestId();
  await admitNewGuest(db, guestId, clientIp(headers));
  return guestId;
}
