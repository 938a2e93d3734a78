// Applies pending prisma/migrations to a database, recording each in
// `_prisma_migrations` exactly as `prisma migrate deploy` does (same engine
// code), so either tool can take over from the other. Idempotent.
import { findPendingMigrations } from "./find-pending-migrations";
import { MIGRATIONS_DIR, readMigrationList } from "./migration-files";

export interface ApplyMigrationsOptions {
  migrationsDir?: string;
}

export async function applyMigrations(databaseUrl: string, options: ApplyMigrationsOptions = {}): Promise<{ applied: string[] }> {
  const migrationsList = await readMigrationList(options.migrationsDir ?? MIGRATIONS_DIR);
  const names = migrationsList.migrationDirectories.map((directory) => directory.path);
  if (names.length === 0) return { applied: [] };
  if ((await findPendingMigrations(databaseUrl, names)).length === 0) return { applied: [] };
  // Loaded only when needed: the engine's WASM stays resident once loaded.
  const { NO_FILTER, withSchemaEngine } = await import("./with-schema-engine");
  return withSchemaEngine({ databaseUrl }, async ({ engine }) => {
    const { appliedMigrationNames } = await engine.applyMigrations({ migrationsList, filters: NO_FILTER });
    return { applied: appliedMigrationNames };
  });
}
