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
