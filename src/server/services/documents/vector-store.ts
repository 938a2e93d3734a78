import "server-only";
import type { DbTx } from "@/server/db";
import { logger } from "@/server/logger";

// Where chunk embeddings live:
//   "pgvector": DocumentChunk."embeddingVector" (type vector), ranked with <=>.
//   "array":    DocumentChunk.embedding (real[]), ranked by a dot product in SQL.
//
// The vector column is added here, at runtime, and not by a migration: the
// Debian PostgreSQL 15 these machines run has no pgvector package, so a
// migration creating a vector column would fail there and block every other
// migration. PGlite ships pgvector, and so do most hosted PostgreSQL services.
// Prisma never reads the column (it is not in schema.prisma), and migrations
// are diffed in a throwaway database, so the extra column causes no drift.
//
// No ANN index (HNSW/IVFFlat) is created: every search is restricted to the
// handful of files one actor chose, a few hundred chunks, where an exact scan
// is fast and complete. An ANN index ranks across all users' chunks first and
// filters afterwards, which silently returns fewer neighbours than asked for.
//
// Both stores hold unit-length vectors, so cosine similarity is a dot product.

export type VectorStore = "pgvector" | "array";

const detected = new WeakMap<object, Promise<VectorStore>>();

async function detect(db: DbTx): Promise<VectorStore> {
  const available = await db.$queryRaw<unknown[]>`SELECT 1 FROM pg_available_extensions WHERE name = 'vector'`;
  if (available.length === 0) return "array";
  try {
    await db.$executeRawUnsafe("CREATE EXTENSION IF NOT EXISTS vector");
    await db.$executeRawUnsafe('ALTER TABLE "DocumentChunk" ADD COLUMN IF NOT EXISTS "embeddingVector" vector');
    return "pgvector";
  } catch (error) {
    // Available but not installable (no privilege): the array store works everywhere.
    logger.warn({ err: error }, "pgvector is available but could not be enabled; using real[] embeddings");
    return "array";
  }
}

/** The store for this database, detected (and the vector column created) once per client. */
export function getVectorStore(db: DbTx): Promise<VectorStore> {
  let store = detected.get(db);
  if (!store) {
    store = detect(db);
    // A failed detection (database down) is retried next time rather than cached.
    store.catch(() => detected.delete(db));
    detected.set(db, store);
  }
  return store;
}

/** Scales to unit length; a zero vector stays zero (it then matches nothing). */
export function normalize(vector: readonly number[]): number[] {
  const norm = Math.hypot(...vector);
  return norm === 0 ? [...vector] : vector.map((value) => value / norm);
}

/** pgvector's text form, '[0.1,0.2,…]', sent as a parameter and cast with ::vector. */
export function toVectorLiteral(vector: readonly number[]): string {
  return `[${vector.map((value) => (Number.isFinite(value) ? value : 0)).join(",")}]`;
}

/** Pins the store for one client: tests run the real[] path on a database that also has pgvector. */
export function pinVectorStore(db: DbTx, store: VectorStore): void {
  detected.set(db, Promise.resolve(store));
}
