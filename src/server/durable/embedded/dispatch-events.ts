import "server-only";
import { createHash } from "node:crypto";
import { createId } from "@paralleldrive/cuid2";
import type { Db, DbTx } from "@/server/db";
import { cancelMatchingRuns } from "./cancel-runs";
import { concurrencyKeysFor } from "./concurrency-limits";
import type { FunctionRegistry } from "./function-registry";
import { createRuns, findPendingEvents, takePendingEvent, type EventPayload } from "./run-store";

/** Gives each sent event an id (kept if the sender chose one) and a timestamp, as the Inngest event API does. */
export function normalizeEvents(payloads: unknown[]): EventPayload[] {
  return payloads.map((payload) => {
    const event = (payload ?? {}) as Partial<EventPayload> & Record<string, unknown>;
    if (typeof event.name !== "string" || event.name === "") throw new Error("Every event needs a name.");
    return { ...event, name: event.name, data: event.data ?? {}, id: event.id || createId(), ts: event.ts || Date.now() };
  });
}

/**
 * A run id derived from function and event: sending the same event id twice
 * starts one run per function, like Inngest's deduplication by event id, and
 * fanning a stored event out twice cannot duplicate runs.
 */
export function runIdFor(functionId: string, eventId: string): string {
  return `run_${createHash("sha256").update(`${functionId}\n${eventId}`).digest("base64url").slice(0, 24)}`;
}

/** Cancels what the events cancel, then creates a run for every function each event triggers. */
export async function dispatchEvents(db: DbTx, registry: FunctionRegistry, events: EventPayload[]): Promise<string[]> {
  const runIds: string[] = [];
  for (const event of events) {
    await cancelMatchingRuns(db, registry, event);
    const runs = registry.triggeredBy(event).map((entry) => ({
      id: runIdFor(entry.id, event.id),
      functionId: entry.id,
      event,
      concurrencyKeys: concurrencyKeysFor(entry.id, entry.keyedLimits, event),
    }));
    await createRuns(db, runs);
    runIds.push(...runs.map((run) => run.id));
  }
  return runIds;
}

/** Fans out events stored while no engine ran; each row is taken by exactly one engine. */
export async function dispatchPendingEvents(db: Db, registry: FunctionRegistry): Promise<number> {
  const names = registry.eventNames();
  if (names.length === 0) return 0;
  let dispatched = 0;
  for (const row of await findPendingEvents(db, names)) {
    await db.$transaction(async (tx) => {
      if (!(await takePendingEvent(tx, row.id))) return;
      await dispatchEvents(tx, registry, [row.event as unknown as EventPayload]);
      dispatched++;
    });
  }
  return dispatched;
}
