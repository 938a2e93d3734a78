import "server-only";
import { env } from "@/env";
import { AppError } from "@/server/errors";

// Open live streams per owner in this process. Each stream holds a connection
// and a watcher that re-reads the database; without a cap one guest could open
// thousands and starve everyone. Per instance: a load balancer spreads an
// owner's streams, and each instance guards its own connections.
const globalForSlots = globalThis as unknown as { fileforgeStreamSlots?: Map<string, number> };
const openStreams = (globalForSlots.fileforgeStreamSlots ??= new Map());

/**
 * Takes one of the owner's stream slots, or refuses with 429 when all are in
 * use. Returns the release, which is safe to call more than once.
 */
export function takeStreamSlot(ownerKey: string, limit = env.MAX_STREAMS_PER_OWNER): () => void {
  const open = openStreams.get(ownerKey) ?? 0;
  if (open >= limit) {
    throw new AppError("RATE_LIMITED", `Too many live progress views are open (${limit}). Close some tabs; this page checks for updates instead.`, {
      retryAfterSeconds: 5,
    });
  }
  openStreams.set(ownerKey, open + 1);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    const left = (openStreams.get(ownerKey) ?? 1) - 1;
    if (left <= 0) openStreams.delete(ownerKey);
    else openStreams.set(ownerKey, left);
  };
}

/** How many streams the owner holds open here (for tests and health). */
export function openStreamCount(ownerKey: string): number {
  return openStreams.get(ownerKey) ?? 0;
}
