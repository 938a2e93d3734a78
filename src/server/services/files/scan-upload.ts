import "server-only";
import { env } from "@/env";
import { AppError } from "@/server/errors";
import { logger } from "@/server/logger";
import { ScannerUnavailableError, scanStream } from "@/server/security/clamd-instream";
import type { StorageDriver } from "@/server/storage/types";

export type ScannerSettings = { url?: string; failOpen: boolean; timeoutMs: number };

const scannerSettings = (): ScannerSettings => ({ url: env.CLAMAV_URL, failOpen: env.CLAMAV_FAIL_OPEN, timeoutMs: env.CLAMAV_TIMEOUT_MS });

/**
 * With CLAMAV_URL set, streams a stored upload to clamd before its File row
 * exists. An infected file is deleted and refused with 422 naming the
 * finding; a scanner that cannot answer refuses the upload with 503 (fails
 * closed), unless CLAMAV_FAIL_OPEN=1 lets it through with a warning.
 */
export async function scanStoredUpload(storage: StorageDriver, key: string, name: string, settings = scannerSettings()): Promise<void> {
  if (!settings.url) return;
  try {
    const verdict = await scanStream(settings.url, await storage.read(key), settings.timeoutMs);
    if (verdict.clean) return;
    await storage.delete(key);
    logger.warn({ storageKey: key, signature: verdict.signature }, "upload refused: malware found");
    throw new AppError("UNPROCESSABLE", `“${name}” was refused: malware found (${verdict.signature}).`);
  } catch (error) {
    if (!(error instanceof ScannerUnavailableError)) throw error;
    if (settings.failOpen) {
      logger.warn({ err: error, storageKey: key }, "virus scanner unavailable; upload accepted unscanned (CLAMAV_FAIL_OPEN=1)");
      return;
    }
    await storage.delete(key);
    logger.error({ err: error, storageKey: key }, "virus scanner unavailable; upload refused");
    throw new AppError("UNAVAILABLE", `“${name}” could not be checked for malware right now. Try again in a moment.`, { cause: error });
  }
}
