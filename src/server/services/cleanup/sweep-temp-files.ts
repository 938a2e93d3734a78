import "server-only";
import { readdir, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { SPOOL_DIR_PREFIX } from "@/server/storage/spool-to-disk";
import { getStorageMode } from "@/server/storage/storage-mode";

const MAX_AGE_MS = 60 * 60 * 1000;

type TempPlace = { dir: string; matches: (name: string) => boolean };

/**
 * Where half-written bytes are left when a process dies mid-write: the local
 * driver's `.part` files (under its root's `.tmp`) and the tool workers'
 * per-job directories (`fileforge-job-*` in the system temp directory) and
 * uploads spooled on their way to UploadThing (`fileforge-spool-*`).
 */
export function tempPlaces(): TempPlace[] {
  const mode = getStorageMode();
  const places: TempPlace[] = [{ dir: tmpdir(), matches: (name) => name.startsWith("fileforge-job-") || name.startsWith(SPOOL_DIR_PREFIX) }];
  if (mode.driver === "local") places.push({ dir: path.join(mode.root, ".tmp"), matches: (name) => name.endsWith(".part") });
  return places;
}

/**
 * Removes leftovers older than an hour (a write or a job in flight is never
 * that old: uploads and tool steps have shorter deadlines), so a crash cannot
 * slowly fill the disk.
 */
export async function sweepTempFiles(places = tempPlaces(), now = new Date()): Promise<{ deletedTempEntries: number }> {
  let deletedTempEntries = 0;
  for (const place of places) {
    const names = await readdir(place.dir).catch(() => [] as string[]);
    for (const name of names.filter(place.matches)) {
      const entry = path.join(place.dir, name);
      const info = await stat(entry).catch(() => null);
      if (!info || now.getTime() - info.mtime.getTime() < MAX_AGE_MS) continue;
      await rm(entry, { recursive: true, force: true });
      deletedTempEntries += 1;
    }
  }
  return { deletedTempEntries };
}
