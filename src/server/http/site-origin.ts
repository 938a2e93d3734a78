import "server-only";
import { env } from "@/env";
import { requestIsHttps } from "./request-is-https";

/**
 * This site's public origin, for absolute links in page metadata (Open Graph
 * images must be absolute): AUTH_URL when set, else the host the browser asked
 * for. A forged Host header only changes the forger's own page.
 */
export function siteOrigin(headers: Headers): URL {
  if (env.AUTH_URL) return new URL(new URL(env.AUTH_URL).origin);
  const host = headers.get("x-forwarded-host")?.split(",")[0]?.trim() || headers.get("host") || "localhost:3000";
  try {
    return new URL(`${requestIsHttps(headers) ? "https" : "http"}://${host}`);
  } catch {
    return new URL("http://localhost:3000");
  }
}
