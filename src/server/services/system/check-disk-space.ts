import "server-only";
import { statfs } from "node:fs/promises";
import path from "node:path";
import { env } from "@/env";
import { AppError } from "@/server/errors";
import { logger } from "@/server/logger";
import { getStorageMode } from "@/server/storage/storage-mode";

/** Free bytes an unprivileged process may still write on the volume holding `dir`. */
export type FreeSpaceProbe = (dir: string) => Promise<number>;

export type DiskSpace = {
  /** False while free space is under the floor: uploads and new jobs are refused. */
  ok: boolean;
  /** Null when nothing of this app lives on local disk, or the probe failed. */
  freeBytes: number | null;
  minFreeBytes: number;
  error?: string;
};

// Long enough that a burst of uploads shares one statfs, short enough that
// freed space is noticed at once.
const CACHE_MS = 1_500;

/** statfs of `dir`, or of its nearest existing parent when DATA_DIR is not created yet. */
export async function statfsFreeBytes(dir: string): Promise<number> {
  let current = path.resolve(dir);
  for (;;) {
    try {
      const stats = await statfs(current);
      return stats.bavail * stats.bsize;
    } catch (error) {
      const parent = path.dirname(current);
      const code = error instanceof Error && "code" in error ? error.code : undefined;
      if (code !== "ENOENT" || parent === current) throw error;
      current = parent;
    }
  }
}

let probe: FreeSpaceProbe = statfsFreeBytes;
let cached: { at: number; report: Promise<DiskSpace> } | null = null;

/** For tests only: measure with `next` instead of statfs (null restores it). Drops the cached report. */
export function setFreeSpaceProbe(next: FreeSpaceProbe | null): void {
  probe = next ?? statfsFreeBytes;
  cached = null;
}

// Files on local disk or the embedded database: otherwise (UploadThing and a
// PostgreSQL server, e.g. on Vercel) the app writes nothing there worth guarding.
function usesDataVolume(): boolean {
  return getStorageMode().driver === "local" || env.FILEFORGE_EMBEDDED_DB;
}

async function measure(): Promise<DiskSpace> {
  const minFreeBytes = env.MIN_FREE_DISK_MB * 1024 * 1024;
  if (!usesDataVolume()) return { ok: true, freeBytes: null, minFreeBytes };
  try {
    const freeBytes = await probe(path.resolve(env.DATA_DIR));
    return { ok: freeBytes >= minFreeBytes, freeBytes, minFreeBytes };
  } catch (error) {
    // A probe that cannot answer refuses nothing; the storage check reports an unusable directory.
    logger.warn({ err: error }, "could not measure free disk space");
    return { ok: true, freeBytes: null, minFreeBytes, error: error instanceof Error ? error.message : "unknown" };
  }
}

/** Free space on the data volume against MIN_FREE_DISK_MB, measured at most every 1.5 s. */
export function checkDiskSpace(): Promise<DiskSpace> {
  const now = Date.now();
  if (!cached || now - cached.at > CACHE_MS) cached = { at: now, report: measure() };
  return cached.report;
}

/** Refuses new work with 507 while the data volume is under its free-space floor. */
export async function assertDiskSpace(): Promise<void> {
  const disk = await checkDiskSpace();
  if (!disk.ok) {
    throw new AppError(
      "INSUFFICIENT_STORAGE",
      "The server is out of disk space, so it cannot take new uploads or jobs right now. Files you already have can still be downloaded. Try again later.",
    );
  }
}
