import http from "node:http";
import type { AddressInfo } from "node:net";
import { NextRequest } from "next/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { inngestServeOptions } from "./serve-options";

/** A stand-in Inngest server that records what the app registers. */
async function fakeInngestServer() {
  const registrations: Array<{ url: string }> = [];
  const server = http.createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString()));
    request.on("end", () => {
      if (request.url?.startsWith("/fn/register")) registrations.push(JSON.parse(body) as { url: string });
      response.setHeader("content-type", "application/json");
      response.end(JSON.stringify({ ok: true, modified: true }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, registrations, close: () => server.close() };
}

describe("Inngest serve origin", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  it("registers INNGEST_SERVE_ORIGIN + /api/inngest, not the host the sync request came in on", async () => {
    const inngestServer = await fakeInngestServer();
    try {
      vi.stubEnv("INNGEST_BASE_URL", inngestServer.url);
      vi.stubEnv("INNGEST_EVENT_KEY", "test-event-key");
      vi.stubEnv("INNGEST_SIGNING_KEY", "signkey-test-0123456789abcdef0123456789abcdef");
      vi.stubEnv("INNGEST_SERVE_ORIGIN", "https://files.example.com");
      vi.resetModules();
      const { PUT } = await import("./route");
      const response = await PUT(new NextRequest("http://10.0.0.7:3000/api/inngest", { method: "PUT", headers: { host: "10.0.0.7:3000" } }), {});
      expect(response.status).toBeLessThan(300);
      expect(inngestServer.registrations.map((registration) => new URL(registration.url).origin + new URL(registration.url).pathname)).toEqual([
        "https://files.example.com/api/inngest",
      ]);
    } finally {
      inngestServer.close();
    }
  });

  it("leaves the URL to the SDK when unset, and keeps only the origin of a configured URL", () => {
    expect(inngestServeOptions(undefined)).toEqual({ servePath: "/api/inngest" });
    expect(inngestServeOptions("https://files.example.com/some/path")).toEqual({ servePath: "/api/inngest", serveOrigin: "https://files.example.com" });
  });
});
