import pg from "pg";
import { describe, expect, inject, it } from "vitest";
import { logger } from "@/server/logger";
import type { BusMessage, EventBus } from "./event-bus";
import { createInProcessBus } from "./in-process-bus";
import { createPostgresBus } from "./postgres-bus";

function nextMessage(bus: EventBus): Promise<BusMessage> {
  return new Promise((resolve) => {
    const unsubscribe = bus.subscribe((message) => {
      unsubscribe();
      resolve(message);
    });
  });
}

describe("in-process bus", () => {
  it("delivers to every subscriber until it unsubscribes", async () => {
    const bus = createInProcessBus();
    const seen: string[] = [];
    const stop = bus.subscribe((message) => seen.push(`a:${message.id}`));
    bus.subscribe((message) => seen.push(`b:${message.id}`));
    await bus.publish({ topic: "job", id: "1" });
    stop();
    await bus.publish({ topic: "job", id: "2" });
    expect(seen).toEqual(["a:1", "b:1", "b:2"]);
  });
});

// LISTEN/NOTIFY crosses connections only on a real server; PGlite serves one
// shared session, which is why embedded mode uses the in-process bus.
describe.runIf(inject("databaseKind") === "postgres")("PostgreSQL LISTEN/NOTIFY bus", () => {
  it("carries a message from one app instance to another", async () => {
    const url = inject("databaseUrl");
    const instanceA = createPostgresBus(url, logger);
    const instanceB = createPostgresBus(url, logger);
    try {
      await Promise.all([instanceA.ready(), instanceB.ready()]);
      const received = nextMessage(instanceB);
      await instanceA.publish({ topic: "job", id: "cross-instance" });
      expect(await received).toEqual({ topic: "job", id: "cross-instance" });
    } finally {
      await Promise.all([instanceA.close(), instanceB.close()]);
    }
  });

  it("keeps working after the server drops its connections (a restart, a failover), with no uncaught error", async () => {
    // Only these buses' connections are dropped: other test files share the database.
    const app = `bus-drop-${Date.now()}`;
    const url = `${inject("databaseUrl")}${inject("databaseUrl").includes("?") ? "&" : "?"}application_name=${app}`;
    const uncaught: unknown[] = [];
    const onUncaught = (error: unknown) => uncaught.push(error);
    process.on("uncaughtException", onUncaught);
    const sender = createPostgresBus(url, logger);
    const receiver = createPostgresBus(url, logger);
    const admin = new pg.Client({ connectionString: inject("databaseUrl") });
    try {
      await Promise.all([sender.ready(), receiver.ready(), admin.connect()]);
      await sender.publish({ topic: "job", id: "before" }); // the notify pool now holds an idle connection
      const { rows } = await admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1", [app]);
      expect(rows.length).toBeGreaterThanOrEqual(2); // the listener and the idle notify connection
      await new Promise((resolve) => setTimeout(resolve, 1_500)); // the listener reconnects after 1 s
      await receiver.ready();
      const received = nextMessage(receiver);
      await sender.publish({ topic: "job", id: "after" });
      expect(await received).toEqual({ topic: "job", id: "after" });
      expect(uncaught).toEqual([]);
    } finally {
      process.off("uncaughtException", onUncaught);
      await admin.end();
      await Promise.all([sender.close(), receiver.close()]);
    }
  });
});
