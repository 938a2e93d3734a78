import "server-only";
import { randomBytes } from "node:crypto";
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { env } from "@/env";
import { logger } from "@/server/logger";
import { isValidStorageKey } from "./create-storage-key";
import type { StorageDriver } from "./types";

// Rendered previews (thumbnails, page images) on local disk under
// DATA_DIR/cache/previews, one directory per stored object. A stored object's
// bytes never change, so an entry stays valid until the object is deleted;
// keyed by storage key, every delete that goes through the storage driver
// (a user's delete, expiry, account deletion, the orphan sweep) drops the
// previews with the bytes (dropPreviewsOnDelete). A cache that cannot be
// written (a read-only disk) only costs a render.

const VARIANT = /^[a-z0-9-]+\.(?:webp|png)(?:\.error)?$/;

function cacheRoot(): string {
  return path.resolve(env.DATA_DIR, "cache", "previews");
}

/** `2026/12/05/abc` → `2026.12.05.abc`: keys have no dots, so the mapping is one to one and the directory flat. */
function directoryOf(storageKey: string): string | null {
  return isValidStorageKey(storageKey) ? path.join(cacheRoot(), storageKey.replaceAll("/", ".")) : null;
}

function entryPath(storageKey: string, variant: string): string | null {
  const dir = directoryOf(storageKey);
  return dir && VARIANT.test(variant) ? path.join(dir, variant) : null;
}

export async function readCachedPreview(storageKey: string, variant: string): Promise<Uint8Array | null> {
  const file = entryPath(storageKey, variant);
  if (!file) return null;
  return readFile(file).then(
    (buffer) => new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength),
    () => null,
  );
}

/** Written whole or not at all (temp file, then rename), so a reader never sees half a PNG. */
export async function writeCachedPreview(storageKey: string, variant: string, data: Uint8Array): Promise<void> {
  const file = entryPath(storageKey, variant);
  if (!file) return;
  const temp = path.join(cacheRoot(), `.tmp-${randomBytes(9).toString("base64url")}`);
  try {
    await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
    await writeFile(temp, data, { mode: 0o600 });
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true }).catch(() => undefined);
    logger.warn({ err: error }, "could not cache a rendered preview; it will be rendered again next time");
  }
}

export async function removeCachedPreviews(storageKey: string): Promise<void> {
  const dir = directoryOf(storageKey);
  if (dir) await rm(dir, { recursive: true, force: true });
}

/** Every cached object's storage key with when its newest preview was written, for the sweep. */
export async function* listCachedPreviews(): AsyncGenerator<{ storageKey: string; modifiedAt: Date }> {
  const entries = await readdir(cacheRoot(), { withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    if (!entry.isDirectory()) continue;
    const storageKey = entry.name.replaceAll(".", "/");
    const info = await stat(path.join(cacheRoot(), entry.name)).catch(() => null);
    if (info && isValidStorageKey(storageKey)) yield { storageKey, modifiedAt: info.mtime };
  }
}

/** The driver, except that deleting an object also deletes its cached previews. */
export function dropPreviewsOnDelete(driver: StorageDriver): StorageDriver {
  return {
    name: driver.name,
    write: (key, body, options) => driver.write(key, body, options),
    read: (key) => driver.read(key),
    readBytes: (key) => driver.readBytes(key),
    // Previews first: callers often ignore a failed object delete and leave it to the orphan sweep.
    delete: async (key) => {
      await removeCachedPreviews(key).catch((error: unknown) => logger.warn({ err: error }, "could not remove cached previews"));
      await driver.delete(key);
    },
    stat: (key) => driver.stat(key),
    list: () => driver.list(),
  };
}
