import "server-only";
import { readCookie } from "@/server/http/read-cookie";

/** How long a session lasts without use (Auth.js refreshes the expiry on each session read). */
export const SESSION_MAX_AGE_SECONDS = 60 * 60 * 24 * 30;

// Auth.js's names: the __Secure- one when the site is served over HTTPS.
const SECURE_NAME = "__Secure-authjs.session-token";
const PLAIN_NAME = "authjs.session-token";

/**
 * The session cookie a request carries: its name (which Auth.js also uses as
 * the JWT's salt) and value, or null when it carries none.
 */
export function sessionCookieIn(headers: Headers): { name: string; value: string; secure: boolean } | null {
  for (const name of [SECURE_NAME, PLAIN_NAME]) {
    const value = readCookie(headers, name);
    if (value) return { name, value, secure: name === SECURE_NAME };
  }
  return null;
}

/** A Set-Cookie value with the attributes Auth.js gives its session cookie. */
export function serializeSessionCookie(cookie: { name: string; value: string; secure: boolean }, expires: Date): string {
  const parts = [`${cookie.name}=${cookie.value}`, "Path=/", `Expires=${expires.toUTCString()}`, "HttpOnly", "SameSite=Lax"];
  if (cookie.secure) parts.push("Secure");
  return parts.join("; ");
}
