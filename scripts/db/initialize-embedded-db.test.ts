import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { initializeEmbeddedDbInChild, isFreshPgliteDir } from "./initialize-embedded-db";
import { readMigrationList } from "./migration-files";
import { startEmbeddedDb } from "./start-embedded-db";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("initializeEmbeddedDbInChild", { timeout: 120_000 }, () => {
  it("leaves a migrated PGlite directory behind, made by another process", async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "fileforge-init-"));
    dirs.push(dataDir);
    const pgliteDir = path.join(dataDir, "pglite");
    expect(isFreshPgliteDir(pgliteDir)).toBe(true);

    await initializeEmbeddedDbInChild(pgliteDir);
    expect(isFreshPgliteDir(pgliteDir)).toBe(false);

    // This process opens it as the launcher would: every migration is there.
    const db = await startEmbeddedDb({ dataDir: pgliteDir });
    const client = new pg.Client({ connectionString: db.url });
    try {
      await client.connect();
      const { rows } = await client.query<{ migration_name: string }>(
        "SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL ORDER BY migration_name",
      );
      const expected = (await readMigrationList()).migrationDirectories.map((directory) => directory.path);
      expect(rows.map((row) => row.migration_name)).toEqual(expected);
    } finally {
      await client.end();
      await db.stop();
    }
  });
});
