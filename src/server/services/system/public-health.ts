import "server-only";
import type { Health } from "./get-health";

/**
 * What anyone may read of the health report: whether each part works and
 * what kind it is (`database.adapter`, `storage.driver`, the job engine, the
 * AI mode) — but no error text, which can name hosts, ports, users and paths.
 * Admins get the full report (the admin system page, or /api/health signed in).
 */
export function publicHealth(health: Health) {
  const { error: _databaseError, ...database } = health.database as Health["database"] & { error?: string };
  const { error: _storageError, ...storage } = health.storage as Health["storage"] & { error?: string };
  return { ...health, database, storage };
}
