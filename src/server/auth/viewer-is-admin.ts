import "server-only";
import type { PrismaClient } from "@/server/db/generated/client";

/**
 * Whether the signed-in viewer of a public procedure is an enabled admin, for
 * answers that add operator details for admins. A plain lookup, not
 * loadUserActor: a disabled account still gets the public answer.
 */
export async function viewerIsAdmin(ctx: { sessionUserId?: string | null; db: Pick<PrismaClient, "user"> }): Promise<boolean> {
  if (!ctx.sessionUserId) return false;
  const viewer = await ctx.db.user.findUnique({ where: { id: ctx.sessionUserId }, select: { role: true, disabledAt: true } });
  return viewer?.role === "ADMIN" && !viewer.disabledAt;
}
