import { z } from "zod";
import { describe, expect, it } from "vitest";
import { createGuestId, encodeGuestCookie, GUEST_COOKIE_NAME } from "@/server/auth/guest-cookie";
import { jsonRoute } from "./json-route";
import { ownedFileRoute } from "./owned-file-route";

// The prologues as a browser meets them: real Requests, real signed guest
// cookies, the real rate limiter. A new visitor's guest is set through
// next/headers, which only exists inside Next: the e2e specs cover that path.

const echoBody = z.object({ text: z.string().min(1, "Type something") });

function post(body: unknown, guestId?: string): Request {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (guestId) headers.cookie = `${GUEST_COOKIE_NAME}=${encodeURIComponent(encodeGuestCookie(guestId))}`;
  return new Request("http://localhost/api/test", { method: "POST", headers, body: typeof body === "string" ? body : JSON.stringify(body) });
}

/** A route that answers with what its handler was given. */
const echoRoute = (caller: "visitor" | "file-owner") =>
  jsonRoute({ route: "POST /api/test", body: echoBody, caller, rateLimit: "ai" }, async ({ body, actor, log }) =>
    Response.json({ text: body.text, actor, bindings: log.bindings() }),
  );

describe("jsonRoute", () => {
  it("hands the handler the parsed body, the guest behind the cookie and a logger bound to both route and guest", async () => {
    const guestId = createGuestId();
    const response = await echoRoute("visitor")(post({ text: "hello" }, guestId));
    expect(response.status).toBe(200);
    const answer = await response.json();
    expect(answer).toMatchObject({ text: "hello", actor: { kind: "guest", guestId }, bindings: { route: "POST /api/test", guestId } });
    expect(answer.bindings.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("answers a bad body with 400 and the schema's own message, before anything else", async () => {
    const invalid = await echoRoute("file-owner")(post({ text: "" }));
    expect(invalid.status).toBe(400);
    expect(await invalid.json()).toEqual({ error: { code: "BAD_REQUEST", message: "Type something" } });
    const notJson = await echoRoute("visitor")(post("{not json"));
    expect(notJson.status).toBe(400);
  });

  it("answers a file route's visitor without a cookie with the same 404 as someone else's file", async () => {
    const response = await echoRoute("file-owner")(post({ text: "hello" }));
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: { code: "NOT_FOUND" } });
  });

  it("rate-limits per actor with a readable 429 and Retry-After", async () => {
    const guestId = createGuestId();
    const route = echoRoute("visitor");
    const statuses: number[] = [];
    for (let call = 0; call < 11; call += 1) statuses.push((await route(post({ text: "again" }, guestId))).status);
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(200));
    const refused = await route(post({ text: "again" }, guestId));
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
  });
});

describe("ownedFileRoute", () => {
  const route = ownedFileRoute<{ id: string }>("GET /api/files/:id/test", async ({ params, actor }) => Response.json({ id: params.id, actor }));
  const get = (guestId?: string) =>
    new Request("http://localhost/api/files/f1/test", { headers: guestId ? { cookie: `${GUEST_COOKIE_NAME}=${encodeGuestCookie(guestId)}` } : {} });

  it("hands the handler the file id and the guest behind the cookie", async () => {
    const guestId = createGuestId();
    const response = await route(get(guestId), { params: Promise.resolve({ id: "f1" }) });
    expect(await response.json()).toEqual({ id: "f1", actor: { kind: "guest", guestId, role: "GUEST" } });
  });

  it("answers a visitor without a cookie with 404, making no guest", async () => {
    const response = await route(get(), { params: Promise.resolve({ id: "f1" }) });
    expect(response.status).toBe(404);
    expect(response.headers.get("set-cookie")).toBeNull();
  });
});
