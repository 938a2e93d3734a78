import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { createStorageKey } from "@/server/storage/create-storage-key";
import { createTestUser } from "~/test/support/callers";
import { createGuestId, encodeGuestCookie, GUEST_COOKIE_NAME, SECURE_GUEST_COOKIE_NAME } from "./guest-cookie";
import { handleSignIn } from "./handle-sign-in";

function cookieJar(values: Record<string, string>, secure = false) {
  const jar = new Map(Object.entries(values));
  return {
    secure,
    get: (name: string) => (jar.has(name) ? { value: jar.get(name) ?? "" } : undefined),
    delete: (name: string) => jar.delete(name),
    has: (name: string) => jar.has(name),
  };
}

async function guestWork(guestId: string) {
  const file = await db.file.create({
    data: {
      guestId, storageKey: createStorageKey(), name: "scan.pdf", size: 10, mimeType: "application/pdf", sha256: "x",
      expiresAt: new Date(Date.now() + 3600_000),
    },
  });
  const job = await db.job.create({ data: { guestId, tool: "pdf.merge", options: {}, expiresAt: file.expiresAt } });
  await db.chat.create({ data: { guestId, title: "About the scan", expiresAt: file.expiresAt, files: { create: { fileId: file.id } } } });
  return { file, job };
}

describe("handleSignIn", () => {
  it("moves a guest's files and jobs to the account, stops their expiry and retires the cookie (credentials sign-up)", async () => {
    const guestId = createGuestId();
    const { file, job } = await guestWork(guestId);
    const user = await createTestUser({ password: "a password" });
    const cookies = cookieJar({ [GUEST_COOKIE_NAME]: encodeGuestCookie(guestId) });

    expect(await handleSignIn(db, cookies, user)).toEqual({ files: 1, jobs: 1, chats: 1 });
    expect(await db.file.findUniqueOrThrow({ where: { id: file.id } })).toMatchObject({ userId: user.id, guestId: null, expiresAt: null });
    expect(await db.job.findUniqueOrThrow({ where: { id: job.id } })).toMatchObject({ userId: user.id, guestId: null, expiresAt: null });
    expect(cookies.has(GUEST_COOKIE_NAME)).toBe(false);
  });

  it("works the same for an account created through OAuth (no password), and leaves an unproven ADMIN_EMAILS address a USER", async () => {
    const guestId = createGuestId();
    const { file } = await guestWork(guestId);
    const oauthUser = await createTestUser();
    const cookies = cookieJar({ [GUEST_COOKIE_NAME]: encodeGuestCookie(guestId) });

    await handleSignIn(db, cookies, oauthUser, { adminEmails: [oauthUser.email ?? ""], smtpConfigured: false });
    expect((await db.file.findUniqueOrThrow({ where: { id: file.id } })).userId).toBe(oauthUser.id);
    expect((await db.user.findUniqueOrThrow({ where: { id: oauthUser.id } })).role).toBe("USER");
  });

  it("ignores a tampered guest cookie and never takes another account's rows", async () => {
    const guestId = createGuestId();
    const { file } = await guestWork(guestId);
    const owner = await createTestUser();
    await db.file.update({ where: { id: file.id }, data: { userId: owner.id } });
    const thief = await createTestUser();

    const forged = cookieJar({ [GUEST_COOKIE_NAME]: `${guestId}.forged-signature` });
    expect(await handleSignIn(db, forged, thief)).toEqual({ files: 0, jobs: 0, chats: 0 });
    const valid = cookieJar({ [GUEST_COOKIE_NAME]: encodeGuestCookie(guestId) });
    await handleSignIn(db, valid, thief);
    expect((await db.file.findUniqueOrThrow({ where: { id: file.id } })).userId).toBe(owner.id);
  });

  it("over HTTPS claims only the __Host- guest cookie, and retires it", async () => {
    const guestId = createGuestId();
    const { file } = await guestWork(guestId);
    const user = await createTestUser();
    const planted = cookieJar({ [GUEST_COOKIE_NAME]: encodeGuestCookie(guestId) }, true);
    expect(await handleSignIn(db, planted, user)).toEqual({ files: 0, jobs: 0, chats: 0 });
    const secure = cookieJar({ [SECURE_GUEST_COOKIE_NAME]: encodeGuestCookie(guestId) }, true);
    await handleSignIn(db, secure, user);
    expect((await db.file.findUniqueOrThrow({ where: { id: file.id } })).userId).toBe(user.id);
    expect(secure.has(SECURE_GUEST_COOKIE_NAME)).toBe(false);
  });
});
