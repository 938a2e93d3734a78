import "server-only";
import type { EmbeddedEngine } from "./engine";
import { getEmbeddedEngine } from "./engine-registry";

/**
 * Placeholder event key for embedded mode. With it the SDK sends events as it
 * would to Inngest Cloud (`POST …/e/<key>`), and the fetch below delivers them
 * to the engine instead. It is never sent anywhere.
 */
export const EMBEDDED_EVENT_KEY = "fileforge-embedded-engine";

type EventSink = Pick<EmbeddedEngine, "running" | "send">;

function requestParts(input: RequestInfo | URL, init?: RequestInit) {
  const url = new URL(input instanceof Request ? input.url : input.toString());
  const method = (init?.method ?? (input instanceof Request ? input.method : "GET")).toUpperCase();
  return { url, method, body: init?.body ?? (input instanceof Request ? input.body : null) };
}

/**
 * A `fetch` for the Inngest client that answers the event API in-process:
 * events go to the running engine, or into the database for the next engine
 * to start. Every other Inngest API call fails with a message saying which
 * setting brings in a real Inngest server.
 */
export function createEmbeddedFetch(options: { engine?: () => EventSink | undefined } = {}): typeof fetch {
  const resolveEngine = options.engine ?? getEmbeddedEngine;
  return async (input, init) => {
    const { url, method, body } = requestParts(input, init);
    if (method !== "POST" || url.pathname !== `/e/${EMBEDDED_EVENT_KEY}`) {
      throw new Error(
        `The embedded job engine only receives events; the Inngest SDK tried ${method} ${url.pathname}. ` +
          "This feature needs an Inngest server: set INNGEST_EVENT_KEY and INNGEST_SIGNING_KEY (Inngest Cloud), INNGEST_BASE_URL (self-hosted) or INNGEST_DEV=1.",
      );
    }
    let payloads: unknown[];
    try {
      const parsed: unknown = JSON.parse(await new Response(body).text());
      payloads = Array.isArray(parsed) ? parsed : [parsed];
    } catch {
      return Response.json({ ids: [], status: 400, error: "The event body is not JSON." }, { status: 400 });
    }
    const engine = resolveEngine();
    // Loaded on first use so that importing the Inngest client stays cheap
    // and free of the database in bundles that never send.
    const ids = engine?.running
      ? await engine.send(payloads)
      : await (await import("./store-events-for-later")).storeEventsForLater(payloads);
    return Response.json({ ids, status: 200 });
  };
}

/** Options that make an Inngest client deliver its events to the embedded engine. */
export function embeddedClientOptions(options?: Parameters<typeof createEmbeddedFetch>[0]) {
  return { eventKey: EMBEDDED_EVENT_KEY, fetch: createEmbeddedFetch(options) };
}
