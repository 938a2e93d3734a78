import "server-only";
import { env } from "@/env";
import { db } from "@/server/db";
import { getJobEngineMode } from "@/server/durable/engine-mode";
import { logger } from "@/server/logger";
import { startEmbeddedEngine } from "./start-embedded-engine";

/**
 * What `register()` in src/instrumentation.ts runs in the Node.js runtime:
 * the app's functions on the embedded engine, when no Inngest server is
 * configured and a database is.
 */
export async function startEmbeddedEngineForApp(): Promise<void> {
  const mode = getJobEngineMode();
  if (mode !== "embedded") {
    logger.info({ jobEngine: mode }, "durable functions run on Inngest (served at /api/inngest)");
    return;
  }
  if (!env.DATABASE_URL) {
    logger.warn("embedded job engine not started: DATABASE_URL is not set (npm run dev / npm start set it)");
    return;
  }
  const [{ inngest }, { functions }] = await Promise.all([import("@/server/events/inngest-client"), import("~/inngest")]);
  await startEmbeddedEngine({ db, client: inngest, functions });
  logger.info(
    { jobEngine: "embedded", functions: functions.length },
    "durable functions run on the embedded single-machine engine (state in the database; run one instance only). " +
      "To switch to Inngest set INNGEST_EVENT_KEY + INNGEST_SIGNING_KEY (Inngest Cloud), INNGEST_BASE_URL (self-hosted) or INNGEST_DEV=1 (dev server)",
  );
  // Expired files go at start-up too, not only at the next hourly tick: a
  // server that was down for a day must not serve day-old guest files.
  const { cleanupRequested } = await import("@/server/events/event-types");
  await inngest.send(cleanupRequested.create({ reason: "start-up" }));
}
