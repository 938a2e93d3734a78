import "server-only";
import { env } from "@/env";

/**
 * Whether the browser reached this site over HTTPS, decided the way Auth.js
 * decides its secure cookie names: AUTH_URL's scheme when it is set, else the
 * request's URL or the proxy's X-Forwarded-Proto. Only cookie attributes hang
 * on this, so a client that lies here only breaks its own cookies.
 */
export function requestIsHttps(headers: Headers, url?: string): boolean {
  if (env.AUTH_URL) return env.AUTH_URL.startsWith("https:");
  if (url && url.startsWith("https:")) return true;
  const proto = headers.get("x-forwarded-proto")?.split(",")[0]?.trim().toLowerCase();
  return proto === "https" || (headers.get("origin") ?? "").startsWith("https:");
}
