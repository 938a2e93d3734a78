import { afterEach, describe, expect, it, vi } from "vitest";

describe("GET /api/health", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  it("answers 200 with JSON when the database is reachable", async () => {
    const { GET } = await import("./route");
    const response = await GET(new Request("http://localhost:3000/api/health"));
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const body = (await response.json()) as { status: string; database: { ok: boolean } };
    expect(body.status).toBe("ok");
    expect(body.database.ok).toBe(true);
  });

  it("answers 503 when the database is unreachable", async () => {
    vi.stubEnv("DATABASE_URL", "postgresql://nobody@127.0.0.1:1/none");
    vi.resetModules();
    const globals = globalThis as { fileforgeDb?: unknown };
    const cached = globals.fileforgeDb;
    delete globals.fileforgeDb;
    try {
      const { GET } = await import("./route");
      const response = await GET(new Request("http://localhost:3000/api/health"));
      expect(response.status).toBe(503);
      const text = await response.text();
      const body = JSON.parse(text) as { status: string; database: { ok: boolean; adapter: string; error?: string } };
      expect(body.status).toBe("down");
      expect(body.database.ok).toBe(false);
      // The kind of each part stays public; the reason (hosts, ports, users) does not.
      expect(body.database.adapter).toBeTruthy();
      expect(body.database.error).toBeUndefined();
      expect(text).not.toMatch(/127\.0\.0\.1|ECONNREFUSED|nobody|refused|within/i);
    } finally {
      globals.fileforgeDb = cached;
    }
  });

  it("gives a signed-in admin the full report, and an ordinary user the public one", async () => {
    const { createPublicHealthFixture } = await import("~/test/support/health-fixture");
    const { adminCookie, userCookie } = await createPublicHealthFixture();
    const { GET } = await import("./route");
    const asAdmin = (await (await GET(new Request("http://localhost:3000/api/health", { headers: { cookie: adminCookie } }))).json()) as {
      database: { latencyMs?: number };
    };
    expect(asAdmin.database.latencyMs).toBeGreaterThanOrEqual(0);
    const asUser = await GET(new Request("http://localhost:3000/api/health", { headers: { cookie: userCookie } }));
    expect(asUser.status).toBe(200);
  });
});
