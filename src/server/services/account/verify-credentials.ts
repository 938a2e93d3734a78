import "server-only";
import { getDecoyHash, verifyPassword } from "@/server/auth/password";
import type { DbTx } from "@/server/db";

/**
 * The user for an email and password, or null. Unknown emails cost a hash
 * verification too, so response time does not reveal which emails exist.
 * Disabled accounts cannot sign in. `verify` is a parameter so a test can see
 * which hash each path checks.
 */
export async function verifyCredentials(db: DbTx, email: string, password: string, verify = verifyPassword) {
  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, role: true, passwordHash: true, disabledAt: true },
  });
  if (!user?.passwordHash) {
    await verify(await getDecoyHash(), password);
    return null;
  }
  if (!(await verify(user.passwordHash, password))) return null;
  if (user.disabledAt) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}
