// What the next migration would be: the diff from prisma/migrations (replayed
// in a throwaway shadow PGlite) to schema.prisma, as SQL and as Prisma's
// human-readable summary. Null when they already match.
//
// The WASM engine's own createMigration/evaluateDataLoss cannot be used for
// PostgreSQL: they do not receive the adapter factory and fail with
// "PostgreSQL shadow DB must be provided through an external factory". diff
// does receive it, and renders the same migration script.
import type { MigrationList } from "@prisma/schema-engine-wasm";
import { MIGRATIONS_DIR, lockfileContent, readMigrationList } from "./migration-files";
import { NO_FILTER, withSchemaEngine } from "./with-schema-engine";

export interface PlanMigrationOptions {
  migrationsDir?: string;
  schemaPath?: string;
}

export interface MigrationPlan {
  script: string;
  summary: string;
}

// Before the first migration there is no lockfile, and the engine refuses a
// history without one; supply what createMigration would write.
function withLockfile(list: MigrationList): MigrationList {
  if (list.lockfile.content !== null) return list;
  return { ...list, lockfile: { ...list.lockfile, content: lockfileContent("postgresql") } };
}

export async function planMigration(options: PlanMigrationOptions = {}): Promise<MigrationPlan | null> {
  const migrationsList = withLockfile(await readMigrationList(options.migrationsDir ?? MIGRATIONS_DIR));
  // No databaseUrl: nothing but throwaway PGlites is involved.
  return withSchemaEngine({ schemaPath: options.schemaPath }, async ({ engine, schema }) => {
    const diff = (script: boolean) =>
      engine.diff({
        from: { tag: "migrations", ...migrationsList },
        to: { tag: "schemaDatamodel", ...schema },
        script,
        exitCode: true, // 2 when there are differences, 0 when none
        filters: NO_FILTER,
      });
    const script = await diff(true);
    if (script.exitCode !== 2) return null;
    const summary = await diff(false);
    return { script: script.stdout ?? "", summary: summary.stdout ?? "" };
  });
}
