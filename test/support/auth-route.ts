import { NextRequest } from "next/server";
import { GET, POST } from "@/app/api/auth/[...nextauth]/route";

const ORIGIN = "http://localhost:3000";

/** A CSRF token and its cookie, as a browser holds them before posting a sign-in form. */
async function csrf() {
  const response = await GET(new NextRequest(`${ORIGIN}/api/auth/csrf`));
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return { csrfToken, cookie: response.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ") };
}

/**
 * Posts a form to next-auth's real route handler, the way the sign-in form
 * (X-Auth-Return-Redirect: JSON answer) or a script (redirect) does.
 * `ip` arrives as X-Forwarded-For from one trusted proxy, `userAgent` as User-Agent.
 */
export async function postSignIn(
  provider: "credentials" | "one-time-link",
  fields: Record<string, string>,
  options: { ip?: string; json?: boolean; callbackUrl?: string; userAgent?: string } = {},
) {
  const { csrfToken, cookie } = await csrf();
  const headers: Record<string, string> = { "content-type": "application/x-www-form-urlencoded", cookie };
  if (options.ip) headers["x-forwarded-for"] = options.ip;
  if (options.json) headers["x-auth-return-redirect"] = "1";
  if (options.userAgent) headers["user-agent"] = options.userAgent;
  const response = await POST(
    new NextRequest(`${ORIGIN}/api/auth/callback/${provider}`, {
      method: "POST",
      headers,
      body: new URLSearchParams({ ...fields, csrfToken, callbackUrl: options.callbackUrl ?? `${ORIGIN}/dashboard` }),
    }),
  );
  const signedIn = response.headers.getSetCookie().some((c) => c.startsWith("authjs.session-token="));
  return { response, signedIn, location: response.headers.get("location") };
}
