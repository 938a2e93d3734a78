import "server-only";
import { inngest } from "./inngest-client";

/** One event (or several) built with an event type's `create`, e.g. `jobRequested.create({ … })`. */
export type DurableEvent = Parameters<typeof inngest.send>[0];

/**
 * How services enqueue durable work: they know event names and payloads
 * (./event-types.ts) and call this, never the functions in inngest/, so the
 * import graph runs one way (inngest/ → services → events). The event goes
 * through the configured Inngest client: the embedded engine, the dev server
 * or an Inngest server, as src/server/durable/engine-mode.ts decides.
 */
export async function sendEvent(event: DurableEvent): Promise<void> {
  await inngest.send(event);
}
