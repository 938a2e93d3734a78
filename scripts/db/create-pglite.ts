// Creates PGlite instances with the extensions FileForge uses. Throwaway
// in-memory databases (shadow databases, tests) are cloned from a pristine
// copy kept in this process: loading a data directory takes about 0.3 s,
// running initdb again about 1.5 s.
import { PGlite } from "@electric-sql/pglite";
// PGlite 0.5 ships pgvector as its own package (there is no
// `@electric-sql/pglite/vector` any more).
import { vector } from "@electric-sql/pglite-pgvector";

const extensions = { vector };

// PGlite's own postgresql.conf keeps PostgreSQL's server defaults (128 MB of
// shared buffers, all of it soon resident in the WASM heap). FileForge's
// database is small and PGlite serves one session: these cut the host
// process's resident memory by about 170 MB (measured: 511 → 336 MB at start).
const postgresqlconf = ["shared_buffers=16MB", "wal_buffers=1MB", "work_mem=2MB", "maintenance_work_mem=16MB", "temp_buffers=1MB"];

let pristine: Promise<Blob> | undefined;

export async function createPglite(dataDir?: string): Promise<PGlite> {
  if (dataDir) return PGlite.create({ dataDir, extensions, postgresqlconf });
  if (pristine) return PGlite.create({ loadDataDir: await pristine, extensions, postgresqlconf });

  const db = await PGlite.create({ extensions, postgresqlconf });
  // Dump before anyone has used it; uncompressed, because gzip costs more
  // time than the ~40 MB of memory it would save in a tooling process.
  pristine = db.dumpDataDir("none");
  await pristine.catch(() => {
    pristine = undefined;
  });
  return db;
}
