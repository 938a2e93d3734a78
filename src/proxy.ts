import { type NextRequest, NextResponse } from "next/server";
import {
  API_CONTENT_SECURITY_POLICY,
  baselineSecurityHeaders,
  createNonce,
  pageContentSecurityPolicy,
} from "@/server/http/security-headers";

/**
 * Security headers on every answer. Pages get a CSP with a nonce made for this
 * request: Next reads it from the request's Content-Security-Policy header and
 * stamps it on the scripts it renders, so pages render per request (the root
 * layout reads the nonce). API routes get a deny-all policy unless they set
 * their own (downloads sandbox theirs).
 */
export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  const baseline = baselineSecurityHeaders(request.headers, request.url);
  if (pathname.startsWith("/api/")) {
    const response = NextResponse.next();
    for (const [name, value] of Object.entries(baseline)) response.headers.set(name, value);
    response.headers.set("content-security-policy", API_CONTENT_SECURITY_POLICY);
    return response;
  }
  const nonce = createNonce();
  const policy = pageContentSecurityPolicy(nonce);
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(baseline)) response.headers.set(name, value);
  response.headers.set("content-security-policy", policy);
  return response;
}

export const config = {
  // Static chunks and images carry no script of ours to police; everything else does.
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
