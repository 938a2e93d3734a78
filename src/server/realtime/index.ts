import "server-only";
import { env } from "@/env";
import { databaseKind } from "@/server/db";
import { logger } from "@/server/logger";
import type { EventBus } from "./event-bus";
import { createInProcessBus } from "./in-process-bus";
import { createPostgresBus } from "./postgres-bus";

export type { BusMessage, EventBus } from "./event-bus";

const globalForBus = globalThis as unknown as { fileforgeBus?: EventBus };

/**
 * The process's bus: LISTEN/NOTIFY on a real PostgreSQL (works across
 * instances); in-process on embedded PGlite, where NOTIFY does not cross
 * connections and everything runs in one process anyway.
 */
export function getEventBus(): EventBus {
  if (!globalForBus.fileforgeBus) {
    globalForBus.fileforgeBus =
      databaseKind === "postgres" && env.DATABASE_URL
        ? createPostgresBus(env.DATABASE_URL, logger.child({ module: "event-bus" }))
        : createInProcessBus();
  }
  return globalForBus.fileforgeBus;
}

/** Tells subscribers a job changed. Failure to notify never fails the caller: watchers also poll. */
export async function publishJobUpdate(jobId: string): Promise<void> {
  await getEventBus()
    .publish({ topic: "job", id: jobId })
    .catch((error: unknown) => logger.warn({ err: error, jobId }, "could not publish a job update"));
}

/** Closes the bus's connections, if this process opened any (shutdown). */
export async function closeEventBus(): Promise<void> {
  const bus = globalForBus.fileforgeBus;
  globalForBus.fileforgeBus = undefined;
  await bus?.close();
}
