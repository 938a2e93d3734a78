// Drift check: the SQL that would take a database built from prisma/migrations
// to what schema.prisma describes. Empty => the migrations are complete.
import { planMigration, type PlanMigrationOptions } from "./plan-migration";

export async function diffMigrationsToSchema(options: PlanMigrationOptions = {}): Promise<string> {
  return (await planMigration(options))?.script ?? "";
}
