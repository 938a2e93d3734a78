import "server-only";
import { Inngest } from "inngest";
import { env } from "@/env";
import { embeddedClientOptions } from "@/server/durable/embedded/embedded-fetch";
import { getJobEngineMode } from "@/server/durable/engine-mode";
import { logger } from "@/server/logger";

const mode = getJobEngineMode();

/**
 * The one Inngest client. With Inngest Cloud or a self-hosted server the
 * event key, signing key and base URL come from the environment; with
 * INNGEST_DEV=1 it talks to the dev server; otherwise the embedded engine
 * runs these same functions in-process, and `inngest.send` delivers to it
 * (a placeholder event key plus a fetch that answers the event API locally).
 */
export const inngest = new Inngest({
  id: "fileforge",
  isDev: mode === "inngest-dev",
  // SDK messages (function errors, retries) go to the app's structured logs.
  logger: logger.child({ module: "inngest" }),
  ...(mode === "embedded" ? embeddedClientOptions() : {}),
  ...(env.INNGEST_EVENT_KEY ? { eventKey: env.INNGEST_EVENT_KEY } : {}),
  ...(env.INNGEST_SIGNING_KEY ? { signingKey: env.INNGEST_SIGNING_KEY } : {}),
  ...(env.INNGEST_BASE_URL ? { baseUrl: env.INNGEST_BASE_URL } : {}),
});
