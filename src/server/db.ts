import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { env } from "@/env";
import { PrismaClient } from "./db/generated/client";

export type Db = PrismaClient;
/** A client or the client handed to a `$transaction` callback. */
export type DbTx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

/** Which engine backs DATABASE_URL, for health reports and logs. */
export const databaseKind: "pglite" | "postgres" = env.FILEFORGE_EMBEDDED_DB ? "pglite" : "postgres";

export function createPrismaClient(databaseUrl: string): PrismaClient {
  // The app always speaks the Postgres protocol: to PGlite served on loopback
  // by the launcher, or to a real server. One adapter, one code path.
  const adapter = new PrismaPg({ connectionString: databaseUrl, max: 10 });
  return new PrismaClient({ adapter });
}

const globalForDb = globalThis as unknown as { fileforgeDb?: PrismaClient };

function getClient(): PrismaClient {
  if (globalForDb.fileforgeDb) return globalForDb.fileforgeDb;
  if (!env.DATABASE_URL) {
    throw new Error(
      "DATABASE_URL is not set. Start FileForge with `npm run dev` or `npm start`, which run the embedded database, or set DATABASE_URL to a PostgreSQL server.",
    );
  }
  const client = createPrismaClient(env.DATABASE_URL);
  // One client per process; kept across hot reloads in development.
  globalForDb.fileforgeDb = client;
  return client;
}

/**
 * The process-wide client, created on first use so that importing this module
 * (as `next build` does while collecting routes) never needs a database.
 */
export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const client = getClient();
    const value = Reflect.get(client, property, client) as unknown;
    return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(client) : value;
  },
});
