// Applies pending prisma/migrations to a database, recording each in
// `_prisma_migrations` exactly as `prisma migrate deploy` does (same engine
// code), so either tool can take over from the other. Idempotent.
import { MIGRATIONS_DIR, readMigrationList } from "./migration-files";
import { NO_FILTER, withSchemaEngine } from "./with-schema-engine";

export interface ApplyMigrationsOptions {
  migrationsDir?: string;
}

export async function applyMigrations(databaseUrl: string, options: ApplyMigrationsOptions = {}): Promise<{ applied: string[] }> {
  const migrationsList = await readMigrationList(options.migrationsDir ?? MIGRATIONS_DIR);
  if (migrationsList.migrationDirectories.length === 0) return { applied: [] };
  return withSchemaEngine({ databaseUrl }, async ({ engine }) => {
    const { appliedMigrationNames } = await engine.applyMigrations({ migrationsList, filters: NO_FILTER });
    return { applied: appliedMigrationNames };
  });
}
