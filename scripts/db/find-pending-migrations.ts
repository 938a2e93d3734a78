// Which migrations a database still lacks, read from `_prisma_migrations` with
// one query. Starting the schema engine costs about 25 MB that the process
// keeps, and almost every start has nothing to apply, so the launcher asks
// this first and loads the engine only when something is pending (or when the
// history is in a state only the engine can judge: a failed migration).
import pg from "pg";

export async function findPendingMigrations(databaseUrl: string, names: string[]): Promise<string[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const table = await client.query<{ exists: boolean }>("SELECT to_regclass('_prisma_migrations') IS NOT NULL AS exists");
    if (!table.rows[0]?.exists) return names;
    const { rows } = await client.query<{ migration_name: string; finished_at: Date | null; rolled_back_at: Date | null }>(
      "SELECT migration_name, finished_at, rolled_back_at FROM _prisma_migrations",
    );
    // A started-but-unfinished migration is the engine's to report; past
    // this, every row not rolled back is a finished one.
    if (rows.some((row) => row.finished_at === null && row.rolled_back_at === null)) return names;
    const applied = new Set(rows.filter((row) => row.rolled_back_at === null).map((row) => row.migration_name));
    return names.filter((name) => !applied.has(name));
  } finally {
    await client.end();
  }
}
