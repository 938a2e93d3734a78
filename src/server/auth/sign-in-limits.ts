import "server-only";
import { RateLimiterRes } from "rate-limiter-flexible";
import { namedLimiter } from "@/server/quotas/rate-limit";

// Password guessing, counted per account and per IP over 15 minutes. A lock
// lasts 15 minutes and doubles with each lock in the last day (up to a day),
// so a patient script gets a few dozen guesses a day, not thousands.
const WINDOW_SECONDS = 15 * 60;
export const SIGN_IN_RULES = {
  email: { points: 10, duration: WINDOW_SECONDS },
  ip: { points: 30, duration: WINDOW_SECONDS },
} as const;
const FIRST_LOCK_SECONDS = 15 * 60;
const LONGEST_LOCK_SECONDS = 24 * 60 * 60;
// Where the IP is unknown (no trusted proxy), only the account is counted:
// one shared bucket would let one visitor lock out everyone.
const UNKNOWN_IP = "local";

type Scope = keyof typeof SIGN_IN_RULES;
type Key = { scope: Scope; key: string };

function keysFor(email: string, ip: string): Key[] {
  const keys: Key[] = [{ scope: "email", key: email.trim().toLowerCase().slice(0, 254) }];
  if (ip !== UNKNOWN_IP) keys.push({ scope: "ip", key: ip });
  return keys;
}

const limiter = (scope: Scope) => namedLimiter(`signin_${scope}`, SIGN_IN_RULES[scope]);
const lockHistory = () => namedLimiter("signin_locks", { points: 1_000, duration: LONGEST_LOCK_SECONDS });

/** Seconds until sign-in is allowed again for this email or IP, or null when it is allowed now. Consumes nothing. */
export async function signInLockedFor(email: string, ip: string): Promise<number | null> {
  let wait = 0;
  for (const { scope, key } of keysFor(email, ip)) {
    const res = await (await limiter(scope)).get(key);
    if (res && res.consumedPoints > SIGN_IN_RULES[scope].points) wait = Math.max(wait, res.msBeforeNext);
  }
  return wait > 0 ? Math.ceil(wait / 1000) : null;
}

async function lock(scope: Scope, key: string): Promise<void> {
  const locks = await (await lockHistory()).consume(`${scope}:${key}`);
  const seconds = Math.min(FIRST_LOCK_SECONDS * 2 ** (locks.consumedPoints - 1), LONGEST_LOCK_SECONDS);
  await (await limiter(scope)).block(key, seconds);
}

export type SignInAttempt =
  | { locked: true; retryAfterSeconds: number }
  | { locked: false; succeeded(): Promise<void>; failed(): Promise<void> };

/**
 * Counts an attempt before the password is checked, so a burst of parallel
 * guesses cannot all slip in under the limit. A success takes it back: the
 * account's counter starts over and the IP's attempt is refunded.
 */
export async function beginSignInAttempt(email: string, ip: string): Promise<SignInAttempt> {
  const keys = keysFor(email, ip);
  const taken = await Promise.all(
    keys.map(async ({ scope, key }) => {
      try {
        return await (await limiter(scope)).consume(key);
      } catch (error) {
        if (error instanceof RateLimiterRes) return error;
        throw error;
      }
    }),
  );
  const counted = keys.map((key, i) => ({ ...key, res: taken[i] as RateLimiterRes }));
  const over = counted.filter(({ scope, res }) => res.consumedPoints > SIGN_IN_RULES[scope].points).map(({ res }) => res);
  if (over.length > 0) {
    return { locked: true, retryAfterSeconds: Math.ceil(Math.max(...over.map((res) => res.msBeforeNext)) / 1000) };
  }
  return {
    locked: false,
    async succeeded() {
      await Promise.all(
        keys.map(async ({ scope, key }) => {
          if (scope === "ip") return (await limiter(scope)).reward(key, 1);
          await (await lockHistory()).delete(`email:${key}`);
          return (await limiter(scope)).delete(key);
        }),
      );
    },
    async failed() {
      // The attempt that used the last point locks the key: the next one is refused.
      await Promise.all(
        counted.map(({ scope, key, res }) => (res.consumedPoints >= SIGN_IN_RULES[scope].points ? lock(scope, key) : null)),
      );
    },
  };
}
