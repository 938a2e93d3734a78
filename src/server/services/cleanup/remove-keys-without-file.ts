import "server-only";
import type { DbTx } from "@/server/db";

const BATCH = 200;

/**
 * What both storage sweeps do with the keys they walk: look them up in
 * batches (one query per 200, not one per key) and remove those no File row
 * points to any more. `add` each key, then `finish` for the count removed.
 */
export function removeKeysWithoutFile(db: DbTx, remove: (storageKey: string) => Promise<void>) {
  let removed = 0;
  let batch: string[] = [];
  const flush = async () => {
    const known = await db.file.findMany({ where: { storageKey: { in: batch } }, select: { storageKey: true } });
    const keep = new Set(known.map((file) => file.storageKey));
    const gone = batch.filter((key) => !keep.has(key));
    await Promise.all(gone.map((key) => remove(key)));
    removed += gone.length;
    batch = [];
  };
  return {
    async add(storageKey: string): Promise<void> {
      batch.push(storageKey);
      if (batch.length >= BATCH) await flush();
    },
    async finish(): Promise<number> {
      if (batch.length > 0) await flush();
      return removed;
    },
  };
}
