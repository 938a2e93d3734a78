import { createId } from "@paralleldrive/cuid2";
import { describe, expect, it } from "vitest";
import { getDecoyHash, hashPassword, verifyPassword } from "@/server/auth/password";
import { db } from "@/server/db";
import { verifyCredentials } from "@/server/services/account/verify-credentials";
import { postSignIn } from "~/test/support/auth-route";
import { createTestUser } from "~/test/support/callers";

const RIGHT = "the right password";
const uniqueIp = () => `203.0.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;

async function fail(email: string, ip: string) {
  const result = await postSignIn("credentials", { email, password: "a wrong guess" }, { ip });
  expect(result.response.status).toBe(302);
  expect(result.location).toContain("error=CredentialsSignin");
  return result;
}

describe("POST /api/auth/callback/credentials limits", () => {
  it("answers 429 with Retry-After on the 11th attempt for one email, and refuses even the right password while locked", async () => {
    const user = await createTestUser({ password: RIGHT });
    const ip = uniqueIp();
    for (let i = 0; i < 10; i++) await fail(String(user.email), uniqueIp());

    const locked = await postSignIn("credentials", { email: String(user.email), password: "another guess" }, { ip });
    expect(locked.response.status).toBe(429);
    const retryAfter = Number(locked.response.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(14 * 60);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    expect(await locked.response.json()).toMatchObject({ error: "Too many attempts. Try again in 15 min." });

    const right = await postSignIn("credentials", { email: String(user.email), password: RIGHT }, { ip, json: true });
    expect(right.response.status).toBe(429);
    expect(right.signedIn).toBe(false);
    // What the sign-in form reads through next-auth/react's signIn().
    const { url } = (await right.response.json()) as { url: string };
    expect(new URL(url).searchParams.get("code")).toMatch(/^too_many_attempts\.\d+$/);
  });

  it("answers 429 after 30 failures from one IP across different emails", async () => {
    const ip = uniqueIp();
    for (let i = 0; i < 30; i++) await fail(`nobody-${createId()}@example.test`, ip);
    const user = await createTestUser({ password: RIGHT });
    const next = await postSignIn("credentials", { email: String(user.email), password: RIGHT }, { ip });
    expect(next.response.status).toBe(429);
    expect(Number(next.response.headers.get("retry-after"))).toBeGreaterThan(0);
    // Another IP is not affected.
    expect((await postSignIn("credentials", { email: String(user.email), password: RIGHT }, { ip: uniqueIp() })).signedIn).toBe(true);
  });

  it("a successful sign-in resets the account's counter", async () => {
    const user = await createTestUser({ password: RIGHT });
    for (let i = 0; i < 9; i++) await fail(String(user.email), uniqueIp());
    const ok = await postSignIn("credentials", { email: String(user.email), password: RIGHT }, { ip: uniqueIp() });
    expect(ok.response.status).toBe(302);
    expect(ok.signedIn).toBe(true);
    // Nine more failures would have locked the account without the reset.
    for (let i = 0; i < 9; i++) await fail(String(user.email), uniqueIp());
    expect((await postSignIn("credentials", { email: String(user.email), password: RIGHT }, { ip: uniqueIp() })).signedIn).toBe(true);
  });

  it("answers an unknown email exactly like a wrong password", async () => {
    const user = await createTestUser({ password: RIGHT });
    const wrong = await postSignIn("credentials", { email: String(user.email), password: "nope nope" }, { ip: uniqueIp(), json: true });
    const unknown = await postSignIn("credentials", { email: `ghost-${createId()}@example.test`, password: "nope nope" }, { ip: uniqueIp(), json: true });
    expect(unknown.response.status).toBe(wrong.response.status);
    expect(await unknown.response.json()).toEqual(await wrong.response.json());
  });

  it("verifies an unknown email against a decoy hash made with the same argon2 settings", async () => {
    const user = await createTestUser({ password: RIGHT });
    const checked: string[] = [];
    const recordingVerify = (hash: string, password: string) => (checked.push(hash), verifyPassword(hash, password));

    expect(await verifyCredentials(db, String(user.email), "wrong", recordingVerify)).toBeNull();
    expect(await verifyCredentials(db, `ghost-${createId()}@example.test`, "wrong", recordingVerify)).toBeNull();
    expect(checked).toEqual([user.passwordHash, await getDecoyHash()]);
    const settings = (hash: string) => hash.split("$").slice(1, 4).join("$");
    expect(settings((checked[1] ?? ""))).toBe(settings(await hashPassword("x")));
    expect(settings((checked[1] ?? ""))).toBe("argon2id$v=19$m=19456,t=2,p=1");
  });
});
