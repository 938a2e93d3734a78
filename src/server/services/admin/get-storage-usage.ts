import "server-only";
import type { DbTx } from "@/server/db";

/**
 * Bytes and files in storage by owner kind: accounts keep theirs until they
 * delete them; guests' expire within a day. Sizes come from the File rows,
 * which the orphan sweep keeps in step with the objects.
 */
export async function getStorageUsage(db: DbTx) {
  const [users, guests] = await Promise.all([
    db.file.aggregate({ where: { userId: { not: null } }, _sum: { size: true }, _count: { _all: true } }),
    db.file.aggregate({ where: { userId: null }, _sum: { size: true }, _count: { _all: true } }),
  ]);
  const usersBytes = users._sum.size ?? 0;
  const guestsBytes = guests._sum.size ?? 0;
  return {
    totalBytes: usersBytes + guestsBytes,
    byOwner: [
      { owner: "users" as const, bytes: usersBytes, files: users._count._all },
      { owner: "guests" as const, bytes: guestsBytes, files: guests._count._all },
    ],
  };
}
