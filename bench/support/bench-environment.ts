// The setup of a bench that runs the app's services in its own process: an
// embedded database of its own, a private data folder, a fixed auth secret
// and quiet logs. Call it before importing any app module: they read the
// environment once, when first imported.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createTestDatabase } from "../../scripts/db/create-test-database";

/** Returns the database, for `database.drop()` at the end; `extra` adds or overrides variables (a model server, the tool runner). */
export async function startBenchEnvironment(name: string, extra: Record<string, string> = {}) {
  const database = await createTestDatabase({ serverUrl: null });
  Object.assign(process.env, {
    DATABASE_URL: database.url,
    FILEFORGE_EMBEDDED_DB: "1",
    AUTH_SECRET: "bench-secret-bench-secret-bench-secret-0123",
    LOG_LEVEL: "silent",
    DATA_DIR: mkdtempSync(path.join(tmpdir(), `fileforge-${name}-bench-`)),
    ...extra,
  });
  return database;
}

/**
 * After startBenchEnvironment: the app's database and storage, and a way to
 * store bytes as an upload leaves them (stored object plus File row).
 */
export async function openBenchApp() {
  const { db } = await import("../../src/server/db");
  const { getStorage } = await import("../../src/server/storage");
  const { createStorageKey } = await import("../../src/server/storage/create-storage-key");
  const storage = getStorage();
  const storeFile = async (owner: { userId: string } | { guestId: string }, name: string, mimeType: string, bytes: Uint8Array) => {
    const storageKey = createStorageKey();
    const stored = await storage.write(storageKey, bytes, { maxBytes: bytes.byteLength });
    return db.file.create({ data: { ...owner, storageKey, name, mimeType, ...stored } });
  };
  return { db, storage, storeFile };
}
