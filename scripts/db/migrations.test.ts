import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { describe, expect, inject, it } from "vitest";
import { applyMigrations } from "./apply-migrations";
import { createTestDatabase, databaseUrlFor, type CreateTestDatabaseOptions } from "./create-test-database";
import { diffMigrationsToSchema } from "./diff-migrations-to-schema";
import { findPendingMigrations } from "./find-pending-migrations";
import { MIGRATIONS_DIR, readMigrationList } from "./migration-files";

// test/support/setup-env.ts points DATABASE_URL at the suite's own database,
// so the real server (when the run has one) is recovered from that URL.
const serverUrl = inject("databaseKind") === "postgres" ? databaseUrlFor(inject("databaseUrl"), "postgres") : null;

async function query<T extends pg.QueryResultRow>(url: string, sql: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

describe("prisma/migrations", { timeout: 180_000 }, () => {
  it("describes exactly schema.prisma (no drift)", async () => {
    expect(await diffMigrationsToSchema()).toBe("");
  });

  it("is in Prisma's layout, with a postgresql lockfile", async () => {
    const list = await readMigrationList();
    expect(list.lockfile.content).toContain('provider = "postgresql"');
    expect(list.migrationDirectories.length).toBeGreaterThan(0);
    for (const directory of list.migrationDirectories) {
      expect(directory.path).toMatch(/^\d{14}_[a-z0-9_]+$/);
      expect(directory.migrationFile.content.tag).toBe("ok");
    }
  });
});

const targets: { kind: "pglite" | "postgres"; options: CreateTestDatabaseOptions }[] = [
  { kind: "pglite", options: { serverUrl: null } },
  ...(serverUrl ? [{ kind: "postgres" as const, options: { serverUrl } }] : []),
];

describe.each(targets)("createTestDatabase on $kind", ({ kind, options }) => {
  it("applies every migration once, as prisma migrate deploy records them, and drops cleanly", async () => {
    const database = await createTestDatabase(options);
    try {
      expect(database.kind).toBe(kind);

      const tables = await query<{ table_name: string }>(
        database.url,
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name",
      );
      expect(tables.map((t) => t.table_name)).toEqual(expect.arrayContaining(["User", "Account", "Session", "_prisma_migrations"]));

      const expected = await Promise.all(
        (await readMigrationList()).migrationDirectories.map(async (directory) => {
          const script = await readFile(path.join(MIGRATIONS_DIR, directory.path, "migration.sql"));
          return { migration_name: directory.path, checksum: createHash("sha256").update(script).digest("hex") };
        }),
      );
      const recorded = await query<{ migration_name: string; checksum: string }>(
        database.url,
        `SELECT migration_name, checksum FROM _prisma_migrations
         WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
      );
      expect(recorded).toEqual(expected);

      // The app's first write works on the migrated schema.
      await query(database.url, `INSERT INTO "User" (id, email, "updatedAt") VALUES ('u1', 'a@example.test', now())`);
      expect(await query(database.url, `SELECT role FROM "User" WHERE id = 'u1'`)).toEqual([{ role: "USER" }]);

      expect(await applyMigrations(database.url)).toEqual({ applied: [] });

      // The launcher's cheap check agrees with the engine, and sees a new one.
      const names = expected.map((row) => row.migration_name);
      expect(await findPendingMigrations(database.url, names)).toEqual([]);
      expect(await findPendingMigrations(database.url, [...names, "29991231000000_later"])).toEqual(["29991231000000_later"]);
      await query(database.url, `UPDATE _prisma_migrations SET finished_at = NULL WHERE migration_name = $1`, [names.at(-1)]);
      expect(await findPendingMigrations(database.url, names)).toEqual(names); // a failed one: the engine decides
    } finally {
      await database.drop();
    }

    if (kind === "postgres" && serverUrl) {
      const name = new URL(database.url).pathname.slice(1);
      expect(await query(serverUrl, "SELECT datname FROM pg_database WHERE datname = $1", [name])).toEqual([]);
    } else {
      await expect(query(database.url, "SELECT 1")).rejects.toThrow();
    }
  });
});
