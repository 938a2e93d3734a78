import "server-only";
import { describeAiProvider } from "@/server/ai/describe-ai-provider";
import type { DbTx } from "@/server/db";
import { getHealth } from "@/server/services/system/get-health";

/** The health report plus what the AI provider can do, for the admin system page. */
export async function getSystemHealth(db: DbTx) {
  const health = await getHealth(db);
  const ai = describeAiProvider();
  return {
    status: health.status,
    database: health.database,
    storage: health.storage,
    disk: health.disk,
    jobEngine: health.jobs.engine,
    ai: {
      label: ai.label,
      offline: ai.offline,
      model: ai.model,
      embeddingModel: ai.embeddingModel,
      unavailable: Object.entries(ai.capabilities).filter(([, on]) => !on).map(([capability]) => capability),
    },
    checkedAt: health.time,
  };
}
