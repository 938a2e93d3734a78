import "server-only";
import type { DbTx } from "@/server/db";

/** Changes the display name. The input is already validated and trimmed. */
export async function updateProfile(db: DbTx, userId: string, input: { name: string }) {
  return db.user.update({ where: { id: userId }, data: { name: input.name }, select: { name: true } });
}
