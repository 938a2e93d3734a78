import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { verifyPassword } from "@/server/auth/password";
import { db } from "@/server/db";
import { callerFor, createTestUser } from "~/test/support/callers";

const codeOf = (error: unknown) => (error instanceof TRPCError ? error.code : error);

async function signedIn(input: Parameters<typeof createTestUser>[0] = {}) {
  const user = await createTestUser(input);
  return { user, caller: callerFor({ sessionUserId: user.id }).caller };
}

describe("settings.get and settings.updateProfile", () => {
  it("shows the profile without the hash, and saves a trimmed name", async () => {
    const { user, caller } = await signedIn({ password: "old password" });
    expect(await caller.settings.get()).toMatchObject({ name: "Test User", email: user.email, hasPassword: true, accounts: [] });

    expect(await caller.settings.updateProfile({ name: "  Ada Lovelace " })).toEqual({ name: "Ada Lovelace" });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).name).toBe("Ada Lovelace");
    expect(await caller.viewer.get()).toMatchObject({ name: "Ada Lovelace" });
  });

  it("rejects an empty name and refuses visitors", async () => {
    const { caller } = await signedIn();
    expect(codeOf(await caller.settings.updateProfile({ name: "   " }).catch((e: unknown) => e))).toBe("BAD_REQUEST");
    expect(codeOf(await callerFor().caller.settings.get().catch((e: unknown) => e))).toBe("UNAUTHORIZED");
  });
});

describe("settings.changeEmail", () => {
  it("needs the current password, normalizes the address and clears verification", async () => {
    const { user, caller } = await signedIn({ password: "old password" });
    await db.user.update({ where: { id: user.id }, data: { emailVerified: new Date() } });
    const next = `moved-${user.id}@example.test`;

    const missing = await caller.settings.changeEmail({ email: next }).catch((e: unknown) => e);
    expect(missing).toMatchObject({ code: "BAD_REQUEST", message: "Enter your current password." });
    const wrong = await caller.settings.changeEmail({ email: next, currentPassword: "nope" }).catch((e: unknown) => e);
    expect(wrong).toMatchObject({ code: "FORBIDDEN", message: "Your current password is not correct." });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe(user.email);

    expect(await caller.settings.changeEmail({ email: ` ${next.toUpperCase()} `, currentPassword: "old password" })).toEqual({ email: next });
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({ email: next, emailVerified: null });
  });

  it("refuses an address another account uses, with a readable CONFLICT", async () => {
    const other = await createTestUser();
    const { user, caller } = await signedIn({ password: "old password" });
    const error = await caller.settings.changeEmail({ email: other.email ?? "", currentPassword: "old password" }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "CONFLICT", message: "Another account already uses this email address." });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe(user.email);
  });

  it("lets an OAuth-only account (no password) change it without one; rejects a malformed address", async () => {
    const { user, caller } = await signedIn();
    const next = `oauth-${user.id}@example.test`;
    expect(await caller.settings.changeEmail({ email: next })).toEqual({ email: next });
    const bad = await caller.settings.changeEmail({ email: "not an email" }).catch((e: unknown) => e);
    expect(bad).toMatchObject({ code: "BAD_REQUEST" });
    expect(bad instanceof TRPCError && bad.message).toMatch(/valid email/);
  });
});

describe("settings.changePassword", () => {
  it("requires the right current password and validates the new one like sign-up", async () => {
    const { user, caller } = await signedIn({ password: "old password" });
    const wrong = await caller.settings.changePassword({ currentPassword: "wrong one", newPassword: "brand new pass" }).catch((e: unknown) => e);
    expect(codeOf(wrong)).toBe("FORBIDDEN");
    const short = await caller.settings.changePassword({ currentPassword: "old password", newPassword: "short" }).catch((e: unknown) => e);
    expect(short instanceof TRPCError && short.message).toMatch(/at least 8 characters/);

    expect(await caller.settings.changePassword({ currentPassword: "old password", newPassword: "brand new pass" })).toEqual({ hasPassword: true });
    const { passwordHash } = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await verifyPassword(passwordHash ?? "", "brand new pass")).toBe(true);
    expect(await verifyPassword(passwordHash ?? "", "old password")).toBe(false);
  });

  it("lets an OAuth-only account set its first password", async () => {
    const { caller } = await signedIn();
    await caller.settings.changePassword({ newPassword: "first password" });
    expect((await caller.settings.get()).hasPassword).toBe(true);
  });
});

describe("settings.unlinkAccount", () => {
  const link = (userId: string, provider: string) =>
    db.account.create({ data: { userId, provider, providerAccountId: `${provider}-${userId}`, type: "oauth" } });

  it("unlinks a provider when another way to sign in remains, never the last one", async () => {
    const { user, caller } = await signedIn();
    await link(user.id, "github");
    await link(user.id, "google");
    expect((await caller.settings.get()).accounts.map((account) => account.provider).sort()).toEqual(["github", "google"]);

    expect(await caller.settings.unlinkAccount({ provider: "github" })).toEqual({ provider: "github" });
    const last = await caller.settings.unlinkAccount({ provider: "google" }).catch((e: unknown) => e);
    expect(last).toMatchObject({ code: "CONFLICT" });
    expect(last instanceof TRPCError && last.message).toMatch(/only way to sign in/);
    expect(await db.account.count({ where: { userId: user.id } })).toBe(1);

    await caller.settings.changePassword({ newPassword: "now I have one" });
    await caller.settings.unlinkAccount({ provider: "google" });
    expect(await db.account.count({ where: { userId: user.id } })).toBe(0);
  });

  it("cannot touch another user's linked account", async () => {
    const owner = await createTestUser({ password: "owner password" });
    await link(owner.id, "github");
    const { caller } = await signedIn({ password: "intruder password" });
    expect(codeOf(await caller.settings.unlinkAccount({ provider: "github" }).catch((e: unknown) => e))).toBe("NOT_FOUND");
    expect(await db.account.count({ where: { userId: owner.id } })).toBe(1);
  });
});

describe("settings.signOutEverywhere", () => {
  it("moves only the caller's session version on, and refuses visitors", async () => {
    const { user, caller } = await signedIn();
    const bystander = await createTestUser();
    expect(await caller.settings.signOutEverywhere()).toEqual({ signedOut: true });
    expect(await caller.settings.signOutEverywhere()).toEqual({ signedOut: true });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).sessionVersion).toBe(2);
    expect((await db.user.findUniqueOrThrow({ where: { id: bystander.id } })).sessionVersion).toBe(0);
    expect(codeOf(await callerFor().caller.settings.signOutEverywhere().catch((e: unknown) => e))).toBe("UNAUTHORIZED");
  });
});
