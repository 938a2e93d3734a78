import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { createTestDatabase } from "../../scripts/db/create-test-database";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    databaseKind: "pglite" | "postgres";
    dataRoot: string;
  }
}

// Runs once per `npm test`: without DATABASE_URL an in-memory PGlite served on
// loopback; with it, a fresh database on that server. Both are removed after.
export default async function setup(project: TestProject) {
  const database = await createTestDatabase();
  project.provide("databaseUrl", database.url);
  project.provide("databaseKind", database.kind);
  // Local storage and other embedded state of the run, never the repo's .data.
  const dataRoot = mkdtempSync(path.join(tmpdir(), "fileforge-test-"));
  project.provide("dataRoot", dataRoot);
  console.log(`[test] database: ${database.kind}`);
  return async () => {
    await database.drop();
    rmSync(dataRoot, { recursive: true, force: true });
  };
}
