import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { createGuestId } from "@/server/auth/guest-cookie";
import { callerFor, createTestUser } from "~/test/support/callers";

describe("actorProcedure", () => {
  it("gives an anonymous visitor a new guest id and issues its cookie", async () => {
    const { caller, issuedGuestIds } = callerFor();
    expect(await caller.viewer.get()).toEqual({ kind: "guest", role: "GUEST" });
    expect(issuedGuestIds).toHaveLength(1);
    expect(issuedGuestIds[0]).toMatch(/^g_/);
  });

  it("keeps a guest who already has a valid cookie", async () => {
    const { caller, issuedGuestIds } = callerFor({ guestId: createGuestId() });
    expect(await caller.viewer.get()).toEqual({ kind: "guest", role: "GUEST" });
    expect(issuedGuestIds).toEqual([]);
  });

  it("resolves a signed-in user with the role from the database", async () => {
    const user = await createTestUser({ role: "PREMIUM" });
    const { caller, issuedGuestIds } = callerFor({ sessionUserId: user.id });
    expect(await caller.viewer.get()).toMatchObject({ kind: "user", id: user.id, role: "PREMIUM" });
    expect(issuedGuestIds).toEqual([]);
  });

  it("treats a session for a deleted user as a guest", async () => {
    const { caller } = callerFor({ sessionUserId: "does-not-exist" });
    expect(await caller.viewer.get()).toEqual({ kind: "guest", role: "GUEST" });
  });

  it("refuses a disabled account with FORBIDDEN", async () => {
    const user = await createTestUser({ disabled: true });
    const error = await callerFor({ sessionUserId: user.id }).caller.viewer.get().catch((e: unknown) => e);
    expect((error as TRPCError).code).toBe("FORBIDDEN");
    expect((error as TRPCError).message).toMatch(/disabled/);
  });
});
