import "server-only";
import { env } from "@/env";

/**
 * Which engine runs the Inngest functions. With nothing configured they run
 * in-process (single machine); any Inngest setting hands them to a server.
 */
export type JobEngineMode = "embedded" | "inngest-dev" | "inngest-cloud" | "inngest-self-hosted";

export function getJobEngineMode(): JobEngineMode {
  if (env.INNGEST_DEV) return "inngest-dev";
  if (env.INNGEST_BASE_URL) return "inngest-self-hosted";
  if (env.INNGEST_EVENT_KEY) return "inngest-cloud";
  return "embedded";
}
