import { createId } from "@paralleldrive/cuid2";
import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { callerFor, createTestUser } from "~/test/support/callers";
import { setupTempStorage } from "~/test/support/temp-storage";

const UA = "Mozilla/5.0 (Macintosh) AccountAudit/2.0";
const uniqueIp = () => `192.0.2.${Math.floor(Math.random() * 250) + 1}`;

/** A signed-in user's tRPC caller whose requests come from `ip` with the test user agent. */
function signedIn(userId: string, ip: string) {
  return callerFor({ sessionUserId: userId, headers: new Headers({ "x-forwarded-for": ip, "user-agent": UA }) }).caller;
}

const eventsFor = (subjectUserId: string) =>
  db.auditEvent.findMany({ where: { subjectUserId }, orderBy: { createdAt: "asc" } });

describe("account changes in the audit log (settings procedures)", () => {
  setupTempStorage();

  it("records a password change with the caller as actor, IP and user agent, and never the password", async () => {
    const user = await createTestUser({ password: "old password" });
    const ip = uniqueIp();
    const secret = `new-${createId()}`;
    await signedIn(user.id, ip).settings.changePassword({ currentPassword: "old password", newPassword: secret });
    const [event] = await eventsFor(user.id);
    expect(event).toMatchObject({
      action: "account.password_changed",
      actorUserId: user.id,
      actorEmail: user.email,
      ip,
      userAgent: UA,
      details: { firstPassword: false },
    });
    expect(JSON.stringify(event)).not.toContain(secret);
    expect(JSON.stringify(event)).not.toContain("old password");
  });

  it("records nothing when the change is refused (wrong current password)", async () => {
    const user = await createTestUser({ password: "old password" });
    const refused = await signedIn(user.id, uniqueIp()).settings.changePassword({ currentPassword: "nope", newPassword: "a new password" }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: "FORBIDDEN" });
    expect(await eventsFor(user.id)).toEqual([]);
  });

  it("records an email change with the old and new address", async () => {
    const user = await createTestUser({ password: "old password" });
    const next = `moved-${createId()}@example.test`;
    const ip = uniqueIp();
    await signedIn(user.id, ip).settings.changeEmail({ email: next, currentPassword: "old password" });
    const [event] = await eventsFor(user.id);
    expect(event).toMatchObject({ action: "account.email_changed", ip, userAgent: UA, details: { from: user.email, to: next } });
  });

  it("records signing out everywhere", async () => {
    const user = await createTestUser();
    const ip = uniqueIp();
    await signedIn(user.id, ip).settings.signOutEverywhere();
    expect(await eventsFor(user.id)).toMatchObject([{ action: "account.signed_out_everywhere", actorUserId: user.id, ip, userAgent: UA }]);
  });

  it("records an account deletion, kept after the account is gone with the email snapshot", async () => {
    const user = await createTestUser();
    const ip = uniqueIp();
    await signedIn(user.id, ip).settings.deleteAccount({ confirmation: user.email ?? "" });
    expect(await db.user.count({ where: { id: user.id } })).toBe(0);
    expect(await eventsFor(user.id)).toMatchObject([
      { action: "account.deleted", actorUserId: user.id, actorEmail: user.email, ip, userAgent: UA, details: { email: user.email, files: 0 } },
    ]);
  });

  it("shortens a huge user agent to 512 characters", async () => {
    const user = await createTestUser();
    const headers = new Headers({ "x-forwarded-for": uniqueIp(), "user-agent": "x".repeat(5000) });
    await callerFor({ sessionUserId: user.id, headers }).caller.settings.signOutEverywhere();
    const [event] = await eventsFor(user.id);
    expect(event?.userAgent).toHaveLength(512);
  });
});

describe("settings.recentSignIns", () => {
  it("lists the caller's own sign-ins and failed attempts, newest first, and no one else's", async () => {
    const me = await createTestUser();
    const other = await createTestUser();
    const at = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000);
    await db.auditEvent.createMany({
      data: [
        { action: "auth.sign_in", subjectUserId: me.id, actorUserId: me.id, ip: "203.0.113.1", userAgent: UA, details: { method: "credentials" }, createdAt: at(10) },
        { action: "auth.sign_in_failed", subjectUserId: me.id, ip: "203.0.113.2", details: { method: "credentials" }, createdAt: at(5) },
        // Not a sign-in: stays out of this list.
        { action: "account.password_changed", subjectUserId: me.id, actorUserId: me.id, createdAt: at(4) },
        { action: "auth.sign_in", subjectUserId: other.id, actorUserId: other.id, ip: "203.0.113.9", createdAt: at(1) },
      ],
    });
    const mine = await callerFor({ sessionUserId: me.id }).caller.settings.recentSignIns();
    expect(mine.map(({ succeeded, ip, method }) => ({ succeeded, ip, method }))).toEqual([
      { succeeded: false, ip: "203.0.113.2", method: "credentials" },
      { succeeded: true, ip: "203.0.113.1", method: "credentials" },
    ]);
    const theirs = await callerFor({ sessionUserId: other.id }).caller.settings.recentSignIns();
    expect(theirs.map((row) => row.ip)).toEqual(["203.0.113.9"]);
  });

  it("refuses a visitor who is not signed in", async () => {
    expect(await callerFor().caller.settings.recentSignIns().catch((e: unknown) => e)).toMatchObject({ code: "UNAUTHORIZED" });
  });
});
