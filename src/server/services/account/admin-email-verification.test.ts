import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

// ADMIN_EMAILS with SMTP: set before src/env.js is imported. The stub's port
// is picked here, since env is read once.
const smtp = await vi.hoisted(async () => {
  const { createServer } = await import("node:net");
  const port = await new Promise<number>((resolve) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port: free } = probe.address() as { port: number };
      probe.close(() => resolve(free));
    });
  });
  process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
  process.env.AUTH_URL = "https://files.example.test";
  process.env.ADMIN_EMAILS = "verified-admin@example.test";
  return { port };
});

import { NextRequest } from "next/server";
import { GET as verifyEmail } from "@/app/api/auth/verify-email/route";
import { createCaller } from "@/server/api/root";
import { createInnerTRPCContext } from "@/server/api/trpc";
import { db } from "@/server/db";
import { mailText, startSmtpStub } from "~/test/support/smtp-stub";

function linkIn(to: string, pattern: RegExp): string {
  const mail = stub.mails.find((m) => m.to.includes(to));
  const link = mail ? pattern.exec(mailText(mail))?.[0] : undefined;
  if (!link) throw new Error(`no link mailed to ${to}`);
  // The route handler is called in-process, at the test's own origin.
  return link.replace("https://files.example.test", "http://localhost:3000");
}

let stub: Awaited<ReturnType<typeof startSmtpStub>>;
beforeAll(async () => {
  stub = await startSmtpStub(smtp.port);
});
afterAll(() => stub.close());

describe("ADMIN_EMAILS with SMTP_URL", () => {
  it("grants admin only after the mailed verification link is followed, and the link works once", async () => {
    const caller = createCaller(createInnerTRPCContext({ db, headers: new Headers({ "x-forwarded-for": "192.0.2.77", host: "evil.example" }) }));
    const user = await caller.account.signUp({ name: "Op", email: "verified-admin@example.test", password: "long enough" });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).role).toBe("USER");

    const link = linkIn("verified-admin@example.test", /https:\/\/files\.example\.test\/api\/auth\/verify-email\?token=[A-Za-z0-9_-]+/);

    const followed = await verifyEmail(new NextRequest(link));
    expect(followed.status).toBe(303);
    expect(followed.headers.get("location")).toBe("/settings?emailVerified=1");
    const row = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.role).toBe("ADMIN");
    expect(row.emailVerified).not.toBeNull();

    const again = await verifyEmail(new NextRequest(link));
    expect(again.status).toBe(400);
    expect(await again.text()).toMatch(/expired or was already used/);
  });

  it("verifies an address that is not in ADMIN_EMAILS without making it an admin", async () => {
    const caller = createCaller(createInnerTRPCContext({ db, headers: new Headers({ "x-forwarded-for": "192.0.2.78" }) }));
    const user = await caller.account.signUp({ name: "Someone", email: "someone-else@example.test", password: "long enough" });
    const link = linkIn("someone-else@example.test", /https:\/\/files\.example\.test\/\S+/);
    expect((await verifyEmail(new NextRequest(link))).status).toBe(303);
    const row = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.emailVerified).not.toBeNull();
    expect(row.role).toBe("USER");
  });
});
