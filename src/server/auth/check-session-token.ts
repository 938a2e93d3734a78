import "server-only";
import type { JWT } from "next-auth/jwt";
import type { DbTx } from "@/server/db";
import type { Role } from "@/server/db/generated/enums";

declare module "next-auth/jwt" {
  interface JWT {
    role?: Role;
    /** User.sessionVersion when the token was issued; absent on tokens issued before versions existed. */
    sessionVersion?: number;
  }
}

/** Tokens issued before session versions existed carry none: they count as version 0, every user's start. */
export function versionOf(token: JWT): number {
  return typeof token.sessionVersion === "number" ? token.sessionVersion : 0;
}

/**
 * The Auth.js `jwt` callback's check, run at sign-in and on every session
 * read: one query by user id. A deleted or disabled user, or a token whose
 * version is not the user's current one (password or email changed, signed
 * out everywhere, disabled since), is no session: null, which Auth.js turns
 * into a signed-out visitor and a cleared cookie. At sign-in the token takes
 * the current version. Role, name and email are refreshed from the row, so a
 * promotion or a rename shows at once.
 */
export async function checkSessionToken(db: DbTx, token: JWT, signingIn: boolean): Promise<JWT | null> {
  if (!token.sub) return null;
  const user = await db.user.findUnique({
    where: { id: token.sub },
    select: { role: true, name: true, email: true, disabledAt: true, sessionVersion: true },
  });
  if (!user || user.disabledAt) return null;
  if (!signingIn && versionOf(token) !== user.sessionVersion) return null;
  return { ...token, role: user.role, name: user.name, email: user.email, sessionVersion: user.sessionVersion };
}
