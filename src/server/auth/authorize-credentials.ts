import "server-only";
import { CredentialsSignin } from "next-auth";
import { tooManyAttemptsCode } from "@/shared/too-many-attempts";
import type { Db } from "@/server/db";
import { clientIp } from "@/server/quotas/rate-limit";
import { signInInput } from "@/server/services/account/account-schemas";
import { checkCredentials } from "@/server/services/account/verify-credentials";
import { recordSignInFailure } from "./record-sign-in";
import { beginSignInAttempt } from "./sign-in-limits";

/** A locked account or IP; the route turns it into 429 with Retry-After. */
export class TooManySignInAttempts extends CredentialsSignin {
  constructor(retryAfterSeconds: number) {
    super();
    this.code = tooManyAttemptsCode(retryAfterSeconds);
  }
}

/**
 * The credentials provider's authorize(): the attempt is counted before the
 * password is checked, and a wrong password and an unknown email come back
 * the same way (null, after one argon2 verification and one audit insert
 * each). Successes are recorded by the signIn event, once Auth.js accepts them.
 */
export async function authorizeCredentials(db: Db, credentials: Partial<Record<string, unknown>>, request: Request) {
  const email = String(credentials.email ?? "");
  const parsed = signInInput.safeParse(credentials);
  const attempt = await beginSignInAttempt(email, clientIp(request.headers));
  if (attempt.locked) {
    await recordSignInFailure(db, request.headers, { email, accountId: null, method: "credentials", reason: "locked" });
    throw new TooManySignInAttempts(attempt.retryAfterSeconds);
  }
  const checked = parsed.success ? await checkCredentials(db, parsed.data.email, parsed.data.password) : null;
  if (checked?.user) {
    await attempt.succeeded();
    return checked.user;
  }
  await attempt.failed();
  await recordSignInFailure(db, request.headers, { email, accountId: checked?.accountId ?? null, method: "credentials", reason: "invalid_credentials" });
  return null;
}
