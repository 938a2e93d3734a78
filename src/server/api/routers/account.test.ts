import { createId } from "@paralleldrive/cuid2";
import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { verifyCredentials } from "@/server/services/account/verify-credentials";
import { createCaller } from "@/server/api/root";
import { createInnerTRPCContext } from "@/server/api/trpc";
import { callerFor } from "~/test/support/callers";

const email = () => `new-${createId()}@example.test`;

describe("account.signUp", () => {
  it("creates a USER with an argon2id hash and a normalized email", async () => {
    const address = email();
    const { caller } = callerFor();
    const created = await caller.account.signUp({ name: " Ada ", email: `  ${address.toUpperCase()} `, password: "long enough" });
    expect(created).toMatchObject({ email: address, name: "Ada" });

    const row = await db.user.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.role).toBe("USER");
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    expect(row.passwordHash).not.toContain("long enough");
  });

  it("refuses a second account with the same email with a readable CONFLICT", async () => {
    const address = email();
    const { caller } = callerFor();
    await caller.account.signUp({ name: "One", email: address, password: "password-1" });
    const error = await caller.account.signUp({ name: "Two", email: address, password: "password-2" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe("CONFLICT");
    expect((error as TRPCError).message).toMatch(/already exists/);
    expect(await db.user.count({ where: { email: address } })).toBe(1);
  });

  it("rejects bad input with field errors and creates nothing", async () => {
    const { caller } = callerFor();
    const error = await caller.account.signUp({ name: "", email: "not-an-email", password: "short" }).catch((e: unknown) => e);
    expect((error as TRPCError).code).toBe("BAD_REQUEST");
    expect(await db.user.count({ where: { email: "not-an-email" } })).toBe(0);
  });
});

describe("verifyCredentials", () => {
  it("accepts the right password only, and never a disabled account", async () => {
    const address = email();
    await callerFor().caller.account.signUp({ name: "Eve", email: address, password: "the right one" });
    expect(await verifyCredentials(db, address, "the right one")).toMatchObject({ email: address, role: "USER" });
    expect(await verifyCredentials(db, address, "the wrong one")).toBeNull();
    expect(await verifyCredentials(db, `missing-${address}`, "the right one")).toBeNull();

    await db.user.update({ where: { email: address }, data: { disabledAt: new Date() } });
    expect(await verifyCredentials(db, address, "the right one")).toBeNull();
  });
});

describe("account.signUp rate limit", () => {
  it("allows 10 sign-ups an hour from one IP, taken emails included, then answers TOO_MANY_REQUESTS", async () => {
    const caller = createCaller(createInnerTRPCContext({ db, headers: new Headers({ "x-forwarded-for": "198.51.100.23" }) }));
    const taken = email();
    await caller.account.signUp({ name: "First", email: taken, password: "long enough" });
    for (let i = 0; i < 9; i++) {
      const result = await caller.account.signUp({ name: "Prober", email: taken, password: "long enough" }).catch((e: unknown) => e);
      expect((result as TRPCError).code).toBe("CONFLICT");
    }
    const eleventh = await caller.account.signUp({ name: "Late", email: email(), password: "long enough" }).catch((e: unknown) => e);
    expect((eleventh as TRPCError).code).toBe("TOO_MANY_REQUESTS");
    expect((eleventh as TRPCError).message).toMatch(/^Too many attempts\. Try again in \d+ min\.$/);
    // Another IP still signs up.
    const other = createCaller(createInnerTRPCContext({ db, headers: new Headers({ "x-forwarded-for": "198.51.100.24" }) }));
    expect(await other.account.signUp({ name: "Other", email: email(), password: "long enough" })).toMatchObject({ name: "Other" });
  });
});
