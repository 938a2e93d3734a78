import "server-only";
import { notExpiredWhere } from "@/server/retention/retention-policy";
import type { Actor } from "./actor";

/**
 * The owner filter every read and write of owned rows puts in its query,
 * plus "not expired": a guest's file past its 24 hours is gone for the user
 * even before the hourly sweep removes it.
 */
export function ownedBy(actor: Actor, now = new Date()) {
  const owner = actor.kind === "user" ? { userId: actor.userId } : { userId: null, guestId: actor.guestId };
  return { ...owner, ...notExpiredWhere(now) };
}
