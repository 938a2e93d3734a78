import { describe, expect, it } from "vitest";
import type { Actor } from "@/server/auth/actor";
import { createGuestId } from "@/server/auth/guest-cookie";
import { AppError } from "@/server/errors";
import { clientIp, enforceRateLimit } from "./rate-limit";

const guest = (): Actor => ({ kind: "guest", guestId: createGuestId(), role: "GUEST" });

describe("enforceRateLimit", () => {
  it("allows a burst up to the rule, then refuses with a readable 429", async () => {
    const actor = guest();
    const ip = `10.0.0.${Math.floor(Math.random() * 250)}-${Date.now()}`;
    for (let i = 0; i < 20; i += 1) await enforceRateLimit("chat", actor, ip);
    const error = await enforceRateLimit("chat", actor, ip).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("RATE_LIMITED");
    expect((error as AppError).message).toMatch(/^Too many requests\. Try again in \d+ s\.$/);
  });

  it("counts per IP too, so fresh guest cookies do not get around it", async () => {
    const ip = `ip-${Date.now()}-${Math.random()}`;
    for (let i = 0; i < 20; i += 1) await enforceRateLimit("chat", guest(), ip);
    await expect(enforceRateLimit("chat", guest(), ip)).rejects.toMatchObject({ code: "RATE_LIMITED" });
  });

  it("reads the client IP from the proxy headers", () => {
    // One proxy (as the tests run): the address it appended, not the one the client wrote in.
    expect(clientIp(new Headers({ "x-forwarded-for": "203.0.113.9, 198.51.100.7" }), 1)).toBe("198.51.100.7");
    // Two proxies (a CDN, then a load balancer on 10.0.0.1): the CDN's entry.
    expect(clientIp(new Headers({ "x-forwarded-for": "6.6.6.6, 203.0.113.9, 10.0.0.1" }), 2)).toBe("203.0.113.9");
    // Fewer entries than hops: the leftmost there is.
    expect(clientIp(new Headers({ "x-forwarded-for": "203.0.113.9" }), 2)).toBe("203.0.113.9");
    // No proxy: the header is the client's own, so it is not believed.
    expect(clientIp(new Headers({ "x-forwarded-for": "203.0.113.9", "x-real-ip": "198.51.100.2" }), 0)).toBe("local");
    expect(clientIp(new Headers({ "x-real-ip": "198.51.100.2" }), 1)).toBe("198.51.100.2");
    expect(clientIp(new Headers(), 1)).toBe("local");
  });

  it("believes no client-sent header by default (no proxy)", async () => {
    const { createAppEnv } = await import("@/env");
    expect(createAppEnv({}).TRUSTED_PROXY_HOPS).toBe(0);
    const spoofed = new Headers({ "x-forwarded-for": "203.0.113.9", "x-real-ip": "198.51.100.2", "x-fileforge-client-ip": "192.0.2.7" });
    // A plain `next start`: the stamp header could be the client's own.
    expect(clientIp(spoofed, 0, false)).toBe("local");
    // `npm start`'s server overwrote it with the socket's address.
    expect(clientIp(new Headers({ "x-fileforge-client-ip": "192.0.2.7", "x-forwarded-for": "203.0.113.9" }), 0, true)).toBe("192.0.2.7");
    expect(clientIp(new Headers({ "x-fileforge-client-ip": "" }), 0, true)).toBe("local");
    // Behind a proxy the stamp is the proxy's address: X-Forwarded-For decides.
    expect(clientIp(new Headers({ "x-fileforge-client-ip": "10.0.0.1", "x-forwarded-for": "203.0.113.9" }), 1, true)).toBe("203.0.113.9");
  });
});
