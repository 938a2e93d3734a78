import { readSession } from "@/server/auth/read-session";
import { db } from "@/server/db";
import { logger } from "@/server/logger";
import { getHealth } from "@/server/services/system/get-health";
import { publicHealth } from "@/server/services/system/public-health";

export const dynamic = "force-dynamic";

/** Whether the caller is a signed-in admin; false when that cannot be told (the database is down). */
async function callerIsAdmin(request: Request): Promise<boolean> {
  try {
    return (await readSession(request.headers))?.user?.role === "ADMIN";
  } catch {
    return false;
  }
}

/**
 * Liveness and configuration of each part; 503 when the database is
 * unreachable. Error details go to admins and the server log only.
 */
export async function GET(request: Request) {
  const health = await getHealth(db);
  if (!health.ok || health.status !== "ok") logger.warn({ health }, "health check: not ok");
  const body = (await callerIsAdmin(request)) ? health : publicHealth(health);
  return Response.json(body, { status: health.ok ? 200 : 503, headers: { "cache-control": "no-store" } });
}
