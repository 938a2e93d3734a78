import "server-only";
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { getAuthSecret } from "./secret";

// A guest is a random id in a signed, httpOnly, SameSite=Lax cookie. The
// signature is an HMAC under a key derived from AUTH_SECRET for this purpose
// only, so a guest cookie can never be mistaken for any other signed value.
export const GUEST_COOKIE_NAME = "ff_guest";
export const GUEST_COOKIE_MAX_AGE_SECONDS = 60 * 60 * 24 * 30;

const GUEST_ID_PATTERN = /^g_[A-Za-z0-9_-]{22}$/;

function sign(guestId: string, secret: string): string {
  const key = createHmac("sha256", secret).update("fileforge:guest-cookie:v1").digest();
  return createHmac("sha256", key).update(guestId).digest("base64url");
}

export function createGuestId(): string {
  return `g_${randomBytes(16).toString("base64url")}`;
}

export function encodeGuestCookie(guestId: string, secret = getAuthSecret()): string {
  return `${guestId}.${sign(guestId, secret)}`;
}

/** The guest id inside a cookie value, or null when it is missing or tampered with. */
export function decodeGuestCookie(value: string | undefined, secret = getAuthSecret()): string | null {
  if (!value) return null;
  const dot = value.lastIndexOf(".");
  if (dot <= 0) return null;
  const guestId = value.slice(0, dot);
  if (!GUEST_ID_PATTERN.test(guestId)) return null;
  const given = Buffer.from(value.slice(dot + 1));
  const expected = Buffer.from(sign(guestId, secret));
  return given.length === expected.length && timingSafeEqual(given, expected) ? guestId : null;
}

/** A Set-Cookie header value for a guest id. */
export function serializeGuestCookie(guestId: string, options: { secure: boolean }): string {
  const parts = [
    `${GUEST_COOKIE_NAME}=${encodeGuestCookie(guestId)}`,
    "Path=/",
    "HttpOnly",
    "SameSite=Lax",
    `Max-Age=${GUEST_COOKIE_MAX_AGE_SECONDS}`,
  ];
  if (options.secure) parts.push("Secure");
  return parts.join("; ");
}

export function serializeClearedGuestCookie(): string {
  return `${GUEST_COOKIE_NAME}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0`;
}
