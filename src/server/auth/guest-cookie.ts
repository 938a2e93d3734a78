import "server-only";
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { getAuthSecret } from "./secret";

// A guest is a random id in a signed, httpOnly, SameSite=Lax cookie. The
// signature is an HMAC under a key derived from AUTH_SECRET for this purpose
// only, so a guest cookie can never be mistaken for any other signed value.
//
// Over HTTPS the cookie is `__Host-ff_guest`: browsers accept that name only
// with Secure, Path=/ and no Domain, so a sibling subdomain (or a plain-HTTP
// page on the same host) cannot plant a guest id on a visitor and then watch
// what they upload. Over plain HTTP (localhost) the prefix cannot be used.
export const GUEST_COOKIE_NAME = "ff_guest";
export const SECURE_GUEST_COOKIE_NAME = "__Host-ff_guest";
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

/** The guest cookie's name for a site served over HTTPS (`secure`) or plain HTTP. */
export function guestCookieName(secure: boolean): string {
  return secure ? SECURE_GUEST_COOKIE_NAME : GUEST_COOKIE_NAME;
}

/**
 * The guest id a request's cookies carry. Over HTTPS only the `__Host-` name
 * counts, so a planted plain `ff_guest` is ignored there.
 */
export function readGuestId(get: (name: string) => string | null | undefined, secure: boolean): string | null {
  return decodeGuestCookie(get(guestCookieName(secure)) ?? undefined);
}

/** A Set-Cookie header value for a guest id. */
export function serializeGuestCookie(guestId: string, options: { secure: boolean }): string {
  const parts = [
    `${guestCookieName(options.secure)}=${encodeGuestCookie(guestId)}`,
    "Path=/",
    "HttpOnly",
    "SameSite=Lax",
    `Max-Age=${GUEST_COOKIE_MAX_AGE_SECONDS}`,
  ];
  if (options.secure) parts.push("Secure");
  return parts.join("; ");
}

export function serializeClearedGuestCookie(options: { secure: boolean }): string {
  return `${guestCookieName(options.secure)}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0${options.secure ? "; Secure" : ""}`;
}
