import "server-only";
import { env } from "@/env";
import { db } from "@/server/db";
import { getEmbeddedEngine } from "@/server/durable/embedded/engine-registry";
import { logger } from "@/server/logger";
import { closeListeners } from "./close-listeners";

// After the grace: how long handed-back runs get to notice that their worker
// is gone (their staged files are removed on the way out), and how long the
// pools get to close, before the process exits regardless.
const SETTLE_MS = 2_000;
const CLOSE_MS = 3_000;

const withTimeout = <T>(work: Promise<T>, ms: number): Promise<T | "timed out"> =>
  Promise.race([work, new Promise<"timed out">((resolve) => setTimeout(resolve, ms, "timed out").unref())]);

/**
 * The web process's graceful shutdown: stop accepting connections and runs,
 * let running steps finish within SHUTDOWN_GRACE_SECONDS (the rest are handed
 * back to the next start at once), stop the tool workers, close the database
 * pools. Resolves with the exit code: 0 when everything closed in time.
 */
export async function shutDownApp(signal: string): Promise<number> {
  const graceMs = env.SHUTDOWN_GRACE_SECONDS * 1000;
  const listeners = closeListeners();
  logger.info({ signal, graceSeconds: env.SHUTDOWN_GRACE_SECONDS, listeners }, "shutting down: no new connections or runs; running steps may finish");
  const engine = getEmbeddedEngine();
  let clean = true;
  if (engine) {
    const { handedBack } = await engine.stop({ graceMs });
    if (handedBack > 0) logger.warn({ handedBack }, "steps still running after the grace period were handed back; the next start resumes them");
  }
  // Imported here, not at the top: these load heavy modules the web process otherwise loads on first use only.
  const [{ stopToolRunner }, { closeEventBus }] = await Promise.all([import("@/server/tools/worker/tool-runner"), import("@/server/realtime")]);
  // A worker mid-job after the grace is killed (only SIGKILL stops synchronous WASM work); its run is already handed back.
  stopToolRunner();
  if (engine) await engine.stop({ graceMs: SETTLE_MS });
  const closed = await withTimeout(
    Promise.all([closeEventBus(), env.DATABASE_URL ? db.$disconnect() : undefined]),
    CLOSE_MS,
  ).catch((error: unknown) => {
    logger.error({ err: error }, "closing the database connections failed");
    return "failed" as const;
  });
  if (closed === "timed out" || closed === "failed") clean = false;
  logger.info({ clean }, "shut down");
  return clean ? 0 : 1;
}
