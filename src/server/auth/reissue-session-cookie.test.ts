import { decode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { createTestUser } from "~/test/support/callers";
import { reissueSessionCookie } from "./reissue-session-cookie";

const secret = String(process.env.AUTH_SECRET);

async function reissue(userId: string, cookie: string) {
  const resHeaders = new Headers();
  await reissueSessionCookie(db, userId, new Headers({ cookie }), resHeaders);
  return resHeaders.getSetCookie();
}

describe("reissueSessionCookie", () => {
  it("keeps an HTTPS browser's __Secure- cookie name, marks it Secure, and carries the current version", async () => {
    const user = await createTestUser();
    await db.user.update({ where: { id: user.id }, data: { sessionVersion: 3 } });
    const [line, ...rest] = await reissue(user.id, "theme=dark; __Secure-authjs.session-token=old-value");
    expect(rest).toEqual([]);
    expect(line).toMatch(/^__Secure-authjs\.session-token=[^;]+; Path=\/; Expires=[^;]+; HttpOnly; SameSite=Lax; Secure$/);
    const value = String(line).split(";")[0]?.split("=").slice(1).join("=");
    const token = await decode({ token: value, secret, salt: "__Secure-authjs.session-token" });
    expect(token).toMatchObject({ sub: user.id, email: user.email, sessionVersion: 3, role: "USER" });
  });

  it("sets nothing for a request without a session cookie, or for a disabled user", async () => {
    const user = await createTestUser();
    expect(await reissue(user.id, "theme=dark")).toEqual([]);
    const disabled = await createTestUser({ disabled: true });
    expect(await reissue(disabled.id, "authjs.session-token=old-value")).toEqual([]);
  });
});
