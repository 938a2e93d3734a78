import "server-only";
import type { DbTx } from "@/server/db";
import { AppError } from "@/server/errors";

/**
 * Ends every session of the user, in every browser, this one included: the
 * session version moves on, so each session JWT issued before fails its next
 * check. For a lost device or a session left open on a shared computer.
 */
export async function signOutEverywhere(db: DbTx, userId: string) {
  const updated = await db.user.updateMany({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
  if (updated.count === 0) throw new AppError("NOT_FOUND", "This account no longer exists.");
  // audit: sessions.revoked
  return { signedOut: true as const };
}
