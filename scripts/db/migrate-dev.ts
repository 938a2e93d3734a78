// npm run db:migrate -- --name <name> [--create-only] [--accept-data-loss]
// 1. Writes prisma/migrations/<timestamp>_<name>/migration.sql from the diff
//    between the migrations and schema.prisma (computed in a throwaway PGlite;
//    no database is touched).
// 2. Applies pending migrations to DATABASE_URL, or to the embedded PGlite
//    under .data/pglite. A migration that would lose data is written but not
//    applied unless --accept-data-loss.
import path from "node:path";
import { parseArgs } from "node:util";
import { applyMigrations } from "./apply-migrations";
import { createMigrationWithWarnings } from "./create-migration";
import { openTargetDatabase } from "./open-target-database";
import { planMigration } from "./plan-migration";
import { runCli } from "./run-cli";

// Without --name there is nothing to call a new migration: fine only if none is needed.
async function requireNoChanges(): Promise<null> {
  if (await planMigration()) throw new Error("schema.prisma has changes: name the migration, npm run db:migrate -- --name <name>");
  return null;
}

await runCli("development", async () => {
  const { values } = parseArgs({
    options: {
      name: { type: "string", short: "n" },
      "create-only": { type: "boolean", default: false },
      "accept-data-loss": { type: "boolean", default: false },
    },
  });

  const created = values.name ? await createMigrationWithWarnings({ name: values.name }) : await requireNoChanges();
  if (created) {
    console.log(`Created ${path.relative(process.cwd(), created.directory)}/migration.sql`);
    if (created.warnings.length > 0) {
      console.log(`\nWarnings, this migration can lose data or fail on existing rows:\n${created.warnings.map((w) => `  - ${w}`).join("\n")}`);
      if (!values["accept-data-loss"] && !values["create-only"]) {
        throw new Error("Not applied. Review the migration, then run `npm run db:deploy` (or rerun with --accept-data-loss).");
      }
    }
  } else {
    console.log("schema.prisma matches prisma/migrations: no new migration.");
  }
  if (values["create-only"]) return;

  const target = await openTargetDatabase({
    databaseUrl: process.env.DATABASE_URL,
    // Where scripts/run-app.ts keeps it.
    dataDir: path.resolve(process.env.DATA_DIR || ".data", "pglite"),
  });
  try {
    const { applied } = await applyMigrations(target.url);
    if (applied.length === 0) console.log(`${target.description} is up to date.`);
    else console.log(`Applied to ${target.description}:\n${applied.map((name) => `  ${name}`).join("\n")}`);
  } finally {
    await target.close();
  }
});
