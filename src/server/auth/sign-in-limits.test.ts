import { createId } from "@paralleldrive/cuid2";
import { describe, expect, it } from "vitest";
import { namedLimiter } from "@/server/quotas/rate-limit";
import { beginSignInAttempt, SIGN_IN_RULES, signInLockedFor } from "./sign-in-limits";

async function failTimes(email: string, times: number) {
  for (let i = 0; i < times; i++) {
    const attempt = await beginSignInAttempt(email, "local");
    if (attempt.locked) throw new Error(`locked after ${i} failures`);
    await attempt.failed();
  }
}

describe("sign-in limits", () => {
  it("doubles the lock each time an account is locked again within a day", async () => {
    const email = `backoff-${createId()}@example.test`;
    await failTimes(email, 10);
    const first = await signInLockedFor(email, "local");
    expect(first).toBeGreaterThan(14 * 60);
    expect(first).toBeLessThanOrEqual(15 * 60);

    // The lock runs out (what 15 minutes would do), and the guessing resumes.
    await (await namedLimiter("signin_email", SIGN_IN_RULES.email)).delete(email);
    expect(await signInLockedFor(email, "local")).toBeNull();
    await failTimes(email, 10);
    const second = await signInLockedFor(email, "local");
    expect(second).toBeGreaterThan(29 * 60);
    expect(second).toBeLessThanOrEqual(30 * 60);

    const refused = await beginSignInAttempt(email, "local");
    expect(refused).toMatchObject({ locked: true });
  });
});
