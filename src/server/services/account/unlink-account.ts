import "server-only";
import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";

/**
 * Removes a linked OAuth provider, unless it is the last way to sign in: the
 * account must keep a password or another provider. Checked and deleted in
 * one transaction so two unlinks at once cannot remove both providers.
 */
export async function unlinkAccount(db: Db, userId: string, provider: string) {
  return db.$transaction(async (tx) => {
    // Locks the user row, serializing concurrent unlinks of the same account.
    await tx.$queryRaw`SELECT id FROM "User" WHERE id = ${userId} FOR UPDATE`;
    const user = await tx.user.findUnique({
      where: { id: userId },
      select: { passwordHash: true, accounts: { select: { provider: true } } },
    });
    if (!user) throw new AppError("NOT_FOUND", "This account no longer exists.");
    if (!user.accounts.some((account) => account.provider === provider)) {
      throw new AppError("NOT_FOUND", "That provider is not connected to your account.");
    }
    const otherWays = user.accounts.filter((account) => account.provider !== provider).length + (user.passwordHash ? 1 : 0);
    if (otherWays === 0) {
      throw new AppError("CONFLICT", "This is your only way to sign in. Set a password or connect another provider first.");
    }
    await tx.account.deleteMany({ where: { userId, provider } });
    return { provider };
  });
}
