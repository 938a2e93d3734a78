import "server-only";
import { CredentialsSignin } from "next-auth";
import { tooManyAttemptsCode } from "@/lib/too-many-attempts";
import type { Db } from "@/server/db";
import { clientIp } from "@/server/quotas/rate-limit";
import { signInInput } from "@/server/services/account/account-schemas";
import { verifyCredentials } from "@/server/services/account/verify-credentials";
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
 * the same way (null, after one argon2 verification each).
 */
export async function authorizeCredentials(db: Db, credentials: Partial<Record<string, unknown>>, request: Request) {
  const parsed = signInInput.safeParse(credentials);
  const attempt = await beginSignInAttempt(String(credentials.email ?? ""), clientIp(request.headers));
  if (attempt.locked) throw new TooManySignInAttempts(attempt.retryAfterSeconds);
  const user = parsed.success ? await verifyCredentials(db, parsed.data.email, parsed.data.password) : null;
  await (user ? attempt.succeeded() : attempt.failed());
  return user;
}
