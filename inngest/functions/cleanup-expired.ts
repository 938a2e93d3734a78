import { cron } from "inngest";
import { db } from "@/server/db";
import { deleteExpired } from "@/server/services/cleanup/delete-expired";
import { sweepOrphanObjects } from "@/server/services/cleanup/sweep-orphan-objects";
import { getStorage } from "@/server/storage";
import { inngest } from "../client";
import { cleanupRequested } from "../events";

/**
 * Deletes what has expired (guests' files, results and jobs after 24 h) and
 * stored bytes that no row has pointed to for over an hour. Hourly and at
 * start-up, so nothing outlives its expiry by more than an hour.
 */
export const cleanupExpiredFunction = inngest.createFunction(
  {
    id: "cleanup-expired",
    name: "Delete expired files",
    concurrency: { limit: 1 },
    triggers: [cron("0 * * * *"), cleanupRequested],
  },
  async ({ step }) => {
    const expired = await step.run("delete-expired", () => deleteExpired(db, getStorage()));
    const orphans = await step.run("sweep-orphan-objects", () => sweepOrphanObjects(db, getStorage()));
    return { ...expired, ...orphans };
  },
);
