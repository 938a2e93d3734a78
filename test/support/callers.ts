import { createId } from "@paralleldrive/cuid2";
import { createCaller } from "@/server/api/root";
import { createInnerTRPCContext } from "@/server/api/trpc";
import { hashPassword } from "@/server/auth/password";
import { db } from "@/server/db";
import type { Role } from "@/server/db/generated/enums";

/**
 * A tRPC caller acting as a signed-in user (sessionUserId), a guest with a
 * valid cookie (guestId), or an anonymous visitor (neither). Records the guest
 * ids the procedures issued cookies for. `headers` are the request's (the
 * client's IP as X-Forwarded-For from one trusted proxy, its User-Agent).
 */
export function callerFor(identity: { sessionUserId?: string; guestId?: string; headers?: Headers } = {}) {
  const issuedGuestIds: string[] = [];
  const ctx = createInnerTRPCContext({
    db,
    headers: identity.headers,
    sessionUserId: identity.sessionUserId ?? null,
    guestId: identity.guestId ?? null,
    setGuestCookie: (guestId) => issuedGuestIds.push(guestId),
  });
  return { caller: createCaller(ctx), issuedGuestIds };
}

/** A user with a unique email, straight in the database. */
export async function createTestUser(input: { role?: Role; password?: string; disabled?: boolean } = {}) {
  const email = `user-${createId()}@example.test`;
  return db.user.create({
    data: {
      email,
      name: "Test User",
      role: input.role ?? "USER",
      passwordHash: input.password ? await hashPassword(input.password) : null,
      disabledAt: input.disabled ? new Date() : null,
    },
  });
}
