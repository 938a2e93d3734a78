import "server-only";
import { db } from "@/server/db";
import { normalizeEvents } from "./dispatch-events";
import { storePendingEvents } from "./run-store";

/**
 * Keeps events sent while no engine runs in this process (a script, a test,
 * the moment before start-up) in the database; the next engine to start, or
 * a running one in another process, fans them out into runs.
 */
export async function storeEventsForLater(payloads: unknown[]): Promise<string[]> {
  const events = normalizeEvents(payloads);
  await storePendingEvents(db, events);
  return events.map((event) => event.id);
}
