// What is left on disk once the guests' data has expired: runs the app's own
// clean-up (delete-expired, then the orphan sweep) with the clock two days
// ahead, against the app's database and data directory, then counts files.
import { readdir } from "node:fs/promises";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../../src/server/db/generated/client";
import { deleteExpired } from "../../src/server/services/cleanup/delete-expired";
import { sweepOrphanObjects } from "../../src/server/services/cleanup/sweep-orphan-objects";
import { createLocalDriver } from "../../src/server/storage/local-driver";

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((entry) => entry.isFile()).map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)));
}

/** Runs the expiry with `now` = two days ahead; returns what the clean-up did and the files still there. */
export async function expireAndCountLeftovers(databaseUrl: string, dataDir: string) {
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl, max: 2 }) });
  const storage = createLocalDriver(path.join(dataDir, "files"));
  const later = new Date(Date.now() + 48 * 3_600_000);
  try {
    const expired = await deleteExpired(db, storage, later);
    const swept = await sweepOrphanObjects(db, storage, later);
    const rows = { files: await db.file.count(), jobs: await db.job.count() };
    const stored = await filesUnder(path.join(dataDir, "files"));
    // The app's TMPDIR (worker hand-off directories) lives in its data dir too;
    // tsx keeps its compile cache there, which is not the app's.
    const temp = (await filesUnder(path.join(dataDir, "tmp"))).filter((file) => !file.startsWith("tsx-"));
    return { ...expired, ...swept, rowsLeft: rows, filesLeft: stored.length + temp.length, filesLeftSample: [...stored, ...temp].slice(0, 5) };
  } finally {
    await db.$disconnect();
  }
}
