import { describe, expect, it } from "vitest";
import { postSignIn } from "~/test/support/auth-route";
import { createTestUser } from "~/test/support/callers";
import { HOSTILE_CALLBACK_URLS } from "~/test/support/hostile-callback-urls";

const ORIGIN = "http://localhost:3000";
const PASSWORD = "a long enough password";
// One slash, then a letter or digit (or the bare root); no controls or backslashes.
const SAFE_PATH = /^\/(?:[A-Za-z0-9]|$|[?#])[^\u0000-\u001f\u007f\\]*$/;
const uniqueIp = () => `198.51.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;

function expectSameSite(location: string | null) {
  expect(location).toBeTruthy();
  const url = new URL(String(location));
  expect(url.origin).toBe(ORIGIN);
  expect(String(location).slice(ORIGIN.length)).toMatch(SAFE_PATH);
}

describe("callbackUrl through Auth.js's real credentials route", () => {
  it("sends a signed-in user to a hostile callbackUrl's fallback, never off site", async () => {
    const user = await createTestUser({ password: PASSWORD });
    for (const callbackUrl of HOSTILE_CALLBACK_URLS) {
      const { response, signedIn, location } = await postSignIn(
        "credentials",
        { email: String(user.email), password: PASSWORD },
        { ip: uniqueIp(), callbackUrl },
      );
      expect(response.status, callbackUrl).toBe(302);
      expect(signedIn).toBe(true);
      expectSameSite(location);
      expect(location).toBe(`${ORIGIN}/dashboard`);
    }
  });

  it("answers a safe url in the JSON the sign-in form reads", async () => {
    const user = await createTestUser({ password: PASSWORD });
    const { response } = await postSignIn(
      "credentials",
      { email: String(user.email), password: PASSWORD },
      { ip: uniqueIp(), json: true, callbackUrl: "/%09/evil.example" },
    );
    const { url } = (await response.json()) as { url: string };
    expectSameSite(url);
  });

  it("keeps a legitimate same-site destination", async () => {
    const user = await createTestUser({ password: PASSWORD });
    const { location } = await postSignIn(
      "credentials",
      { email: String(user.email), password: PASSWORD },
      { ip: uniqueIp(), callbackUrl: "/tools/pdf.merge?from=home" },
    );
    expect(location).toBe(`${ORIGIN}/tools/pdf.merge?from=home`);
  });
});
