import type { TestProject } from "vitest/node";
import { createTestDatabase } from "../../scripts/db/create-test-database";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    databaseKind: "pglite" | "postgres";
  }
}

// Runs once per `npm test`: without DATABASE_URL an in-memory PGlite served on
// loopback; with it, a fresh database on that server. Both are removed after.
export default async function setup(project: TestProject) {
  const database = await createTestDatabase();
  project.provide("databaseUrl", database.url);
  project.provide("databaseKind", database.kind);
  console.log(`[test] database: ${database.kind}`);
  return async () => {
    await database.drop();
  };
}
