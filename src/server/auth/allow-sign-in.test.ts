import { describe, expect, it } from "vitest";
import { createTestUser } from "~/test/support/callers";
import { createAuthConfig } from "./config";

describe("signIn callback", () => {
  it("refuses a disabled account signing in through OAuth, and lets an active one in", async () => {
    const signIn = createAuthConfig().callbacks?.signIn;
    if (!signIn) throw new Error("no signIn callback");
    const account = { provider: "github", type: "oauth" as const, providerAccountId: "42" };
    const disabled = await createTestUser({ disabled: true });
    const active = await createTestUser();
    expect(await signIn({ user: { id: disabled.id, email: disabled.email }, account })).toBe(false);
    expect(await signIn({ user: { id: active.id, email: active.email }, account })).toBe(true);
    // A first OAuth sign-in has no account row yet.
    expect(await signIn({ user: { email: "new@example.test" }, account })).toBe(true);
  });
});
