import "server-only";
import type { DbTx } from "@/server/db";

/**
 * next-auth's signIn callback: a disabled account is refused on every path,
 * OAuth included (credentials and one-time links check it too). Refusing here
 * also stops the signIn event, so a disabled account never claims a guest's work.
 */
export async function allowSignIn(db: DbTx, user: { id?: string }): Promise<boolean> {
  // A first OAuth sign-in has no row yet: nothing to be disabled.
  if (!user.id) return true;
  const row = await db.user.findUnique({ where: { id: user.id }, select: { disabledAt: true } });
  return !row?.disabledAt;
}
