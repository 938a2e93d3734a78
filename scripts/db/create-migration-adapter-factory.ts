// The driver adapter factory the schema engine migrates through.
//
// The main database is `databaseUrl` through @prisma/adapter-pg, as in the app.
// The shadow database (where the engine replays prisma/migrations to learn
// what they produce) is always a throwaway in-memory PGlite, never a database
// on the target server, because PrismaPg.connectToShadowDb() is unsafe here
// (verified against PostgreSQL 15 and pglite-socket):
// - it runs CREATE DATABASE prisma_migrate_shadow_db_<uuid> and connects with
//   `{ ...config, database }`, but pg lets a connection string's database win,
//   so given a URL the "shadow" connection is the main database, and the
//   engine would replay every migration into it;
// - over pglite-socket the database name is ignored, with the same result;
// - given a config object it works, but its dispose drops the database before
//   closing its own pool, fails ("being accessed by other users") and leaves
//   prisma_migrate_shadow_db_* behind on the server.
// A throwaway PGlite needs no server and no CREATE DATABASE privilege, and
// leaves nothing behind.
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { connectThrowawayPglite } from "./connect-throwaway-pglite";

export interface MigrationAdapterFactory extends SqlMigrationAwareDriverAdapterFactory {
  /** Disposes every connection the engine left open. */
  close(): Promise<void>;
}

/**
 * @param databaseUrl the main database; omitted => a throwaway in-memory one,
 * for commands (diff) that only need the shadow database but for which the
 * engine still opens a main connection at start-up.
 */
export function createMigrationAdapterFactory({ databaseUrl }: { databaseUrl?: string } = {}): MigrationAdapterFactory {
  // The engine does not always dispose what it connected (a pg pool left open
  // keeps a CLI alive), so everything is tracked and closed at the end.
  const open = new Set<() => Promise<void>>();

  function track(adapter: SqlDriverAdapter): SqlDriverAdapter {
    const dispose = adapter.dispose.bind(adapter);
    let disposing: Promise<void> | undefined;
    const disposeOnce = () => {
      open.delete(disposeOnce);
      disposing ??= dispose();
      return disposing;
    };
    open.add(disposeOnce);
    adapter.dispose = disposeOnce;
    return adapter;
  }

  return {
    provider: "postgres",
    adapterName: "fileforge-migrate",
    connect: async () => track(databaseUrl ? await new PrismaPg(databaseUrl).connect() : await connectThrowawayPglite()),
    connectToShadowDb: async () => track(await connectThrowawayPglite()),
    async close() {
      await Promise.all([...open].map((dispose) => dispose()));
    },
  };
}
