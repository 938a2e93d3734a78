import { createId } from "@paralleldrive/cuid2";
import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { issueSignInToken } from "@/server/services/admin/operator-admin";
import { postSignIn } from "~/test/support/auth-route";
import { createTestUser } from "~/test/support/callers";

const RIGHT = "the right password";
const uniqueIp = () => `198.51.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
const UA = "Mozilla/5.0 (X11; Linux x86_64) AuditTest/1.0";

const eventsAbout = (where: { subjectUserId?: string | null; ip?: string }) =>
  db.auditEvent.findMany({ where, orderBy: { createdAt: "asc" } });

describe("sign-in audit events, through the Auth.js route", () => {
  it("records a credentials sign-in with the client's IP and user agent", async () => {
    const user = await createTestUser({ password: RIGHT });
    const ip = uniqueIp();
    const result = await postSignIn("credentials", { email: String(user.email), password: RIGHT }, { ip, userAgent: UA });
    expect(result.signedIn).toBe(true);
    const [event] = await eventsAbout({ subjectUserId: user.id });
    expect(event).toMatchObject({
      action: "auth.sign_in",
      actorUserId: user.id,
      actorEmail: user.email,
      ip,
      userAgent: UA,
      details: { method: "credentials" },
    });
  });

  it("records a wrong password against the account and an unknown email against no one, never with the password", async () => {
    const user = await createTestUser({ password: RIGHT });
    const wrongIp = uniqueIp();
    const unknownIp = uniqueIp();
    const guess = `guess-${createId()}`;
    await postSignIn("credentials", { email: String(user.email), password: guess }, { ip: wrongIp, userAgent: UA });
    const ghost = `ghost-${createId()}@example.test`;
    await postSignIn("credentials", { email: ghost, password: guess }, { ip: unknownIp, userAgent: UA });

    const [wrong] = await eventsAbout({ ip: wrongIp });
    expect(wrong).toMatchObject({ action: "auth.sign_in_failed", subjectUserId: user.id, actorUserId: null, userAgent: UA });
    expect(wrong?.details).toMatchObject({ method: "credentials", reason: "invalid_credentials" });

    const [unknown] = await eventsAbout({ ip: unknownIp });
    expect(unknown).toMatchObject({ action: "auth.sign_in_failed", subjectUserId: null, actorUserId: null, actorEmail: null });
    expect((unknown?.details as { emailHash?: string }).emailHash).toMatch(/^[0-9a-f]{32}$/);

    // Neither the password nor the unknown address is stored anywhere in the rows.
    const stored = JSON.stringify([wrong, unknown]);
    expect(stored).not.toContain(guess);
    expect(stored).not.toContain(ghost);
  });

  it("records a one-time-link sign-in and a spent link", async () => {
    const user = await createTestUser();
    const token = await issueSignInToken(db, String(user.email));
    const ip = uniqueIp();
    expect((await postSignIn("one-time-link", { token }, { ip, userAgent: UA })).signedIn).toBe(true);
    expect((await postSignIn("one-time-link", { token }, { ip, userAgent: UA })).signedIn).toBe(false);
    const events = await eventsAbout({ ip });
    expect(events.map((event) => [event.action, event.subjectUserId])).toEqual([
      ["auth.sign_in", user.id],
      ["auth.sign_in_failed", null],
    ]);
    expect(events[0]?.details).toMatchObject({ method: "one-time-link" });
    expect(JSON.stringify(events)).not.toContain(token);
  });
});
