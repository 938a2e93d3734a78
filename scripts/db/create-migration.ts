// Creates prisma/migrations/<timestamp>_<name>/migration.sql from the diff
// between the existing migrations (replayed in a throwaway shadow PGlite) and
// schema.prisma. No database server is involved, so nothing can be damaged.
import { writeMigration } from "./migration-files";
import { planMigration, type PlanMigrationOptions } from "./plan-migration";

export interface CreateMigrationOptions extends PlanMigrationOptions {
  name: string;
  /** For tests; the directory name's timestamp (UTC). */
  now?: Date;
}

export interface CreatedMigration {
  directory: string;
  /** Changes that lose data or may fail on existing rows; see findDataLossWarnings. */
  warnings: string[];
}

// Prisma names directories <UTC yyyymmddHHMMss>_<snake_case name>.
function directoryName(name: string, now: Date): string {
  const slug = name.trim().toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/^_+|_+$/g, "").slice(0, 200);
  if (!slug) throw new Error("A migration needs a name, e.g. --name add_jobs");
  const timestamp = now.toISOString().replace(/[-:T]/g, "").slice(0, 14);
  return `${timestamp}_${slug}`;
}

const marker = /^(\[[+*-]\]|-)\s*/;

/**
 * The risky lines of the engine's summary, e.g. "Changed the `User` table:
 * Removed column `image`": changes that lose data (dropped tables, columns,
 * enum values, retyped columns) or fail on existing rows (column made
 * required). The engine's own check (evaluateDataLoss) cannot run in WASM for
 * PostgreSQL, so this reads the diff instead.
 */
export function findDataLossWarnings(summary: string): string[] {
  const warnings: string[] = [];
  let section = "";
  for (const line of summary.split("\n")) {
    if (!line.trim()) continue;
    if (!line.startsWith(" ")) {
      section = line.trim();
      continue;
    }
    const item = line.trim();
    const risky = section.startsWith("[-]") || item.startsWith("[-]") || /dropped and recreated|to Required/.test(item);
    if (risky) warnings.push(`${section.replace(marker, "")}: ${item.replace(marker, "")}`);
  }
  return warnings;
}

// Prisma puts its warnings in a comment at the top of the migration, too.
function warningsComment(warnings: string[]): string {
  if (warnings.length === 0) return "";
  return `/*\n  Warnings:\n\n${warnings.map((w) => `  - ${w}`).join("\n")}\n\n*/\n`;
}

export async function createMigrationWithWarnings(options: CreateMigrationOptions): Promise<CreatedMigration | null> {
  const name = directoryName(options.name, options.now ?? new Date()); // validate before the slow part
  const plan = await planMigration(options);
  if (!plan) return null;
  const warnings = findDataLossWarnings(plan.summary);
  const directory = await writeMigration({
    directoryName: name,
    script: warningsComment(warnings) + plan.script,
    extension: "sql",
    provider: "postgresql",
    migrationsDir: options.migrationsDir,
  });
  return { directory, warnings };
}

/** Returns the new migration's directory, or null when nothing changed. */
export async function createMigration(options: CreateMigrationOptions): Promise<string | null> {
  return (await createMigrationWithWarnings(options))?.directory ?? null;
}
