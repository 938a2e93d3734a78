import "server-only";
import type { Db } from "@/server/db";
import { consumeToken } from "./one-time-token";
import { recordSignInFailure } from "./record-sign-in";

/**
 * The one-time-link provider's authorize(): a sign-in link token from
 * `npm run admin` signs its account in once. The token is gone after the
 * first try, right or wrong account state, so a leaked link is spent.
 */
export async function authorizeOneTimeLink(db: Db, credentials: Partial<Record<string, unknown>>, request: Request) {
  const userId = await consumeToken(db, "sign-in", String(credentials.token ?? ""));
  const user = userId
    ? await db.user.findUnique({
        where: { id: userId },
        select: { id: true, email: true, name: true, role: true, disabledAt: true },
      })
    : null;
  if (!user || user.disabledAt) {
    await recordSignInFailure(db, request.headers, { email: "", accountId: user?.id ?? null, method: "one-time-link", reason: "invalid_link" });
    return null;
  }
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}
