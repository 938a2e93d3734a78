import "server-only";
import { env } from "@/env";
import { getStorageMode } from "@/server/storage/storage-mode";
import { requestIsHttps } from "./request-is-https";

// Where browsers send uploads when UploadThing holds the files: the client PUTs
// each file straight to its regional ingest server.
const UPLOADTHING_CONNECT = ["https://*.ingest.uploadthing.com", "https://api.uploadthing.com"];

/** Origins a page may fetch from besides its own: exactly the parts this instance is configured with. */
export function connectSources(): string[] {
  return getStorageMode().driver === "uploadthing" ? UPLOADTHING_CONNECT : [];
}

/**
 * The policy for HTML pages. Scripts run only with this request's nonce (Next
 * stamps it on its own scripts, next-themes on its inline one); 'strict-dynamic'
 * lets those load the chunks they import. Styles allow inline attributes:
 * Radix and our progress bars position with style="", which carries no script.
 * Development adds 'unsafe-eval' (React rebuilds server stacks with eval there).
 */
export function pageContentSecurityPolicy(nonce: string, development = env.NODE_ENV === "development"): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    `connect-src ${["'self'", ...connectSources()].join(" ")}`,
    "media-src 'self' blob:",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ];
  return directives.join("; ");
}

/**
 * API answers are data, never documents: nothing may load from them or frame
 * them, and one opened as a page (a downloaded SVG or HTML file) runs sandboxed,
 * without our origin. It replaces any policy a route sets itself.
 */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'; sandbox";

/** Headers every answer carries, pages and API alike. */
export function baselineSecurityHeaders(headers: Headers, url?: string): Record<string, string> {
  const baseline: Record<string, string> = {
    "referrer-policy": "strict-origin-when-cross-origin",
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "permissions-policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
    "cross-origin-opener-policy": "same-origin",
  };
  // Only over HTTPS: a browser that saw HSTS on plain http would lock itself out of a local instance.
  if (requestIsHttps(headers, url)) baseline["strict-transport-security"] = "max-age=31536000; includeSubDomains";
  return baseline;
}

/** A fresh, unguessable nonce per HTML response. */
export function createNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}
