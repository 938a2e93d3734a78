import "server-only";
import type { DbTx } from "@/server/db";
import type { FunctionRegistry } from "./function-registry";
import type { EventPayload } from "./run-store";
import { RunStatus, TERMINAL_STATUSES } from "./run-status";

/**
 * Applies functions' `cancelOn` to an incoming event: unfinished runs whose
 * triggering event matches (`event` = the run's event, `async` = this one)
 * become canceled. A waiting run never starts again; a running one stops at
 * its next write (its current step finishes, nothing after it runs).
 */
export async function cancelMatchingRuns(db: DbTx, registry: FunctionRegistry, event: EventPayload): Promise<string[]> {
  const canceled: string[] = [];
  for (const entry of registry.all()) {
    for (const cancel of entry.cancelOn) {
      if (cancel.event !== event.name) continue;
      const since = cancel.timeoutMs ? new Date(Date.now() - cancel.timeoutMs) : undefined;
      const candidates = await db.engineRun.findMany({
        where: {
          functionId: entry.id,
          status: { notIn: [...TERMINAL_STATUSES, RunStatus.event] },
          ...(since ? { createdAt: { gte: since } } : {}),
        },
        select: { id: true, event: true },
      });
      const ids = candidates.filter((run) => cancel.condition({ event: run.event, async: event })).map((run) => run.id);
      if (ids.length === 0) continue;
      await db.engineRun.updateMany({
        where: { id: { in: ids }, status: { notIn: TERMINAL_STATUSES } },
        data: { status: RunStatus.canceled, claimedUntil: null, error: `Canceled by the event "${event.name}".` },
      });
      canceled.push(...ids);
    }
  }
  return canceled;
}
