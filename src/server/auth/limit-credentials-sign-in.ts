import "server-only";
import type { NextRequest } from "next/server";
import { parseTooManyAttemptsCode, tooManyAttemptsCode, tooManyAttemptsMessage } from "@/shared/too-many-attempts";
import { clientIp } from "@/server/quotas/rate-limit";
import { signInLockedFor } from "./sign-in-limits";

type Handler = (request: NextRequest) => Promise<Response>;

function isCredentialsCallback(request: NextRequest): boolean {
  return request.method === "POST" && request.nextUrl.pathname.endsWith("/callback/credentials");
}

function tooManyAttempts(request: NextRequest, retryAfterSeconds: number): Response {
  // next-auth/react's signIn() reads `url` from the JSON body: the code in it
  // carries the wait to the form. Scripts read the status and Retry-After.
  const url = new URL("/sign-in", request.nextUrl.origin);
  url.searchParams.set("error", "CredentialsSignin");
  url.searchParams.set("code", tooManyAttemptsCode(retryAfterSeconds));
  return Response.json(
    { error: tooManyAttemptsMessage(retryAfterSeconds), url: url.toString() },
    { status: 429, headers: { "Retry-After": String(retryAfterSeconds), "Cache-Control": "no-store" } },
  );
}

/** The wait a refused attempt came back with, from next-auth's redirect (Location, or `url` in JSON). */
async function refusedFor(response: Response): Promise<number | null> {
  let target = response.headers.get("location");
  if (!target && response.headers.get("content-type")?.includes("application/json")) {
    target = ((await response.clone().json()) as { url?: string }).url ?? null;
  }
  if (!target) return null;
  return parseTooManyAttemptsCode(new URL(target, "http://x").searchParams.get("code"));
}

/**
 * Wraps next-auth's POST handler so a locked account or IP gets a real 429
 * with Retry-After (next-auth itself would answer a redirect or 200), before
 * any password is hashed. authorize() counts the attempts; this only reads.
 */
export function withSignInLimits(handler: Handler): Handler {
  return async (request) => {
    if (!isCredentialsCallback(request)) return handler(request);
    const form = await request.clone().formData().catch(() => null);
    const email = String(form?.get("email") ?? "");
    const lockedFor = await signInLockedFor(email, clientIp(request.headers));
    if (lockedFor !== null) return tooManyAttempts(request, lockedFor);
    const response = await handler(request);
    // A burst that passed the look above together is refused in authorize().
    const refused = await refusedFor(response);
    return refused === null ? response : tooManyAttempts(request, refused);
  };
}
