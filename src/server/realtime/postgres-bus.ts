import "server-only";
import pg from "pg";
import type { Logger } from "@/server/logger";
import type { BusMessage, EventBus } from "./event-bus";
import { createInProcessBus } from "./in-process-bus";

const CHANNEL = "fileforge_events";

/**
 * LISTEN/NOTIFY on PostgreSQL, so every app instance sees every update. Local
 * subscribers hear messages through the database round trip only, which keeps
 * one delivery path. The listening connection reconnects after errors.
 */
export function createPostgresBus(databaseUrl: string, log: Logger): EventBus {
  const local = createInProcessBus();
  const notifier = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  // An idle connection the server drops is an 'error' on the pool: uncaught without this.
  notifier.on("error", (error) => log.warn({ err: error }, "event bus notify connection lost; the next update reconnects"));
  let listener: pg.Client | null = null;
  let closed = false;

  async function listen() {
    if (closed) return;
    const client = new pg.Client({ connectionString: databaseUrl });
    client.on("notification", (notification) => {
      if (notification.channel !== CHANNEL || !notification.payload) return;
      try {
        void local.publish(JSON.parse(notification.payload) as BusMessage);
      } catch {
        log.warn({ payload: notification.payload }, "ignored a malformed bus message");
      }
    });
    client.on("error", (error) => {
      log.warn({ err: error }, "event bus connection lost; reconnecting");
      listener = null;
      void client.end().catch(() => undefined);
      setTimeout(() => void listen(), 1_000).unref();
    });
    await client.connect();
    await client.query(`LISTEN ${CHANNEL}`);
    listener = client;
  }
  const ready = listen().catch((error: unknown) => log.error({ err: error }, "event bus could not listen"));

  return {
    async publish(message) {
      await notifier.query("SELECT pg_notify($1, $2)", [CHANNEL, JSON.stringify(message)]);
    },
    subscribe(handler) {
      return local.subscribe(handler);
    },
    async ready() {
      await ready;
    },
    async close() {
      closed = true;
      await ready;
      await Promise.all([listener?.end(), notifier.end(), local.close()]);
    },
  };
}
