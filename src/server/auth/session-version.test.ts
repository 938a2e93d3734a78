import { createId } from "@paralleldrive/cuid2";
import { encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { Browser } from "~/test/support/browser-session";
import { createTestUser } from "~/test/support/callers";

const PASSWORD = "the right password";
const SESSION_COOKIE = "authjs.session-token";

/** One account signed in from two browsers ("laptop" and "phone"), through the real sign-in route. */
async function signedInTwice(role: "USER" | "ADMIN" = "USER") {
  const user = await createTestUser({ password: PASSWORD, role });
  const email = String(user.email);
  return { user, laptop: await Browser.signIn(email, PASSWORD), phone: await Browser.signIn(email, PASSWORD) };
}

/** Signed out as a browser would notice: no session, a guest to tRPC, settings refused. */
async function expectSignedOut(browser: Browser) {
  expect(await browser.session()).toBeNull();
  expect((await browser.trpc("viewer.get")).data).toEqual({ kind: "guest", role: "GUEST" });
  const settings = await browser.trpc("settings.get");
  expect(settings.status).toBe(401);
  expect(settings.error?.data.code).toBe("UNAUTHORIZED");
}

async function expectSignedInAs(browser: Browser, user: { id: string }, email?: string) {
  const session = await browser.session();
  expect(session?.user).toMatchObject({ id: user.id, ...(email ? { email } : {}) });
  expect((await browser.trpc("viewer.get")).data).toMatchObject({ kind: "user", id: user.id });
  expect((await browser.trpc("settings.get")).status).toBe(200);
}

describe("session versions: a session ends when its account's sessions are revoked", () => {
  it("a password change on the phone signs the laptop out; the phone stays signed in", async () => {
    const { user, laptop, phone } = await signedInTwice();
    await expectSignedInAs(laptop, user);

    const changed = await phone.trpc("settings.changePassword", { currentPassword: PASSWORD, newPassword: "a brand new password" }, "mutation");
    expect(changed.status).toBe(200);

    await expectSignedOut(laptop);
    await expectSignedInAs(phone, user);
  });

  it("an email change on the phone signs the laptop out; the phone keeps a re-issued session with the new address", async () => {
    const { user, laptop, phone } = await signedInTwice();
    const before = phone.cookie(SESSION_COOKIE);
    const email = `moved-${createId()}@example.test`;

    const changed = await phone.trpc("settings.changeEmail", { email, currentPassword: PASSWORD }, "mutation");
    expect(changed).toMatchObject({ status: 200, data: { email } });
    expect(phone.cookie(SESSION_COOKIE)).toBeDefined();
    expect(phone.cookie(SESSION_COOKIE)).not.toBe(before);

    await expectSignedOut(laptop);
    await expectSignedInAs(phone, user, email);
    // The old cookie the phone held before the change is as dead as the laptop's.
    await expectSignedOut(Browser.withCookie(SESSION_COOKIE, String(before)));
  });

  it("sign out everywhere ends the session on both browsers, the one that asked included", async () => {
    const { laptop, phone } = await signedInTwice();
    const answer = await phone.trpc("settings.signOutEverywhere", undefined, "mutation");
    expect(answer).toMatchObject({ status: 200, data: { signedOut: true } });
    await expectSignedOut(phone);
    await expectSignedOut(laptop);
  });

  it("an administrator disabling the account signs it out, and re-enabling does not bring the old session back", async () => {
    const { user, laptop } = await signedInTwice();
    const admin = await createTestUser({ password: PASSWORD, role: "ADMIN" });
    const adminBrowser = await Browser.signIn(String(admin.email), PASSWORD);

    expect((await adminBrowser.trpc("admin.setUserDisabled", { userId: user.id, disabled: true }, "mutation")).status).toBe(200);
    await expectSignedOut(laptop);

    expect((await adminBrowser.trpc("admin.setUserDisabled", { userId: user.id, disabled: false }, "mutation")).status).toBe(200);
    await expectSignedOut(laptop);
    // A fresh sign-in works again.
    await expectSignedInAs(await Browser.signIn(String(user.email), PASSWORD), user);
  });

  it("deleting the account on the phone ends the laptop's session", async () => {
    const { user, laptop, phone } = await signedInTwice();
    const deleted = await phone.trpc("settings.deleteAccount", { confirmation: String(user.email) }, "mutation");
    expect(deleted.status).toBe(200);
    await expectSignedOut(laptop);
    await expectSignedOut(phone);
  });

  it("a normal session keeps working across requests, untouched by another account signing out everywhere", async () => {
    const { user, laptop } = await signedInTwice();
    const other = await signedInTwice();
    for (let request = 0; request < 3; request++) await expectSignedInAs(laptop, user);

    expect((await other.phone.trpc("settings.signOutEverywhere", undefined, "mutation")).status).toBe(200);
    await expectSignedOut(other.laptop);
    await expectSignedInAs(laptop, user);
  });

  it("a token issued before session versions existed counts as version 0", async () => {
    const user = await createTestUser({ password: PASSWORD });
    // The claims the previous release put in its tokens: no sessionVersion.
    const legacy = await encode({
      token: { sub: user.id, name: user.name, email: user.email, role: "USER" },
      secret: String(process.env.AUTH_SECRET),
      salt: SESSION_COOKIE,
    });
    // A fresh browser each time: a session read re-issues the cookie, with a version.
    await expectSignedInAs(Browser.withCookie(SESSION_COOKIE, legacy), user);

    const fresh = await Browser.signIn(String(user.email), PASSWORD);
    expect((await fresh.trpc("settings.signOutEverywhere", undefined, "mutation")).status).toBe(200);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).sessionVersion).toBe(1);
    await expectSignedOut(Browser.withCookie(SESSION_COOKIE, legacy));
  });
});
