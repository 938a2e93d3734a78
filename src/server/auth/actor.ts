import "server-only";
import type { DbTx } from "@/server/db";
import type { Role } from "@/server/db/generated/enums";
import { AppError } from "@/server/errors";

// Who is acting: a signed-in user or a guest. Every service takes an Actor and
// filters by it in its queries, so ownership is never checked after the fact.
export type UserActor = {
  kind: "user";
  userId: string;
  role: Role;
  email: string | null;
  name: string | null;
};
export type GuestActor = { kind: "guest"; guestId: string; role: "GUEST" };
export type Actor = UserActor | GuestActor;

/** Owner columns for rows an actor creates or may read. */
export function ownerOf(actor: Actor): { userId: string; guestId: null } | { userId: null; guestId: string } {
  return actor.kind === "user" ? { userId: actor.userId, guestId: null } : { userId: null, guestId: actor.guestId };
}

/**
 * Whose work a job or ingestion is, for fair scheduling: the durable
 * functions' per-owner concurrency is keyed on it ("user:…" / "guest:…").
 */
export function ownerKeyOf(actor: Actor): string {
  return actor.kind === "user" ? `user:${actor.userId}` : `guest:${actor.guestId}`;
}

/**
 * Loads the signed-in user behind a session. The role and disabled flag come
 * from the database on every request, so a role change or a ban takes effect
 * at once rather than when a JWT expires. Returns null for a deleted user.
 */
export async function loadUserActor(db: DbTx, userId: string): Promise<UserActor | null> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { id: true, role: true, email: true, name: true, disabledAt: true },
  });
  if (!user) return null;
  if (user.disabledAt) throw new AppError("FORBIDDEN", "This account has been disabled. Contact an administrator.");
  return { kind: "user", userId: user.id, role: user.role, email: user.email, name: user.name };
}
