import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { GET as authGET, POST as authPOST } from "@/app/api/auth/[...nextauth]/route";
import { GET as trpcGET } from "@/app/api/trpc/[trpc]/route";
import { createTestUser } from "~/test/support/callers";
import { createGuestId, encodeGuestCookie } from "./guest-cookie";

const PASSWORD = "a long enough password";

function requestOver(proto: "http" | "https", path: string, init: { cookie?: string; method?: string; body?: BodyInit; contentType?: string } = {}) {
  const headers: Record<string, string> = { host: "files.example", "x-forwarded-proto": proto };
  if (init.cookie) headers.cookie = init.cookie;
  if (init.contentType) headers["content-type"] = init.contentType;
  return new NextRequest(`${proto}://files.example${path}`, { method: init.method ?? "GET", headers, body: init.body });
}

/** A tRPC query that makes a cookieless visitor a guest. */
const listChats = (proto: "http" | "https", cookie?: string) => trpcGET(requestOver(proto, "/api/trpc/chat.list?input=%7B%22json%22%3A%7B%7D%7D", { cookie }));

const setCookie = (response: Response, prefix: string) => response.headers.getSetCookie().find((line) => line.startsWith(prefix));

describe("the guest cookie", () => {
  it("is __Host-ff_guest over HTTPS: Secure, Path=/, no Domain", async () => {
    const line = setCookie(await listChats("https"), "__Host-ff_guest=");
    expect(line).toBeDefined();
    expect(line).toMatch(/; Path=\/(;|$)/);
    expect(line).toContain("Secure");
    expect(line).toContain("HttpOnly");
    expect(line).not.toMatch(/domain=/i);
  });

  it("keeps the plain ff_guest name over plain HTTP (localhost)", async () => {
    const response = await listChats("http");
    expect(setCookie(response, "ff_guest=")).toBeDefined();
    expect(setCookie(response, "__Host-")).toBeUndefined();
  });

  it("over HTTPS ignores a planted plain ff_guest and honours the __Host- one", async () => {
    const planted = `ff_guest=${encodeGuestCookie(createGuestId())}`;
    // A planted guest id is not adopted: the visitor is made a fresh guest.
    expect(setCookie(await listChats("https", planted), "__Host-ff_guest=")).toBeDefined();
    const own = `__Host-ff_guest=${encodeGuestCookie(createGuestId())}`;
    expect(setCookie(await listChats("https", own), "__Host-ff_guest=")).toBeUndefined();
  });
});

describe("Auth.js cookies over HTTPS", () => {
  it("uses the __Host- CSRF cookie and the __Secure- session cookie, both Secure", async () => {
    const csrf = await authGET(requestOver("https", "/api/auth/csrf"));
    const csrfLine = setCookie(csrf, "__Host-authjs.csrf-token=");
    expect(csrfLine).toContain("Secure");
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };

    const user = await createTestUser({ password: PASSWORD });
    const response = await authPOST(
      requestOver("https", "/api/auth/callback/credentials", {
        method: "POST",
        cookie: String(csrfLine).split(";")[0],
        contentType: "application/x-www-form-urlencoded",
        body: new URLSearchParams({ email: String(user.email), password: PASSWORD, csrfToken, callbackUrl: "/dashboard" }),
      }),
    );
    const session = setCookie(response, "__Secure-authjs.session-token=");
    expect(session).toBeDefined();
    expect(session).toContain("Secure");
    expect(response.headers.getSetCookie().some((line) => line.startsWith("authjs.session-token="))).toBe(false);
  });
});
