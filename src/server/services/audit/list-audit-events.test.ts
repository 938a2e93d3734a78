import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { callerFor, createTestUser } from "~/test/support/callers";

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000);

/** A user with five events on their account, one a minute, the newest a minute ago. */
async function userWithHistory() {
  const user = await createTestUser();
  const actions = ["auth.sign_in_failed", "auth.sign_in", "account.password_changed", "auth.sign_in", "account.signed_out_everywhere"];
  await db.auditEvent.createMany({
    data: actions.map((action, i) => ({
      action,
      subjectUserId: user.id,
      actorUserId: action === "auth.sign_in_failed" ? null : user.id,
      actorEmail: action === "auth.sign_in_failed" ? null : user.email,
      createdAt: minutesAgo(actions.length - i),
    })),
  });
  return user;
}

async function adminCaller() {
  const admin = await createTestUser({ role: "ADMIN" });
  return callerFor({ sessionUserId: admin.id }).caller;
}

describe("admin.auditEvents", () => {
  it("filters by a part of the user's email, newest first, with the subject's email", async () => {
    const user = await userWithHistory();
    const caller = await adminCaller();
    const page = await caller.admin.auditEvents({ userEmail: (user.email ?? "").slice(0, -3).toUpperCase(), limit: 50 });
    expect(page.items.map((item) => item.action)).toEqual([
      "account.signed_out_everywhere", "auth.sign_in", "account.password_changed", "auth.sign_in", "auth.sign_in_failed",
    ]);
    expect(page.items.every((item) => item.subjectEmail === user.email)).toBe(true);
    expect(page.nextCursor).toBeNull();
  });

  it("filters by action and date range", async () => {
    const user = await userWithHistory();
    const caller = await adminCaller();
    const signIns = await caller.admin.auditEvents({ userId: user.id, action: "auth.sign_in", limit: 50 });
    expect(signIns.items).toHaveLength(2);
    // Events 4 and 3 minutes ago (the failure at 5 minutes and those at 2 and 1 fall outside).
    const range = await caller.admin.auditEvents({ userId: user.id, from: minutesAgo(4.5), to: minutesAgo(2.5), limit: 50 });
    expect(range.items.map((item) => item.action)).toEqual(["account.password_changed", "auth.sign_in"]);
  });

  it("pages with a cursor without repeating or skipping an event", async () => {
    const user = await userWithHistory();
    const caller = await adminCaller();
    const first = await caller.admin.auditEvents({ userId: user.id, limit: 2 });
    const second = await caller.admin.auditEvents({ userId: user.id, limit: 2, cursor: first.nextCursor });
    const third = await caller.admin.auditEvents({ userId: user.id, limit: 2, cursor: second.nextCursor });
    const ids = [...first.items, ...second.items, ...third.items].map((item) => item.id);
    expect(new Set(ids).size).toBe(5);
    expect(third.nextCursor).toBeNull();
  });

  it("is refused to a signed-in user who is not an admin, and to a visitor", async () => {
    const user = await createTestUser({ role: "PREMIUM" });
    expect(await callerFor({ sessionUserId: user.id }).caller.admin.auditEvents({ limit: 10 }).catch((e: unknown) => e)).toMatchObject({ code: "FORBIDDEN" });
    expect(await callerFor().caller.admin.auditEvents({ limit: 10 }).catch((e: unknown) => e)).toMatchObject({ code: "UNAUTHORIZED" });
  });
});
