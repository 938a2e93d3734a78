import { spawnSync } from "node:child_process";
import { createId } from "@paralleldrive/cuid2";
import { describe, expect, inject, it, vi } from "vitest";

// ADMIN_EMAILS without SMTP_URL: set before src/env.js is imported.
const listed = vi.hoisted(() => {
  const addresses = { signUp: "first-comer@example.test", cli: "operator@example.test", demoted: "demoted@example.test" };
  process.env.ADMIN_EMAILS = Object.values(addresses).join(",");
  delete process.env.SMTP_URL;
  return addresses;
});

import { createCaller } from "@/server/api/root";
import { createInnerTRPCContext } from "@/server/api/trpc";
import { handleSignIn } from "@/server/auth/handle-sign-in";
import { db } from "@/server/db";
import { runAdminCommand } from "~/scripts/admin/run-admin-command";
import { postSignIn } from "~/test/support/auth-route";
import { callerFor, createTestUser } from "~/test/support/callers";

function firstMatch(pattern: RegExp, text: string): string {
  const match = pattern.exec(text)?.[0];
  if (!match) throw new Error(`${pattern} not in: ${text}`);
  return match;
}
const tokenOf = (printed: string) => new URL(firstMatch(/http:\/\/localhost:3000\/sign-in\/one-time\?token=\S+/, printed)).searchParams.get("token") ?? "";
const noCookies = { secure: false, get: () => undefined, delete: () => true };
const roleOf = async (email: string) => (await db.user.findUniqueOrThrow({ where: { email } })).role;
const admin = (input: Omit<Parameters<typeof runAdminCommand>[0], "baseUrl">) => runAdminCommand({ baseUrl: "http://localhost:3000", ...input });

describe("becoming admin without SMTP", () => {
  it("signing up with an ADMIN_EMAILS address without verification does not give admin", async () => {
    const caller = createCaller(createInnerTRPCContext({ db, headers: new Headers({ "x-forwarded-for": "192.0.2.10" }) }));
    await caller.account.signUp({ name: "Squatter", email: listed.signUp, password: "long enough" });
    expect(await roleOf(listed.signUp)).toBe("USER");

    const signedIn = await postSignIn("credentials", { email: listed.signUp, password: "long enough" }, { ip: "192.0.2.10" });
    expect(signedIn.signedIn).toBe(true);
    const user = await db.user.findUniqueOrThrow({ where: { email: listed.signUp } });
    await handleSignIn(db, noCookies, user);
    expect(await roleOf(listed.signUp)).toBe("USER");
    // A verified flag alone is not enough without SMTP: nothing here could have verified it.
    await db.user.update({ where: { id: user.id }, data: { emailVerified: new Date() } });
    await handleSignIn(db, noCookies, user);
    expect(await roleOf(listed.signUp)).toBe("USER");
  });

  it("npm run admin -- create makes an admin who signs in with the password given", async () => {
    const email = `cli-${createId()}@example.test`;
    expect(await admin({ command: "create", email, password: "operator password" })).toMatch(/^Created administrator/);
    const row = await db.user.findUniqueOrThrow({ where: { email } });
    expect(row).toMatchObject({ role: "ADMIN", createdByOperator: true });
    expect(row.emailVerified).not.toBeNull();
    expect((await postSignIn("credentials", { email, password: "operator password" }, { ip: "192.0.2.11" })).signedIn).toBe(true);
    await expect(admin({ command: "create", email })).rejects.toThrow(/already exists/);
  });

  it("the one-time sign-in link works once and then not", async () => {
    const email = `link-${createId()}@example.test`;
    const printed = await admin({ command: "create", email });
    const token = tokenOf(printed);
    expect((await db.verificationToken.findMany({ where: { token } })).length).toBe(0); // stored hashed

    const first = await postSignIn("one-time-link", { token });
    expect(first.signedIn).toBe(true);
    const second = await postSignIn("one-time-link", { token });
    expect(second.signedIn).toBe(false);
    expect(second.location).toContain("error=CredentialsSignin");

    const expired = tokenOf(await admin({ command: "link", email }));
    await db.verificationToken.updateMany({ where: { identifier: { startsWith: "sign-in:" } }, data: { expires: new Date(Date.now() - 1000) } });
    expect((await postSignIn("one-time-link", { token: expired })).signedIn).toBe(false);
  });

  it("ADMIN_EMAILS promotes a CLI-made account again at sign-in, but never one another admin demoted", async () => {
    await admin({ command: "create", email: listed.cli, password: "operator password" });
    await db.user.update({ where: { email: listed.cli }, data: { role: "USER" } }); // e.g. restored from an old backup
    await handleSignIn(db, noCookies, await db.user.findUniqueOrThrow({ where: { email: listed.cli } }));
    expect(await roleOf(listed.cli)).toBe("ADMIN");

    await admin({ command: "create", email: listed.demoted, password: "operator password" });
    const demoted = await db.user.findUniqueOrThrow({ where: { email: listed.demoted } });
    const other = await createTestUser({ role: "ADMIN" });
    await callerFor({ sessionUserId: other.id }).caller.admin.setUserRole({ userId: demoted.id, role: "USER" });
    await handleSignIn(db, noCookies, demoted);
    expect((await postSignIn("credentials", { email: listed.demoted, password: "operator password" }, { ip: "192.0.2.12" })).signedIn).toBe(true);
    expect(await roleOf(listed.demoted)).toBe("USER");

    // The operator can still give it back explicitly.
    await admin({ command: "promote", email: listed.demoted });
    expect(await roleOf(listed.demoted)).toBe("ADMIN");
    await admin({ command: "demote", email: listed.demoted });
    await handleSignIn(db, noCookies, demoted);
    expect(await roleOf(listed.demoted)).toBe("USER");
  });

  it("runs as `npm run admin -- create` in a process of its own", { timeout: 180_000 }, async () => {
    const email = `subprocess-${createId()}@example.test`;
    const run = spawnSync("npx", ["tsx", "--conditions=react-server", "scripts/admin.ts", "create", email, "--password", "operator password"], {
      encoding: "utf8",
      env: { ...process.env, DATABASE_URL: inject("databaseUrl"), NODE_ENV: "production" },
      timeout: 170_000,
    });
    expect(run.stderr).not.toMatch(/error:/);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`Created administrator ${email}.`);
    expect(await roleOf(email)).toBe("ADMIN");
  });
});
