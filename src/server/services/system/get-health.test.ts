import { describe, expect, it } from "vitest";
import { createPrismaClient, db } from "@/server/db";
import { getHealth } from "./get-health";

describe("getHealth", () => {
  it("reports the database, storage, job engine and AI provider", async () => {
    const health = await getHealth(db);
    expect(health.ok).toBe(true);
    expect(health.status).toBe("ok");
    expect(health.database.ok).toBe(true);
    expect(["pglite", "postgres"]).toContain(health.database.adapter);
    expect(health.storage).toMatchObject({ ok: true, driver: "local" });
    expect(health.disk).toMatchObject({ ok: true, minFreeBytes: 1024 * 1024 * 1024 });
    expect(health.disk.freeBytes).toBeGreaterThan(0);
    expect(health.jobs.engine).toBe("embedded");
    expect(health.ai).toEqual({ provider: "offline", model: "fileforge-offline" });
  });

  it("says the database is down when it cannot be reached", async () => {
    // Port 1 on loopback: nothing listens there, so the connection is refused at once.
    const unreachable = createPrismaClient("postgresql://nobody@127.0.0.1:1/none");
    try {
      const health = await getHealth(unreachable);
      expect(health.ok).toBe(false);
      expect(health.status).toBe("down");
      expect(health.database.ok).toBe(false);
    } finally {
      await unreachable.$disconnect();
    }
  });
});
