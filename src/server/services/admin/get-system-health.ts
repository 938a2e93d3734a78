import "server-only";
import { AI_CAPABILITY_LABELS, type AiCapability, describeAiProvider } from "@/server/ai/describe-ai-provider";
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
      // Human labels ("Free writing"), not the internal keys ("freeWriting").
      unavailable: (Object.entries(ai.capabilities) as [AiCapability, boolean][]).filter(([, on]) => !on).map(([capability]) => AI_CAPABILITY_LABELS[capability]),
    },
    checkedAt: health.time,
  };
}
