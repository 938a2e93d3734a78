import "server-only";
import { getDecoyHash, verifyPassword } from "@/server/auth/password";
import type { DbTx } from "@/server/db";

/**
 * Checks an email and password. `user` is the account when they match;
 * `accountId` is the account the email belongs to either way (null for an
 * unknown email), so a refused attempt can be recorded against it. Unknown
 * emails cost a hash verification too, so response time does not reveal
 * which emails exist. Disabled accounts cannot sign in. `verify` is a
 * parameter so a test can see which hash each path checks.
 */
export async function checkCredentials(db: DbTx, email: string, password: string, verify = verifyPassword) {
  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, role: true, passwordHash: true, disabledAt: true },
  });
  const accountId = user?.id ?? null;
  if (!user?.passwordHash) {
    await verify(await getDecoyHash(), password);
    return { user: null, accountId };
  }
  if (!(await verify(user.passwordHash, password))) return { user: null, accountId };
  if (user.disabledAt) return { user: null, accountId };
  return { user: { id: user.id, email: user.email, name: user.name, role: user.role }, accountId };
}

/** The user for an email and password, or null (see checkCredentials). */
export async function verifyCredentials(db: DbTx, email: string, password: string, verify = verifyPassword) {
  return (await checkCredentials(db, email, password, verify)).user;
}
