import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { GET as trpcGET } from "@/app/api/trpc/[trpc]/route";
import { createGuestId } from "@/server/auth/guest-cookie";
import { db } from "@/server/db";
import { admitNewGuest, hashGuestIp } from "./admit-new-guest";
import { assertWithinQuota, GUEST_NETWORK_QUOTA_MULTIPLIER } from "./assert-within-quota";

const uniqueIp = () => `203.0.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;

/** A cookieless visitor's first tRPC call, from `ip` behind the tests' one trusted proxy. */
function firstVisit(ip: string) {
  return trpcGET(
    new NextRequest("http://localhost:3000/api/trpc/chat.list?input=%7B%22json%22%3A%7B%7D%7D", {
      headers: { host: "localhost:3000", "x-forwarded-for": ip },
    }),
  );
}

describe("new guests per IP", () => {
  it("lets one IP create 30 guests in 10 minutes, then answers 429 with Retry-After; other IPs are unaffected", async () => {
    const ip = uniqueIp();
    for (let i = 0; i < 30; i++) {
      const response = await firstVisit(ip);
      expect(response.status).toBe(200);
      expect(response.headers.getSetCookie().some((line) => line.startsWith("ff_guest="))).toBe(true);
    }
    const refused = await firstVisit(ip);
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(9 * 60);
    expect(retryAfter).toBeLessThanOrEqual(10 * 60);
    expect(refused.headers.getSetCookie()).toEqual([]);
    expect(JSON.stringify(await refused.json())).toContain("Too many new visitors from your network");

    expect((await firstVisit(uniqueIp())).status).toBe(200);
  });

  it("sets the new guest's cookie on a streamed batch, as the browser's tRPC link asks for", async () => {
    const response = await trpcGET(
      new NextRequest("http://localhost:3000/api/trpc/chat.list,file.list?batch=1&input=%7B%220%22%3A%7B%22json%22%3A%7B%7D%7D%2C%221%22%3A%7B%22json%22%3A%7B%7D%7D%7D", {
        headers: { host: "localhost:3000", "x-forwarded-for": uniqueIp(), "trpc-accept": "application/jsonl" },
      }),
    );
    await response.text();
    expect(response.headers.getSetCookie().filter((line) => line.startsWith("ff_guest="))).toHaveLength(1);
  });

  it("remembers a new guest's network as an HMAC, never the address", async () => {
    const ip = uniqueIp();
    const guestId = createGuestId();
    await admitNewGuest(db, guestId, ip);
    const origin = await db.guestOrigin.findUniqueOrThrow({ where: { guestId } });
    expect(origin.ipHash).toBe(hashGuestIp(ip));
    expect(origin.ipHash).not.toContain(ip);
  });

  it("records nothing and limits nothing when the address is unknown", async () => {
    const guestId = createGuestId();
    for (let i = 0; i < 35; i++) await admitNewGuest(db, createGuestId(), "local");
    await admitNewGuest(db, guestId, "local");
    expect(await db.guestOrigin.findUnique({ where: { guestId } })).toBeNull();
  });
});

describe("guest networks are forgotten", () => {
  it("after two days, by the expiry sweep", async () => {
    const { deleteExpired } = await import("@/server/services/cleanup/delete-expired");
    const { getStorage } = await import("@/server/storage");
    const old = createGuestId();
    const recent = createGuestId();
    await db.guestOrigin.create({ data: { guestId: old, ipHash: "h", createdAt: new Date(Date.now() - 3 * 24 * 3600_000) } });
    await db.guestOrigin.create({ data: { guestId: recent, ipHash: "h" } });
    await deleteExpired(db, getStorage());
    expect(await db.guestOrigin.findUnique({ where: { guestId: old } })).toBeNull();
    expect(await db.guestOrigin.findUnique({ where: { guestId: recent } })).not.toBeNull();
  });
});

describe("anonymous daily quota per network", () => {
  it("refuses a fresh guest once the guests of its network used 20 × one guest's daily jobs", async () => {
    const ip = uniqueIp();
    const guests = Array.from({ length: GUEST_NETWORK_QUOTA_MULTIPLIER + 1 }, () => createGuestId());
    for (const guestId of guests) await admitNewGuest(db, guestId, ip);
    // Each of the first 20 guests used its whole daily job quota (20).
    await db.usageEvent.createMany({ data: guests.slice(0, GUEST_NETWORK_QUOTA_MULTIPLIER).map((guestId) => ({ guestId, kind: "JOB", amount: 20 })) });

    const fresh = { kind: "guest" as const, guestId: guests.at(-1) ?? "", role: "GUEST" as const };
    await expect(assertWithinQuota(db, fresh, "JOB")).rejects.toMatchObject({
      code: "QUOTA_EXCEEDED",
      message: expect.stringContaining("guests on your network: 400 jobs"),
    });

    // A guest from another network is not held back by them.
    const elsewhere = createGuestId();
    await admitNewGuest(db, elsewhere, uniqueIp());
    await expect(assertWithinQuota(db, { kind: "guest", guestId: elsewhere, role: "GUEST" }, "JOB")).resolves.toBeUndefined();
  });
});
