import "server-only";
import type { DbTx } from "@/server/db";
import { AppError } from "@/server/errors";

/** What the settings page shows: profile, whether a password is set, linked OAuth accounts. */
export async function getAccountSettings(db: DbTx, userId: string) {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      name: true,
      email: true,
      passwordHash: true,
      createdAt: true,
      accounts: { select: { provider: true, createdAt: true }, orderBy: { createdAt: "asc" } },
    },
  });
  if (!user) throw new AppError("NOT_FOUND", "This account no longer exists.");
  return {
    name: user.name,
    email: user.email,
    // Never the hash itself: the page only needs to know whether to ask for it.
    hasPassword: user.passwordHash !== null,
    createdAt: user.createdAt,
    accounts: user.accounts.map((account) => ({ provider: account.provider, linkedAt: account.createdAt })),
  };
}
