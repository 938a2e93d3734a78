// A fresh, migrated database per test suite.
//   DATABASE_URL set   -> a new database fileforge_test_<time>_<random> on that
//                         server (the real PostgreSQL), dropped by drop().
//   DATABASE_URL unset -> an in-memory PGlite served on a free loopback port,
//                         stopped by drop().
// Either way the app code under test connects with pg / @prisma/adapter-pg.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { applyMigrations } from "./apply-migrations";
import { startEmbeddedDb } from "./start-embedded-db";

export interface TestDatabase {
  url: string;
  kind: "pglite" | "postgres";
  drop(): Promise<void>;
}

const PREFIX = "fileforge_test_";
// A run that crashed before drop() leaves its database; later runs remove
// those older than this (no live suite runs that long).
const STALE_AFTER_SECONDS = 6 * 60 * 60;

export function databaseUrlFor(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function withAdminClient<T>(serverUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function dropStaleTestDatabases(client: pg.Client): Promise<void> {
  const { rows } = await client.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE $1", [`${PREFIX}%`]);
  const cutoff = Date.now() / 1000 - STALE_AFTER_SECONDS;
  for (const { datname } of rows) {
    const createdAt = parseInt(datname.slice(PREFIX.length).split("_")[0] ?? "", 36);
    if (createdAt < cutoff) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  }
}

async function createPostgresDatabase(serverUrl: string): Promise<TestDatabase> {
  // Name: prefix, creation time (base 36 seconds) for stale clean-up, randomness.
  const name = `${PREFIX}${Math.floor(Date.now() / 1000).toString(36)}_${randomBytes(5).toString("hex")}`;
  await withAdminClient(serverUrl, async (client) => {
    await dropStaleTestDatabases(client);
    await client.query(`CREATE DATABASE "${name}"`);
  });

  let dropping: Promise<void> | undefined;
  const drop = () => {
    // FORCE ends connections a test forgot to close.
    dropping ??= withAdminClient(serverUrl, async (client) => {
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    });
    return dropping;
  };

  const url = databaseUrlFor(serverUrl, name);
  try {
    await applyMigrations(url);
  } catch (error) {
    await drop();
    throw error;
  }
  return { url, kind: "postgres", drop };
}

async function createPgliteDatabase(): Promise<TestDatabase> {
  const db = await startEmbeddedDb();
  try {
    await applyMigrations(db.url);
  } catch (error) {
    await db.stop();
    throw error;
  }
  return { url: db.url, kind: "pglite", drop: db.stop };
}

export interface CreateTestDatabaseOptions {
  /**
   * The PostgreSQL server to create the database on; null => PGlite.
   * Omitted => DATABASE_URL if set, else PGlite.
   */
  serverUrl?: string | null;
}

export async function createTestDatabase(options: CreateTestDatabaseOptions = {}): Promise<TestDatabase> {
  const serverUrl = options.serverUrl === undefined ? process.env.DATABASE_URL : options.serverUrl;
  return serverUrl ? createPostgresDatabase(serverUrl) : createPgliteDatabase();
}
