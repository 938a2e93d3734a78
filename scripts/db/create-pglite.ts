// Creates PGlite instances with the extensions FileForge uses. Throwaway
// in-memory databases (shadow databases, tests) are cloned from a pristine
// copy kept in this process: loading a data directory takes about 0.3 s,
// running initdb again about 1.5 s.
import { PGlite } from "@electric-sql/pglite";
// PGlite 0.5 ships pgvector as its own package (there is no
// `@electric-sql/pglite/vector` any more).
import { vector } from "@electric-sql/pglite-pgvector";

const extensions = { vector };

let pristine: Promise<Blob> | undefined;

export async function createPglite(dataDir?: string): Promise<PGlite> {
  if (dataDir) return PGlite.create({ dataDir, extensions });
  if (pristine) return PGlite.create({ loadDataDir: await pristine, extensions });

  const db = await PGlite.create({ extensions });
  // Dump before anyone has used it; uncompressed, because gzip costs more
  // time than the ~40 MB of memory it would save in a tooling process.
  pristine = db.dumpDataDir("none");
  await pristine.catch(() => {
    pristine = undefined;
  });
  return db;
}
