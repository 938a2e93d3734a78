import { describe, expect, it } from "vitest";
import type { Health } from "./get-health";
import { publicHealth } from "./public-health";

describe("publicHealth", () => {
  it("keeps each part's state and kind, drops every error text", () => {
    const health = {
      ok: false,
      status: "down",
      database: { ok: false, adapter: "postgres", error: "connect ECONNREFUSED 10.1.2.3:5432 (user fileforge)" },
      storage: { ok: false, driver: "local", error: "storage directory is not writable" },
      disk: { ok: true, freeBytes: 1, minFreeBytes: 1 },
      jobs: { engine: "embedded" },
      ai: { provider: "offline", model: "fileforge-offline" },
      time: "2026-12-05T00:00:00.000Z",
    } as unknown as Health;
    const shown = publicHealth(health);
    expect(JSON.stringify(shown)).not.toMatch(/ECONNREFUSED|10\.1\.2\.3|writable/);
    expect(shown).toMatchObject({
      status: "down",
      database: { ok: false, adapter: "postgres" },
      storage: { ok: false, driver: "local" },
      jobs: { engine: "embedded" },
      ai: { provider: "offline" },
    });
  });
});
