import { db } from "@/server/db";
import { getHealth } from "@/server/services/system/get-health";

export const dynamic = "force-dynamic";

/** Liveness and configuration of each part; 503 when the database is unreachable. */
export async function GET() {
  const health = await getHealth(db);
  return Response.json(health, { status: health.ok ? 200 : 503, headers: { "cache-control": "no-store" } });
}
