import "server-only";
import { mkdir, access, constants } from "node:fs/promises";
import { getAiProviderMode } from "@/server/ai/ai-provider-mode";
import { databaseKind, type DbTx } from "@/server/db";
import { getJobEngineMode } from "@/server/durable/engine-mode";
import { getStorageMode } from "@/server/storage/storage-mode";
import { checkDiskSpace } from "./check-disk-space";

const DB_TIMEOUT_MS = 2_000;

export type Health = Awaited<ReturnType<typeof getHealth>>;

async function checkDatabase(db: DbTx) {
  const started = performance.now();
  try {
    await Promise.race([
      db.$queryRaw`SELECT 1`,
      new Promise((_, reject) => setTimeout(() => reject(new Error(`no answer within ${DB_TIMEOUT_MS} ms`)), DB_TIMEOUT_MS)),
    ]);
    return { ok: true as const, adapter: databaseKind, latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    return { ok: false as const, adapter: databaseKind, error: error instanceof Error ? error.message : "unreachable" };
  }
}

async function checkStorage() {
  const mode = getStorageMode();
  if (mode.driver !== "local") return { ok: true as const, driver: mode.driver };
  try {
    await mkdir(mode.root, { recursive: true });
    await access(mode.root, constants.W_OK);
    return { ok: true as const, driver: mode.driver };
  } catch {
    return { ok: false as const, driver: mode.driver, error: "storage directory is not writable" };
  }
}

/**
 * The state of each part; `ok` is false when the database is unreachable.
 * Unwritable storage or a disk under MIN_FREE_DISK_MB (uploads and new jobs
 * refused, downloads still served) is "degraded".
 */
export async function getHealth(db: DbTx) {
  const [database, storage, disk] = await Promise.all([checkDatabase(db), checkStorage(), checkDiskSpace()]);
  const ai = getAiProviderMode();
  return {
    ok: database.ok,
    status: !database.ok ? ("down" as const) : storage.ok && disk.ok ? ("ok" as const) : ("degraded" as const),
    database,
    storage,
    disk,
    jobs: { engine: getJobEngineMode() },
    ai: { provider: ai.provider, model: ai.model },
    time: new Date().toISOString(),
  };
}
