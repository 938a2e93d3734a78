import "server-only";

/**
 * One cookie's value from a request's Cookie header, or null. Reading the
 * request's own headers (rather than next/headers) works in every caller:
 * route handlers, server components and tests.
 */
export function readCookie(headers: Headers, name: string): string | null {
  for (const pair of (headers.get("cookie") ?? "").split(";")) {
    const split = pair.indexOf("=");
    if (split < 0 || pair.slice(0, split).trim() !== name) continue;
    const raw = pair.slice(split + 1).trim();
    try {
      return decodeURIComponent(raw);
    } catch {
      return raw;
    }
  }
  return null;
}
