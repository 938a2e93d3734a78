import { afterEach, describe, expect, it, vi } from "vitest";

describe("GET /api/health", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  it("answers 200 with JSON when the database is reachable", async () => {
    const { GET } = await import("./route");
    const response = await GET();
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
      const response = await GET();
      expect(response.status).toBe(503);
      const body = (await response.json()) as { status: string; database: { ok: boolean; error: string } };
      expect(body.status).toBe("down");
      expect(body.database.ok).toBe(false);
      expect(body.database.error).toBeTruthy();
    } finally {
      globals.fileforgeDb = cached;
    }
  });
});
